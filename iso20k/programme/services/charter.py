"""The programme charter and its approval by top management.

create_programme() also lays out the seven stage milestones between the start and target
dates and puts the sponsor and the lead in the team. The charter is edited in draft only;
an approved charter is reopened (back to draft) to be revised and approved again.
"""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..choices import (
    STAGE_WEIGHTS,
    Currency,
    ProgrammeKind,
    ProgrammeRole,
    ProgrammeStatus,
    Purpose,
    Stage,
)
from ..models import Milestone, Programme, TeamMember
from .rules import field_error, require_internal, require_order, require_text_in_a_language

CHARTER_FIELDS = [
    "kind",
    "title_en",
    "title_zh_hans",
    "purposes",
    "objectives_en",
    "objectives_zh_hans",
    "scope_statement",
    "scope_note_en",
    "scope_note_zh_hans",
    "starts_on",
    "target_on",
    "sponsor",
    "lead",
    "currency",
]
MILESTONE_FIELDS = ["stage", "title_en", "title_zh_hans", "planned_start_on", "planned_end_on"]


def _check_charter(fields: dict) -> None:
    require_text_in_a_language(
        fields, "title", _("Give the programme a title in at least one language."), "title_required"
    )
    require_order(
        fields.get("starts_on"),
        fields.get("target_on"),
        "target_on",
        _("The target certification date cannot be before the start date."),
    )
    if fields.get("kind") not in ProgrammeKind.values:
        raise field_error("kind", _("Choose a kind of programme."), "invalid_choice")
    if fields.get("currency") not in Currency.values:
        raise field_error("currency", _("Choose a currency from the list."), "invalid_choice")
    unknown = [p for p in fields.get("purposes") or [] if p not in Purpose.values]
    if unknown:
        raise field_error(
            "purposes",
            _("Unknown purpose: %(value)s."),
            "unknown_purpose",
            value=", ".join(map(str, unknown)),
        )
    sponsor = fields.get("sponsor")
    if sponsor is None or not accounts.has_role(sponsor, Role.TOP_MANAGEMENT):
        raise field_error(
            "sponsor",
            _("The sponsor must be a member of top management."),
            "sponsor_not_top_management",
        )
    require_internal(fields.get("lead"), "lead")


def stage_dates(starts_on: date, target_on: date) -> dict[str, tuple[date, date]]:
    """Planned dates of the seven stages: six share the run-up in proportion to their
    weight and end on the target date; improvement runs for a year after it."""
    days = (target_on - starts_on).days
    total = sum(STAGE_WEIGHTS.values())
    dates, start, used = {}, starts_on, 0.0
    for stage, weight in STAGE_WEIGHTS.items():
        used += weight
        end = starts_on + timedelta(days=round(days * used / total))
        dates[stage] = (start, max(start, end))
        start = min(end + timedelta(days=1), target_on)
    dates[Stage.IMPROVE] = (target_on, target_on + timedelta(days=365))
    return dates


def _stage_titles(stage: str) -> dict[str, str]:
    label = Stage(stage).label
    with translation.override("en"):
        english = str(label)
    with translation.override("zh-hans"):
        chinese = str(label)
    return {"title_en": english, "title_zh_hans": chinese}


def _lay_out_milestones(programme: Programme, *, actor) -> None:
    for stage, (start, end) in stage_dates(programme.starts_on, programme.target_on).items():
        milestone = Milestone.objects.create(
            programme=programme,
            stage=stage,
            planned_start_on=start,
            planned_end_on=end,
            **_stage_titles(stage),
        )
        history.record(
            milestone,
            event="programme.milestone.added",
            actor=actor,
            changes=history.initial(milestone, MILESTONE_FIELDS),
            data={"programme": programme.pk},
        )


def _add_founding_member(programme: Programme, *, actor, person, role: str) -> None:
    member = TeamMember.objects.create(
        programme=programme,
        person=person,
        role=role,
        department=person.department,
        joined_on=programme.starts_on,
    )
    history.record(
        member,
        event="programme.teammember.added",
        actor=actor,
        changes=history.initial(member, ["person", "role", "department"]),
        data={"programme": programme.pk},
    )


@transaction.atomic
def create_programme(*, actor, **fields) -> Programme:
    """Start a programme in draft, with its seven stage milestones and founding members.

    Raises ValidationError (title_required, end_before_start, sponsor_not_top_management,
    not_internal, unknown_purpose). Events programme.programme.created, milestone.added,
    teammember.added.
    """
    fields.setdefault("kind", ProgrammeKind.INITIAL)
    fields.setdefault("currency", Currency.CNY)
    _check_charter(fields)
    programme = Programme.objects.create(**fields)
    history.record(
        programme,
        event="programme.programme.created",
        actor=actor,
        changes=history.initial(programme, CHARTER_FIELDS),
    )
    _lay_out_milestones(programme, actor=actor)
    _add_founding_member(
        programme, actor=actor, person=programme.sponsor, role=ProgrammeRole.SPONSOR
    )
    _add_founding_member(
        programme, actor=actor, person=programme.lead, role=ProgrammeRole.PROJECT_LEAD
    )
    return programme


def _require_status(programme: Programme, *allowed: str) -> None:
    if programme.status not in allowed:
        raise field_error(
            "status",
            _("This is not possible while the programme is “%(status)s”."),
            "wrong_status",
            status=programme.get_status_display(),
        )


