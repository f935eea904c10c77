"""Service level agreements (8.3.3) and the SLA clocks of tickets. Ticket apps use this API:

    from iso20k.slas import clocks
    agreement = clocks.find_agreement(customer=c, service=s)   # most specific active one
    snap = clocks.start_clocks(ticket, agreement=agreement, priority="P2", at=logged_at,
                               actor=user, status="new", resolution_target_minutes=None)
    snap = clocks.track_status(ticket, status="awaiting_customer", at=when, actor=user)
    snap = clocks.record_first_response(ticket, at=when, actor=user)   # first public reply
    snap = clocks.change_priority(ticket, priority="P1", at=when, actor=user)
    snap = clocks.change_agreement(ticket, agreement=other, at=when, actor=user)
    clocks.snapshot_of(ticket); clocks.clocks_of(ticket)               # reads

Every call runs inside the caller's transaction and returns an SlaSnapshot (None if the
ticket is not measured); snap.fields() fills the ticket's SlaSnapshotFields columns. Status
meaning (stop / cancel; leaving them reopens a new cycle), e-mail recipients and the
on_change hook come from subjects.register(SubjectType(...)); pause statuses from the
agreement. priorities.priority_for(impact, urgency) is the matrix. display.* reads state
and "2 h 15 min left" from stored columns. The worker (tasks.py) raises warnings and
breaches once each and recomputes open clocks after calendar or agreement changes.
Full guide: docs/sla-engine.md.
"""
