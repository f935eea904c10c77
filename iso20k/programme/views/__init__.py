"""Pages of the certification programme, split by what they show."""
