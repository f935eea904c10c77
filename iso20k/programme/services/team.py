"""The programme team and the RACI of processes to people.

A sponsor must be top management and every member an active person with an internal role.
A process's RACI names exactly one Accountable and at least one Responsible member.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role
from iso20k.catalogue.models import Clause
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..choices import ProgrammeRole, Raci
from ..models import ProcessRaci, Programme, RaciAssignment, TeamMember
from .rules import field_error, require_internal, require_open, require_order, resolve_clause

MEMBER_FIELDS = ["person", "role", "department", "process", "responsibilities", "joined_on"]


def _check_member(programme: Programme, fields: dict, *, exclude_pk: int | None = None) -> dict:
    person, role = fields.get("person"), fields.get("role")
    require_internal(person, "person")
    if role not in ProgrammeRole.values:
        raise field_error("role", _("Choose a role in the programme."), "invalid_choice")
    if role == ProgrammeRole.SPONSOR and not accounts.has_role(person, Role.TOP_MANAGEMENT):
        raise field_error(
            "person",
            _("The sponsor must be a member of top management."),
            "sponsor_not_top_management",
        )
    fields["process"] = resolve_clause(fields.get("process"), "process")
    if fields.get("joined_on") is None:
        fields["joined_on"] = timezone.localdate()
    duplicate = programme.team.active().filter(person=person, role=role).exclude(pk=exclude_pk)
    if duplicate.exists():
        raise field_error(
            "role",
            _("%(person)s already has this role in the team."),
            "already_in_role",
            person=str(person),
        )
    return fields


@transaction.atomic
def add_member(programme: Programme, *, actor, **fields) -> TeamMember:
    """Add a person to the team in a role. Event programme.teammember.added."""
    require_open(programme)
    fields = _check_member(programme, fields)
    if not fields.get("department"):
        fields["department"] = fields["person"].department
    member = TeamMember.objects.create(programme=programme, **fields)
    history.record(
        member,
        event="programme.teammember.added",
        actor=actor,
        changes=history.initial(member, MEMBER_FIELDS),
        data={"programme": programme.pk},
    )
    return member


@transaction.atomic
def update_member(
    member: TeamMember, *, actor, expected_version: int | None, **fields
) -> TeamMember:
    """Change a member's role, department, process or responsibilities.

    Event programme.teammember.updated.
    """
    require_version(member, expected_version)
    require_open(member.programme)
    merged = {name: fields.get(name, getattr(member, name)) for name in MEMBER_FIELDS}
    checked = _check_member(member.programme, merged, exclude_pk=member.pk)
    fields.update({name: checked[name] for name in fields})
    names = list(fields)
    before = history.snapshot(member, names)
    for name, value in fields.items():
        setattr(member, name, value)
    save_versioned(member, fields=names, expected_version=expected_version)
    history.record(
        member,
        event="programme.teammember.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(member, names)),
        data={"programme": member.programme_id},
    )
    return member


@transaction.atomic
def leave_team(member: TeamMember, *, actor, expected_version: int | None, left_on=None):
    """A member leaves the team; the row stays. Someone still named in a process's RACI
    must be replaced there first. Raises ValidationError (already_left, in_raci,
    end_before_start). Event programme.teammember.left.
    """
    require_version(member, expected_version)
    if member.left_on is not None:
        raise field_error("left_on", _("This member has already left."), "already_left")
    processes = sorted(
        RaciAssignment.objects.filter(member=member).values_list("raci__clause__number", flat=True)
    )
    if processes:
        raise field_error(
            "left_on",
            _("Replace this member in the RACI of %(processes)s first."),
            "in_raci",
            processes=", ".join(processes),
        )
    left_on = left_on or timezone.localdate()
    require_order(
        member.joined_on, left_on, "left_on", _("The leaving date cannot be before joining.")
    )
    member.left_on = left_on
    save_versioned(member, fields=["left_on"], expected_version=expected_version)
    history.record(
        member,
        event="programme.teammember.left",
        actor=actor,
        changes={"left_on": [None, left_on]},
        data={"programme": member.programme_id},
    )
    return member


def _check_letters(programme: Programme, letters: dict) -> dict[TeamMember, str]:
    members = {m.pk: m for m in programme.team.active().select_related("person")}
    chosen = {}
    for member_id, letter in letters.items():
        if not letter:
            continue
        if letter not in Raci.values:
            raise field_error(
                "letters", _("Use only R, A, C or I."), "invalid_letter", value=str(letter)
            )
        member = members.get(int(member_id)) if str(member_id).isdigit() else None
        if member is None:
            raise field_error(
                "letters", _("Only active members of the team can be named."), "unknown_member"
            )
        chosen[member] = letter
    values = list(chosen.values())
    if values and values.count(Raci.ACCOUNTABLE) != 1:
        raise field_error(
            "letters",
            _("Name exactly one Accountable (A) member for the process."),
            "one_accountable",
        )
    if values and Raci.RESPONSIBLE not in values:
        raise field_error(
            "letters",
            _("Name at least one Responsible (R) member for the process."),
            "responsible_required",
        )
    return chosen


def _summary(assignments) -> str:
    order = "ARCI"
    rows = sorted(assignments, key=lambda pair: (order.index(pair[1]), str(pair[0].person)))
    return "; ".join(f"{member.person}: {letter}" for member, letter in rows)


def _no_process():
    raise field_error("clause", _("Choose a process."), "required")


@transaction.atomic
def set_process_raci(
    programme: Programme,
    *,
    actor,
    clause: Clause | str,
    letters: dict,
    expected_version: int | None = None,
) -> ProcessRaci:
    """Replace the RACI of one process. `letters` maps team member ids to R/A/C/I or "".

    The first RACI of a process needs no version; later edits must send the row's version.
    Raises ValidationError (invalid_letter, unknown_member, one_accountable,
    responsible_required, unknown_clause). Event programme.processraci.updated.
    """
    require_open(programme)
    clause = resolve_clause(clause) or _no_process()
    row = ProcessRaci.objects.filter(programme=programme, clause=clause).first()
    if row is not None:
        require_version(row, expected_version)
    chosen = _check_letters(programme, letters)
    before = row.summary if row is not None else ""
    summary = _summary(chosen.items())
    if row is None:
        row = ProcessRaci.objects.create(programme=programme, clause=clause, summary=summary)
    else:
        row.summary = summary
        save_versioned(row, fields=["summary"], expected_version=expected_version)
        row.assignments.all().delete()
    RaciAssignment.objects.bulk_create(
        RaciAssignment(raci=row, member=member, letter=letter) for member, letter in chosen.items()
    )
    history.record(
        row,
        event="programme.processraci.updated",
        actor=actor,
        changes={"summary": [before, summary]},
        data={"programme": programme.pk, "clause": clause.number},
    )
    return row
