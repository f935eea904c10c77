"""Pages of the service desk: the workspace (queues, bulk actions, saved filters), support
groups, and the lapse reports."""
