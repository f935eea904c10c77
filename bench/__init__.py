"""`make bench`: build a realistic data set and measure iso20k against the floor and a peer."""
