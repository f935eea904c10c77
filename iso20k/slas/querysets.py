"""Reads of agreements and clocks for pages and the API, in constant queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from .choices import OPEN_STAGES
from .models import ServiceLevelAgreement, SlaClock, SlaTarget


def for_list(agreements: QuerySet[ServiceLevelAgreement]) -> QuerySet[ServiceLevelAgreement]:
    return (
        agreements.select_related("customer", "service", "calendar")
        .annotate(
            open_clocks=Count("subjects__clocks", filter=Q(subjects__clocks__stage__in=OPEN_STAGES))
        )
        .prefetch_related(
            Prefetch(
                "targets", queryset=SlaTarget.objects.order_by("priority"), to_attr="target_list"
            )
        )
    )


def open_clocks_of(agreement: ServiceLevelAgreement) -> QuerySet[SlaClock]:
    return (
        SlaClock.objects.filter(subject__agreement=agreement, stage__in=OPEN_STAGES)
        .select_related("subject")
        .order_by("breach_at", "pk")
    )


def breaching_soon_q(now, prefix: str = "sla_") -> Q:
    """For ticket lists: rows whose headline clock is running and past its warning time."""
    return Q(**{f"{prefix}stage": "running", f"{prefix}warning_at__lte": now})


def past_due_q(now, prefix: str = "sla_") -> Q:
    """For ticket lists: rows whose headline clock is running and past its deadline.

    A running clock means an open ticket (the SLA service stops or cancels every clock when
    a ticket resolves, closes or is cancelled), so callers need not add is_open: with it,
    PostgreSQL combined two indexes, estimated 400 rows for 15,000 (the conditions go
    together) and sorted them all, 60 ms instead of 0.2 ms for the ordered walk of the SLA
    due index (sla_stage, sla_breach_at, id)."""
    return Q(**{f"{prefix}stage": "running", f"{prefix}breach_at__lte": now})
