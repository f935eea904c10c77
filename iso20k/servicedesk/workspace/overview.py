"""The desk overview: for each ticket kind the user reads, its queues with bounded counts,
and the open tickets that breach first (from the SLA columns and their index)."""

from django.urls import reverse
from django.utils import timezone

from iso20k.slas.display import describe_rows

from .. import kinds
from ..choices import Queue
from .queues import queue_counts

SOON = 8


def overview(user) -> dict:
    now = timezone.now()
    sections = []
    for kind in kinds.registered():
        if not kind.can_view(user):
            continue
        due = list(
            kind.visible(user)
            # A running clock means an open ticket (see slas.querysets.past_due_q).
            .filter(sla_stage="running", sla_breach_at__isnull=False)
            .select_related("assignee", "assigned_group")
            .order_by("sla_breach_at", "id")[:SOON]
        )
        sla = describe_rows(due, now)
        counts = queue_counts(kind, user, now)
        sections.append(
            {
                "kind": kind,
                "title": str(kind.model._meta.verbose_name_plural).capitalize(),
                "url": reverse(kind.list_url),
                "queues": [(code, label, counts.get(code)) for code, label in Queue.choices],
                "due": [(ticket, sla[ticket.pk]) for ticket in due],
            }
        )
    return {"sections": sections}
