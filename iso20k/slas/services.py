"""Service level agreements: every change to an agreement and its targets goes through here.

Each function checks its rules, writes the version-checked row, records history, and after
commit queues the worker to recompute the agreement's open clocks when targets, calendar,
warning threshold or pause statuses changed. Clock changes caused by tickets are in
clocks.py. Raises ValidationError (field-keyed, coded) or ConflictError.
"""

import datetime
import re
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.core.tasks import enqueue_on_commit
from iso20k.history import services as history

from . import recompute, subjects
from .choices import AgreementStatus, Priority
from .models import ServiceLevelAgreement, SlaTarget
from .priorities import check_priority

AGREEMENT_FIELDS = [
    "name_en",
    "name_zh_hans",
    "description_en",
    "description_zh_hans",
    "customer",
    "service",
    "calendar",
    "pause_statuses",
    "warning_percent",
    "achievement_percent",
]
# Changing these changes how open clocks count, so they are recomputed.
CLOCK_FIELDS = {"calendar", "pause_statuses", "warning_percent"}
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
MAX_TARGET_MINUTES = 366 * 24 * 60
Targets = dict[str, tuple[int | None, int | None]]


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def target_field(priority: str, kind: str) -> str:
    """Form and error key of one target, e.g. "p1_response_minutes"."""
    return f"{priority.lower()}_{kind}_minutes"


