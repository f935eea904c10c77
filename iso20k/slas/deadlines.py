"""Breach warnings and breaches, raised once each by the task worker.

Each due clock is claimed with a conditional UPDATE (still running, not yet notified, same
breach time), so two workers can never both raise it; e-mails carry a dedupe key per clock,
event and recipient as well. Recipients come from the ticket app's SubjectType. A breach
that happened more than STALE_AFTER ago (e.g. a back-dated import) is marked but not mailed.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from iso20k.notifications.services import queue_email

from . import subjects
from .choices import ClockStage
from .models import SlaClock
from .snapshot import SlaSnapshot

logger = logging.getLogger(__name__)
STALE_AFTER = datetime.timedelta(hours=24)
BATCH = 500


@dataclass(frozen=True)
class AlertReport:
    warnings: int
    breaches: int


def _notify(clock: SlaClock, event: str, now: datetime.datetime) -> None:
    moment = clock.breach_at if event == "breach" else clock.warning_at
    if moment is None or now - moment > STALE_AFTER:
        return
    subject_type = subjects.find(clock.subject.subject_type)
    if subject_type is None:
        logger.warning("no SLA subject type %s: nobody told", clock.subject.subject_type)
        return
    info = subject_type.describe([clock.subject.subject_id]).get(clock.subject.subject_id)
    context = {
        "event": event,
        "kind": clock.kind,
        "cycle": clock.cycle,
        "priority": clock.priority,
        "agreement": clock.subject.agreement.code,
        "agreement_name_en": clock.subject.agreement.name_en,
        "agreement_name_zh_hans": clock.subject.agreement.name_zh_hans,
        "breach_at": clock.breach_at.isoformat() if clock.breach_at else "",
        "reference": info.reference if info else f"#{clock.subject.subject_id}",
        "title": info.title if info else "",
        "url": info.url if info else "",
    }
    template = "sla_breached" if event == "breach" else "sla_warning"
    for user in subject_type.recipients(clock.subject.subject_id, clock, event):
        queue_email(
            recipient=user,
            template=template,
            context=context,
            dedupe_key=f"sla:{event}:{clock.pk}:{user.pk}",
        )


def _changed(clock: SlaClock) -> None:
    subject = clock.subject
    subject_type = subjects.find(subject.subject_type)
    if subject_type is not None and subject_type.on_change is not None:
        subject_type.on_change(subject.subject_id, SlaSnapshot.of(subject, subject.clocks.all()))


def _raise_breaches(now: datetime.datetime) -> int:
    due = SlaClock.objects.filter(
        stage=ClockStage.RUNNING, breach_at__lte=now, breach_notified_at__isnull=True
    ).select_related("subject__agreement")[:BATCH]
    raised = 0
    for clock in due:
        with transaction.atomic():
            claimed = SlaClock.objects.filter(
                pk=clock.pk,
                stage=ClockStage.RUNNING,
                breach_at=clock.breach_at,
                breach_notified_at__isnull=True,
            ).update(
                breached=True,
                breached_at=clock.breach_at,
                breach_notified_at=now,
                warning_notified_at=Coalesce(F("warning_notified_at"), now),
            )
            if not claimed:
                continue
            clock.breached = True
            _notify(clock, "breach", now)
            _changed(clock)
            raised += 1
    return raised


def _raise_warnings(now: datetime.datetime) -> int:
    due = SlaClock.objects.filter(
        stage=ClockStage.RUNNING,
        warning_at__lte=now,
        breach_at__gt=now,
        warning_notified_at__isnull=True,
    ).select_related("subject__agreement")[:BATCH]
    raised = 0
    for clock in due:
        with transaction.atomic():
            claimed = SlaClock.objects.filter(
                pk=clock.pk,
                stage=ClockStage.RUNNING,
                warning_at=clock.warning_at,
                warning_notified_at__isnull=True,
            ).update(warning_notified_at=now)
            if not claimed:
                continue
            _notify(clock, "warning", now)
            _changed(clock)
            raised += 1
    return raised


def raise_due_alerts(now: datetime.datetime | None = None) -> AlertReport:
    """Mark and announce every breach and warning that has come due (breaches first)."""
    now = now or timezone.now()
    breaches = _raise_breaches(now)
    return AlertReport(warnings=_raise_warnings(now), breaches=breaches)
