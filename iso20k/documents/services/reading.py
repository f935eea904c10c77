"""Read acknowledgement: assign the version in force to people or roles, confirm reading,
ask again when a new version comes into force, and remind those who have not read it.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.accounts.choices import Role
from iso20k.accounts.models import Grant, User
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..models import Acknowledgement, Document, DocumentVersion, ReadAssignment
from . import notify
from .common import check_internal_people, invalid

# Roles whose holders are not the organisation's own people are never asked to read.
ASSIGNABLE_ROLES = [r for r in Role.values if r not in {Role.CUSTOMER, Role.EXTERNAL_AUDITOR}]


@dataclass(frozen=True)
class ReadingAssigned:
    assignments: tuple[ReadAssignment, ...]
    asked: int
    already_asked: int


def holders_of(role: str) -> list[User]:
    """Active people holding `role` now (any scope)."""
    holders = Grant.objects.active().filter(role=role).values("user_id")
    return list(User.objects.filter(pk__in=holders, is_active=True).order_by("username"))


def _due_on(version: DocumentVersion, days: int) -> date:
    return max(timezone.localdate(), version.effective_on or timezone.localdate()) + timedelta(
        days=days
    )


def _ask(version: DocumentVersion, people, days: int, *, actor) -> tuple[int, int]:
    """Create the missing requests to read `version`; returns (asked, already asked)."""
    existing = set(
        Acknowledgement.objects.filter(document_version=version, person__in=people).values_list(
            "person_id", flat=True
        )
    )
    asked = 0
    for person in people:
        if person.pk in existing:
            continue
        acknowledgement = Acknowledgement.objects.create(
            document_version=version, person=person, due_on=_due_on(version, days)
        )
        history.record(
            acknowledgement,
            event="documents.acknowledgement.requested",
            actor=actor,
            data={"due_on": acknowledgement.due_on},
        )
        notify.read_requested(acknowledgement)
        asked += 1
    return asked, len(existing)


@transaction.atomic
def assign_reading(
    document: Document,
    *,
    actor,
    people=(),
    roles=(),
    due_in_days: int = 14,
    note: str = "",
) -> ReadingAssigned:
    """Ask people, or everyone now holding a role, to read the version in force.

    A role is resolved to its holders now; later holders are not added. Each person is
    e-mailed once per version. Event documents.readassignment.assigned.
    """
    version = document.current_version
    if version is None:
        raise invalid(
            "people",
            _("Only an approved version can be assigned for reading."),
            "no_approved_version",
        )
    people, roles = check_internal_people("people", people), list(roles)
    if not people and not roles:
        raise invalid("people", _("Choose people or roles to ask."), "audience_required")
    if any(role not in ASSIGNABLE_ROLES for role in roles):
        raise invalid(
            "roles",
            _("Customers and external auditors are not asked to read documents."),
            "role_not_assignable",
        )
    if not 1 <= (due_in_days or 0) <= 365:
        raise invalid(
            "due_in_days", _("Allow between 1 and 365 days to read."), "due_in_days_invalid"
        )
    audiences = ([("", people)] if people else []) + [(r, holders_of(r)) for r in roles]
    assignments, asked, already = [], 0, 0
    for role, members in audiences:
        assignment = ReadAssignment.objects.create(
            document=document, role=role, due_in_days=due_in_days, note=note, assigned_by=actor
        )
        assignment.people.set(members)
        new, old = _ask(version, members, due_in_days, actor=actor)
        asked, already = asked + new, already + old
        history.record(
            assignment,
            event="documents.readassignment.assigned",
            actor=actor,
            data={
                "version": version.number,
                "role": role,
                "people": [m.username for m in members],
            },
        )
        assignments.append(assignment)
    return ReadingAssigned(tuple(assignments), asked, already)


def audience(document: Document) -> list[User]:
    """Active people of the document's active assignments."""
    members = ReadAssignment.people.through.objects.filter(
        readassignment__document=document, readassignment__revoked_at__isnull=True
    ).values("user_id")
    return list(User.objects.filter(pk__in=members, is_active=True))


def ask_again(version: DocumentVersion, *, actor) -> int:
    """A new version is in force: everyone in the audience is asked to read it."""
    assignments = version.document.read_assignments.filter(revoked_at__isnull=True)
    days = min((a.due_in_days for a in assignments), default=14)
    asked, _already = _ask(version, audience(version.document), days, actor=actor)
    return asked


@transaction.atomic
def end_assignment(
    assignment: ReadAssignment, *, actor, expected_version: int | None
) -> ReadAssignment:
    """Stop asking this assignment's people; their open requests lapse unless another
    assignment still covers them. Event documents.readassignment.revoked."""
    require_version(assignment, expected_version)
    if assignment.revoked_at is not None:
        raise invalid("status", _("This assignment has already ended."), "already_ended")
    now = timezone.now()
    assignment.revoked_at, assignment.revoked_by = now, actor
    save_versioned(
        assignment, fields=["revoked_at", "revoked_by"], expected_version=expected_version
    )
    still = {p.pk for p in audience(assignment.document)}
    lapsed = Acknowledgement.objects.filter(
        document_version__document=assignment.document,
        person__in=assignment.people.exclude(pk__in=still),
        acknowledged_at__isnull=True,
        cancelled_at__isnull=True,
    ).update(cancelled_at=now)
    history.record(
        assignment, event="documents.readassignment.revoked", actor=actor, data={"lapsed": lapsed}
    )
    return assignment


@transaction.atomic
def acknowledge_reading(
    acknowledgement: Acknowledgement, *, actor, expected_version: int | None
) -> Acknowledgement:
    """The person confirms they read this version. Event documents.acknowledgement.acknowledged."""
    require_version(acknowledgement, expected_version)
    if acknowledgement.person_id != actor.pk:
        raise PermissionDenied(_("Only the person asked can confirm their own reading."))
    if acknowledgement.acknowledged_at is not None:
        raise invalid("status", _("You already confirmed reading this version."), "already_read")
    version = acknowledgement.document_version
    if acknowledgement.cancelled_at is not None or not version.is_current:
        raise invalid(
            "status",
            _("This version is no longer in force; read the current one instead."),
            "version_not_current",
        )
    acknowledgement.acknowledged_at = timezone.now()
    save_versioned(acknowledgement, fields=["acknowledged_at"], expected_version=expected_version)
    history.record(
        acknowledgement,
        event="documents.acknowledgement.acknowledged",
        actor=actor,
        data={"document": version.document.code, "version": version.number},
    )
    return acknowledgement


def send_read_reminders(*, today: date | None = None) -> int:
    """Remind each person once per version when their reading is overdue (task side)."""
    from ..querysets import outstanding_acknowledgements

    today = today or timezone.localdate()
    overdue = (
        outstanding_acknowledgements()
        .filter(due_on__lt=today, person__is_active=True)
        .select_related("document_version__document", "person")
    )
    sent = 0
    for acknowledgement in overdue.iterator(chunk_size=500):
        with transaction.atomic():
            if notify.read_overdue(acknowledgement) is not None:
                sent += 1
    return sent