def _check_minutes(value, field: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise _error(
            field,
            _("A target must be a whole number of minutes above zero."),
            "target_not_positive",
        )
    if value > MAX_TARGET_MINUTES:
        raise _error(field, _("A target cannot exceed a year."), "target_too_long")
    return value


def check_targets(targets: Targets) -> Targets:
    """{priority: (response, resolution)} checked: known priorities, positive minutes,
    response not later than resolution, at least one target."""
    cleaned: Targets = {}
    for priority, (response, resolution) in targets.items():
        check_priority(priority, field="targets")
        response = _check_minutes(response, target_field(priority, "response"))
        resolution = _check_minutes(resolution, target_field(priority, "resolution"))
        if response and resolution and response > resolution:
            raise _error(
                target_field(priority, "response"),
                _("%(priority)s: the response target cannot be longer than the resolution target."),
                "response_after_resolution",
                priority=priority,
            )
        cleaned[priority] = (response, resolution)
    if not any(r or s for r, s in cleaned.values()):
        raise _error("targets", _("Set at least one target."), "targets_required")
    return cleaned


def _check_fields(fields: dict, exclude_pk: int | None = None) -> None:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise _error("name_en", _("Give a name in at least one language."), "name_required")
    calendar = fields.get("calendar")
    if calendar is None or not calendar.is_active:
        raise _error("calendar", _("Choose an active business calendar."), "invalid_calendar")
    known = {code for code, _label in subjects.pause_status_choices()}
    unknown = [s for s in fields.get("pause_statuses") or [] if s not in known]
    if unknown:
        raise _error(
            "pause_statuses",
            _("“%(value)s” is not a status that can pause a clock."),
            "unknown_pause_status",
            value=unknown[0],
        )
    percent = fields.get("warning_percent")
    if isinstance(percent, bool) or not isinstance(percent, int) or not 1 <= percent <= 99:
        raise _error(
            "warning_percent",
            _("Warn between 1 % and 99 % of the target."),
            "warning_percent_range",
        )
    achieved = fields.get("achievement_percent")
    if (
        isinstance(achieved, bool)
        or not isinstance(achieved, int | Decimal)
        or not Decimal(0) < achieved <= Decimal(100)
        or Decimal(achieved).as_tuple().exponent < -1
    ):
        raise _error(
            "achievement_percent",
            _("Give the agreed achievement as a percentage above 0 and at most 100, e.g. 95.0."),
            "achievement_percent_range",
        )


def _check_unique(customer, service, exclude_pk: int | None) -> None:
    clash = ServiceLevelAgreement.objects.filter(
        Q(customer=customer) if customer else Q(customer__isnull=True),
        Q(service=service) if service else Q(service__isnull=True),
        status=AgreementStatus.ACTIVE,
    ).exclude(pk=exclude_pk)
    other = clash.first()
    if other is not None:
        raise _error(
            "customer",
            _("The active agreement “%(value)s” already covers this customer and service."),
            "duplicate_agreement",
            value=other.code,
        )


def _targets_text(agreement: ServiceLevelAgreement) -> str:
    return "; ".join(
        f"{t.priority} {t.response_minutes or '—'}/{t.resolution_minutes or '—'}"
        for t in agreement.targets.order_by("priority")
    )


def _store_targets(agreement: ServiceLevelAgreement, targets: Targets) -> None:
    agreement.targets.exclude(priority__in=list(targets)).delete()
    for priority in Priority.values:
        if priority not in targets:
            continue
        response, resolution = targets[priority]
        if response is None and resolution is None:
            agreement.targets.filter(priority=priority).delete()
            continue
        SlaTarget.objects.update_or_create(
            agreement=agreement,
            priority=priority,
            defaults={"response_minutes": response, "resolution_minutes": resolution},
        )


@transaction.atomic
def create_agreement(*, actor, code: str, targets: Targets, **fields) -> ServiceLevelAgreement:
    """Add an agreement with its targets. Event slas.servicelevelagreement.created."""
    code = (code or "").strip().lower()
    if not CODE.match(code):
        raise _error(
            "code", _("Use lower-case letters, digits and hyphens (at most 40)."), "invalid_code"
        )
    if ServiceLevelAgreement.objects.filter(code=code).exists():
        raise _error(
            "code",
            _("An agreement with the code “%(value)s” already exists."),
            "duplicate_code",
            value=code,
        )
    fields = {
        "pause_statuses": [],
        "warning_percent": 75,
        "achievement_percent": Decimal("95.0"),
        **fields,
    }
    _check_fields(fields)
    targets = check_targets(targets)
    _check_unique(fields.get("customer"), fields.get("service"), None)
    agreement = ServiceLevelAgreement.objects.create(code=code, **fields)
    _store_targets(agreement, targets)
    changes = history.with_labels(
        ServiceLevelAgreement, history.initial(agreement, ["code", *AGREEMENT_FIELDS])
    )
    changes["targets"] = [None, _targets_text(agreement)]
    history.record(
        agreement, event="slas.servicelevelagreement.created", actor=actor, changes=changes
    )
    return agreement


def _check_update(agreement, fields: dict, targets: Targets | None) -> Targets | None:
    if set(fields) - set(AGREEMENT_FIELDS):
        raise ValueError(f"not agreement fields: {sorted(set(fields) - set(AGREEMENT_FIELDS))}")
    merged = {n: fields.get(n, getattr(agreement, n)) for n in AGREEMENT_FIELDS}
    _check_fields(merged)
    if agreement.status == AgreementStatus.ACTIVE:
        _check_unique(merged["customer"], merged["service"], agreement.pk)
    return check_targets(targets) if targets is not None else None


@transaction.atomic
def update_agreement(
    agreement: ServiceLevelAgreement,
    *,
    actor,
    expected_version: int | None,
    targets: Targets | None = None,
    **fields,
) -> ServiceLevelAgreement:
    """Edit an agreement and/or its targets. Event slas.servicelevelagreement.updated.

    When targets, calendar, warning threshold or pause statuses change, the open clocks of
    the agreement's tickets are recomputed by the worker (targets and calendar for the
    whole open cycle; pause statuses from now on).
    """
    require_version(agreement, expected_version)
    targets = _check_update(agreement, fields, targets)
    before = history.snapshot(agreement, list(fields))
    targets_before = _targets_text(agreement)
    for name, value in fields.items():
        setattr(agreement, name, value)
    save_versioned(agreement, fields=list(fields), expected_version=expected_version)
    if targets is not None:
        _store_targets(agreement, targets)
    changes = history.with_labels(
        ServiceLevelAgreement, history.diff(before, history.snapshot(agreement, list(fields)))
    )
    if _targets_text(agreement) != targets_before:
        changes["targets"] = [targets_before, _targets_text(agreement)]
    history.record(
        agreement, event="slas.servicelevelagreement.updated", actor=actor, changes=changes
    )
    if CLOCK_FIELDS & set(changes) or "targets" in changes:
        request_recompute(agreement)
    return agreement


@transaction.atomic
def set_agreement_status(
    agreement: ServiceLevelAgreement, *, actor, expected_version: int | None, status: str
) -> ServiceLevelAgreement:
    """Retire an agreement (no new tickets; open clocks run on) or reactivate it."""
    require_version(agreement, expected_version)
    if status not in AgreementStatus.values or status == agreement.status:
        raise _error("status", _("The agreement already has this status."), "unchanged")
    if status == AgreementStatus.ACTIVE:
        _check_unique(agreement.customer, agreement.service, agreement.pk)
        if not agreement.calendar.is_active:
            raise _error("calendar", _("Choose an active business calendar."), "invalid_calendar")
    agreement.status = status
    save_versioned(agreement, fields=["status"], expected_version=expected_version)
    event = "reactivated" if status == AgreementStatus.ACTIVE else "retired"
    history.record(
        agreement,
        event=f"slas.servicelevelagreement.{event}",
        actor=actor,
        changes={"status": [None, status]},
    )
    return agreement


def request_recompute(
    agreement: ServiceLevelAgreement, effective_at: datetime.datetime | None = None
) -> None:
    """Queue the worker to recompute the agreement's open clocks after commit."""
    from .tasks import recompute_agreement_clocks

    moment = (effective_at or timezone.now()).isoformat()
    enqueue_on_commit(recompute_agreement_clocks, agreement.pk, moment)


def recompute_agreement(
    agreement_id: int, *, actor, effective_at: datetime.datetime | None = None
) -> int:
    """Recompute the open clocks of one agreement (worker). Event …clocks_recomputed."""
    agreement = ServiceLevelAgreement.objects.filter(pk=agreement_id).first()
    if agreement is None:
        return 0
    count = recompute.recompute(
        recompute.open_clocks_of_agreement(agreement_id), actor=actor, effective_at=effective_at
    )
    with transaction.atomic():
        history.record(
            agreement,
            event="slas.servicelevelagreement.clocks_recomputed",
            actor=actor,
            data={"reason": "agreement", "clocks": count},
        )
    return count


def recompute_calendars(calendar_ids: list[int], *, actor) -> int:
    """Recompute every open clock counted on these calendars (worker)."""
    clocks = recompute.open_clocks_of_calendars(calendar_ids)
    per_agreement = dict(
        clocks.order_by()
        .values_list("subject__agreement_id")
        .annotate(n=Count("pk"))
        .values_list("subject__agreement_id", "n")
    )
    count = recompute.recompute(clocks, actor=actor)
    with transaction.atomic():
        for agreement in ServiceLevelAgreement.objects.filter(pk__in=per_agreement):
            history.record(
                agreement,
                event="slas.servicelevelagreement.clocks_recomputed",
                actor=actor,
                data={
                    "reason": "calendar",
                    "calendars": calendar_ids,
                    "clocks": per_agreement[agreement.pk],
                },
            )
    return count


def queue_calendar_recompute(calendar_ids: list[int]) -> None:
    """Listener of calendars: enqueue the recompute (called after the change committed)."""
    from .tasks import recompute_calendar_clocks

    recompute_calendar_clocks.enqueue(list(calendar_ids))


def open_clocks_on_calendars(calendar_ids: list[int]) -> int:
    return recompute.open_clocks_of_calendars(calendar_ids).count()
