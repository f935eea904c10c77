"""Business calendars: working hours, time zones, public and organisation holidays (8.3.3).

engine/ holds the pure business-time arithmetic; loading.spec_for(calendar) gives the
cached CalendarSpec of a stored calendar; coverage says per year where holiday data comes
from. Every change goes through services.py, which queues the recompute of open SLA clocks.
"""
