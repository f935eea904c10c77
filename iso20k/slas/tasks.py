"""Background work of SLAs: raise due warnings and breaches every minute; recompute open
clocks after an agreement or calendar changed (enqueued by the services on commit)."""

from datetime import timedelta

from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def raise_sla_alerts() -> dict:
    from .deadlines import raise_due_alerts

    with change_context("task"):
        report = raise_due_alerts()
    return {"warnings": report.warnings, "breaches": report.breaches}


@task
def recompute_agreement_clocks(agreement_id: int, effective_at: str | None = None) -> int:
    """Replay the open clocks of an agreement (targets, calendar, pause statuses changed)."""
    from django.utils.dateparse import parse_datetime

    from iso20k.accounts.services import system_actor

    from . import services

    with change_context("task"):
        return services.recompute_agreement(
            agreement_id,
            actor=system_actor(),
            effective_at=parse_datetime(effective_at) if effective_at else None,
        )


@task
def recompute_calendar_clocks(calendar_ids: list[int]) -> int:
    """Replay the open clocks counted on these calendars (hours or holidays changed)."""
    from iso20k.accounts.services import system_actor

    from . import services

    with change_context("task"):
        return services.recompute_calendars(calendar_ids, actor=system_actor())


scheduling.every(raise_sla_alerts, timedelta(minutes=1))