@transaction.atomic
def update_programme(
    programme: Programme, *, actor, expected_version: int | None, **fields
) -> Programme:
    """Edit the charter of a draft programme. Event programme.programme.updated."""
    require_version(programme, expected_version)
    _require_status(programme, ProgrammeStatus.DRAFT)
    merged = {name: fields.get(name, getattr(programme, name)) for name in CHARTER_FIELDS}
    _check_charter(merged)
    before = history.snapshot(programme, list(fields))
    for name, value in fields.items():
        setattr(programme, name, value)
    save_versioned(programme, fields=list(fields), expected_version=expected_version)
    history.record(
        programme,
        event="programme.programme.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(programme, list(fields))),
    )
    return programme


@transaction.atomic
def submit_programme(programme: Programme, *, actor, expected_version: int | None) -> Programme:
    """Ask top management to approve the charter; it needs purposes and an SMS scope."""
    require_version(programme, expected_version)
    _require_status(programme, ProgrammeStatus.DRAFT)
    if not programme.purposes:
        raise field_error(
            "purposes", _("Say why the organisation seeks certification."), "purposes_required"
        )
    if programme.scope_statement_id is None:
        raise field_error(
            "scope_statement",
            _("Link the programme to a version of the SMS scope."),
            "scope_required",
        )
    programme.status, programme.submitted_at = ProgrammeStatus.SUBMITTED, timezone.now()
    save_versioned(programme, fields=["status", "submitted_at"], expected_version=expected_version)
    history.record(programme, event="programme.programme.submitted", actor=actor)
    return programme


@transaction.atomic
def withdraw_programme(programme: Programme, *, actor, expected_version: int | None) -> Programme:
    """Take a submitted charter back to draft."""
    require_version(programme, expected_version)
    _require_status(programme, ProgrammeStatus.SUBMITTED)
    programme.status, programme.submitted_at = ProgrammeStatus.DRAFT, None
    save_versioned(programme, fields=["status", "submitted_at"], expected_version=expected_version)
    history.record(programme, event="programme.programme.withdrawn", actor=actor)
    return programme


def _require_top_management(actor) -> None:
    if not accounts.has_role(actor, Role.TOP_MANAGEMENT):
        raise PermissionDenied(_("Only top management can approve or return the programme."))


@transaction.atomic
def approve_programme(
    programme: Programme, *, actor, expected_version: int | None, note: str = ""
) -> Programme:
    """Top management approves the charter: the named approver and time are kept.

    Raises PermissionDenied for anyone but top management. Event programme.programme.approved.
    """
    require_version(programme, expected_version)
    _require_top_management(actor)
    _require_status(programme, ProgrammeStatus.SUBMITTED)
    now = timezone.now()
    programme.status, programme.decided_by, programme.decided_at = (
        ProgrammeStatus.APPROVED,
        actor,
        now,
    )
    programme.approved_at, programme.decision_note = now, note
    save_versioned(
        programme,
        fields=["status", "decided_by", "decided_at", "approved_at", "decision_note"],
        expected_version=expected_version,
    )
    history.record(
        programme, event="programme.programme.approved", actor=actor, data={"note": note}
    )
    return programme


def _require_note(note: str, message: str) -> None:
    if not (note or "").strip():
        raise ValidationError({"note": ValidationError(message, code="note_required")})


@transaction.atomic
def reject_programme(
    programme: Programme, *, actor, expected_version: int | None, note: str
) -> Programme:
    """Top management returns the charter to draft, saying why."""
    require_version(programme, expected_version)
    _require_top_management(actor)
    _require_status(programme, ProgrammeStatus.SUBMITTED)
    _require_note(note, _("Say what needs to change."))
    programme.status, programme.submitted_at = ProgrammeStatus.DRAFT, None
    programme.decided_by, programme.decided_at = actor, timezone.now()
    programme.decision_note = note
    save_versioned(
        programme,
        fields=["status", "submitted_at", "decided_by", "decided_at", "decision_note"],
        expected_version=expected_version,
    )
    history.record(
        programme, event="programme.programme.rejected", actor=actor, data={"note": note}
    )
    return programme


@transaction.atomic
def reopen_programme(
    programme: Programme, *, actor, expected_version: int | None, note: str
) -> Programme:
    """Reopen an approved charter for revision; it must be approved again afterwards.

    The earlier approval stays in history. Event programme.programme.reopened.
    """
    require_version(programme, expected_version)
    _require_status(programme, ProgrammeStatus.APPROVED)
    _require_note(note, _("Say what will be revised."))
    programme.status, programme.submitted_at, programme.approved_at = (
        ProgrammeStatus.DRAFT,
        None,
        None,
    )
    save_versioned(
        programme,
        fields=["status", "submitted_at", "approved_at"],
        expected_version=expected_version,
    )
    history.record(
        programme, event="programme.programme.reopened", actor=actor, data={"note": note}
    )
    return programme


@transaction.atomic
def close_programme(
    programme: Programme, *, actor, expected_version: int | None, outcome: str, note: str
) -> Programme:
    """Complete an approved programme (certified) or cancel an open one, with a note.

    Events programme.programme.completed / programme.programme.cancelled.
    """
    require_version(programme, expected_version)
    if outcome == ProgrammeStatus.COMPLETED:
        _require_status(programme, ProgrammeStatus.APPROVED)
    elif outcome == ProgrammeStatus.CANCELLED:
        _require_status(
            programme, ProgrammeStatus.DRAFT, ProgrammeStatus.SUBMITTED, ProgrammeStatus.APPROVED
        )
        _require_note(note, _("Say why the programme is cancelled."))
    else:
        raise field_error("status", _("Choose completed or cancelled."), "invalid_choice")
    programme.status, programme.closed_at, programme.close_note = outcome, timezone.now(), note
    save_versioned(
        programme,
        fields=["status", "closed_at", "close_note"],
        expected_version=expected_version,
    )
    history.record(
        programme, event=f"programme.programme.{outcome}", actor=actor, data={"note": note}
    )
    return programme
