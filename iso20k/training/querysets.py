"""Reads of training: the competence matrix, awareness coverage, one person's training.

The matrix is computed in a fixed number of queries whatever the number of people:
people, their active grants, the active requirements, the competences, and valid records.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Q
from django.utils import timezone

from iso20k.accounts.models import Grant

from .choices import AWARENESS_KINDS, AttendanceStatus, MatrixCell, SessionStatus
from .models import Attendance, Competence, CompetenceRecord, CompetenceRequirement


def internal_people(at=None):
    from iso20k.programme.querysets import internal_people as people

    return people(at)


def roles_by_person(people_ids, at=None) -> dict[int, set[str]]:
    roles: dict[int, set[str]] = {}
    for user_id, role in (
        Grant.objects.active(at=at).filter(user_id__in=people_ids).values_list("user_id", "role")
    ):
        roles.setdefault(user_id, set()).add(role)
    return roles


def required_by_role() -> dict[str, set[int]]:
    required: dict[str, set[int]] = {}
    for role, competence_id in CompetenceRequirement.objects.filter(
        is_active=True, competence__is_active=True
    ).values_list("role", "competence_id"):
        required.setdefault(role, set()).add(competence_id)
    return required


def records_by_person(people_ids, at: date, moment=None) -> dict[int, dict[int, CompetenceRecord]]:
    """The latest record of each competence for each person, as it stood at `moment` (a past
    datetime: records entered by then, achieved by then, not yet withdrawn then) or now."""
    result: dict[int, dict[int, CompetenceRecord]] = {}
    records = CompetenceRecord.objects.filter(person_id__in=people_ids, achieved_on__lte=at)
    if moment is None:
        records = records.filter(withdrawn_at__isnull=True)
    else:
        records = records.filter(created_at__lte=moment).filter(
            Q(withdrawn_at__isnull=True) | Q(withdrawn_at__gt=moment)
        )
    records = records.order_by("achieved_on", "pk")
    for record in records:
        result.setdefault(record.person_id, {})[record.competence_id] = record
    return result


def cell(required: bool, record: CompetenceRecord | None, at: date) -> str:
    valid = record is not None and (record.expires_on is None or record.expires_on >= at)
    if required and valid:
        return MatrixCell.HELD
    if required:
        return MatrixCell.EXPIRED if record is not None else MatrixCell.MISSING
    return MatrixCell.EXTRA if valid else MatrixCell.NONE


@dataclass
class MatrixRow:
    person: object
    roles: set
    cells: list
    missing: int = 0


@dataclass
class Matrix:
    competences: list
    rows: list = field(default_factory=list)

    @property
    def people_lacking(self) -> int:
        return sum(1 for row in self.rows if row.missing)


def competence_matrix(people=None, at: date | None = None, moment=None) -> Matrix:
    """Person × competence; `moment` (a datetime) evaluates it as it stood then."""
    at = at or (timezone.localdate(moment) if moment else timezone.localdate())
    people = list(people if people is not None else internal_people(moment))
    ids = [p.pk for p in people]
    competences = list(Competence.objects.filter(is_active=True).order_by("code"))
    roles = roles_by_person(ids, moment)
    required = required_by_role()
    records = records_by_person(ids, at, moment)
    matrix = Matrix(competences=competences)
    for person in people:
        person_roles = roles.get(person.pk, set())
        needed = set().union(*(required.get(r, set()) for r in person_roles))
        held = records.get(person.pk, {})
        cells = [
            (
                competence,
                cell(competence.pk in needed, held.get(competence.pk), at),
                held.get(competence.pk),
            )
            for competence in competences
        ]
        missing = sum(
            1 for _c, state, _r in cells if state in {MatrixCell.MISSING, MatrixCell.EXPIRED}
        )
        matrix.rows.append(MatrixRow(person, person_roles, cells, missing))
    return matrix


@dataclass(frozen=True)
class Coverage:
    people: int
    aware: int

    @property
    def percent(self) -> int:
        return round(100 * self.aware / self.people) if self.people else 0


def awareness_coverage(at: date | None = None, days: int = 365, moment=None) -> Coverage:
    """How many of the organisation's people attended an awareness activity (case-sharing
    sessions included) in the last `days` days: evidence for 7.3."""
    at = at or (timezone.localdate(moment) if moment else timezone.localdate())
    people = internal_people(moment)
    since = at - timedelta(days=days)
    aware = (
        Attendance.objects.filter(
            person__in=people,
            status=AttendanceStatus.ATTENDED,
            session__status=SessionStatus.HELD,
            session__course__kind__in=AWARENESS_KINDS,
            session__starts_at__date__gte=since,
            session__starts_at__date__lte=at,
            **({"created_at__lte": moment} if moment else {}),
        )
        .values("person_id")
        .distinct()
        .count()
    )
    return Coverage(people=people.count(), aware=aware)


def my_training(user, at: date | None = None) -> dict:
    """One person's sessions, competence records and what their roles require of them."""
    at = at or timezone.localdate()
    matrix = competence_matrix([user], at)
    row = matrix.rows[0]
    attendances = Attendance.objects.filter(person=user).select_related("session__course")
    return {
        "upcoming": attendances.filter(session__status=SessionStatus.PLANNED).order_by(
            "session__starts_at"
        ),
        "past": attendances.exclude(session__status=SessionStatus.PLANNED).order_by(
            "-session__starts_at"
        ),
        "records": CompetenceRecord.objects.filter(person=user, withdrawn_at__isnull=True)
        .select_related("competence")
        .order_by("-achieved_on"),
        "requirements": [
            (competence, state, record)
            for competence, state, record in row.cells
            if state != MatrixCell.NONE
        ],
        "missing": row.missing,
    }
