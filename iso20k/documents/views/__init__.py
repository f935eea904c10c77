"""Pages of document control: the register, versions and their workflow, reading, and the
library (template set, mandatory documented information, ITIL 4 mapping)."""
