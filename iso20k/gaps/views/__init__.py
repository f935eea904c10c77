"""Pages of gap assessments and gaps."""
