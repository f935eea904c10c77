"""Models of the service desk: support groups, saved filters, monthly figures, and the
abstract ticket bases the ticket apps inherit."""

from .filters import SavedFilter
from .groups import SupportGroup
from .summary import TicketMonthStat
from .tickets import Ticket, TicketComment, ticket_indexes

__all__ = [
    "SavedFilter",
    "SupportGroup",
    "Ticket",
    "TicketComment",
    "TicketMonthStat",
    "ticket_indexes",
]
