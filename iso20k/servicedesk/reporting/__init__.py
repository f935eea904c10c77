"""Lapse reports of the service desk: what an auditor asks for, read from the maintained
monthly figures (servicedesk.models.TicketMonthStat) and the indexed SLA columns, never
from a scan of the whole history."""
