"""Pages of training and competence."""
