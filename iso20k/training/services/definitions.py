"""Competences, courses and the competences each role requires."""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.accounts.choices import Role
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..choices import CourseKind
from ..models import Competence, CompetenceRequirement, Course
from .rules import error, require_text

COMPETENCE_FIELDS = [
    "code",
    "name_en",
    "name_zh_hans",
    "description_en",
    "description_zh_hans",
    "valid_months",
    "is_active",
]
COURSE_FIELDS = [
    "kind",
    "title_en",
    "title_zh_hans",
    "description_en",
    "description_zh_hans",
    "duration_hours",
    "has_test",
    "provider",
    "is_active",
]


def _check_competence(fields: dict, *, exclude_pk=None) -> None:
    code = (fields.get("code") or "").strip()
    if not code:
        raise error("code", _("Give the competence a short code."), "code_required")
    if Competence.objects.filter(code=code).exclude(pk=exclude_pk).exists():
        raise error("code", _("Another competence already uses this code."), "code_taken")
    require_text(
        fields, "name", _("Name the competence in at least one language."), "name_required"
    )
    months = fields.get("valid_months")
    if months is not None and months <= 0:
        raise error(
            "valid_months",
            _("Give a number of months above zero, or leave it empty."),
            "invalid_validity",
        )


@transaction.atomic
def create_competence(*, actor, clauses=(), **fields) -> Competence:
    """Define a competence. Raises ValidationError (code_taken, name_required, …).
    Event training.competence.created."""
    _check_competence(fields)
    competence = Competence.objects.create(**fields)
    competence.clauses.set(clauses)
    history.record(
        competence,
        event="training.competence.created",
        actor=actor,
        changes=history.initial(competence, [*COMPETENCE_FIELDS, "clauses"]),
    )
    return competence


@transaction.atomic
def update_competence(
    competence: Competence, *, actor, expected_version: int | None, clauses=None, **fields
) -> Competence:
    """Edit or retire a competence. Event training.competence.updated."""
    require_version(competence, expected_version)
    merged = {name: fields.get(name, getattr(competence, name)) for name in COMPETENCE_FIELDS}
    _check_competence(merged, exclude_pk=competence.pk)
    names = list(fields) + (["clauses"] if clauses is not None else [])
    before = history.snapshot(competence, names)
    for name, value in fields.items():
        setattr(competence, name, value)
    save_versioned(competence, fields=list(fields), expected_version=expected_version)
    if clauses is not None:
        competence.clauses.set(clauses)
    history.record(
        competence,
        event="training.competence.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(competence, names)),
    )
    return competence


def _check_course(fields: dict) -> None:
    require_text(
        fields, "title", _("Give the course a title in at least one language."), "title_required"
    )
    if fields.get("kind") not in CourseKind.values:
        raise error("kind", _("Choose a kind of course."), "invalid_choice")
    try:
        hours = Decimal(str(fields.get("duration_hours")))
    except (InvalidOperation, ValueError):
        raise error(
            "duration_hours", _("Enter the duration in hours."), "invalid_duration"
        ) from None
    if not hours.is_finite() or hours <= 0 or hours > 1000:
        raise error(
            "duration_hours", _("Enter a duration between 0.1 and 1000 hours."), "invalid_duration"
        )


def _check_competences(competences) -> list:
    competences = list(competences)
    if any(not c.is_active for c in competences):
        raise error(
            "competences",
            _("Only active competences can be developed by a course."),
            "inactive_competence",
        )
    return competences


@transaction.atomic
def create_course(*, actor, competences=(), **fields) -> Course:
    """Create a course. Event training.course.created."""
    _check_course(fields)
    competences = _check_competences(competences)
    course = Course.objects.create(**fields)
    course.competences.set(competences)
    history.record(
        course,
        event="training.course.created",
        actor=actor,
        changes=history.initial(course, [*COURSE_FIELDS, "competences"]),
    )
    return course


@transaction.atomic
def update_course(
    course: Course, *, actor, expected_version: int | None, competences=None, **fields
) -> Course:
    """Edit or retire a course. Event training.course.updated."""
    require_version(course, expected_version)
    merged = {name: fields.get(name, getattr(course, name)) for name in COURSE_FIELDS}
    _check_course(merged)
    names = list(fields) + (["competences"] if competences is not None else [])
    before = history.snapshot(course, names)
    for name, value in fields.items():
        setattr(course, name, value)
    save_versioned(course, fields=list(fields), expected_version=expected_version)
    if competences is not None:
        course.competences.set(_check_competences(competences))
    history.record(
        course,
        event="training.course.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(course, names)),
    )
    return course


@transaction.atomic
def require_competence(
    *, actor, role: str, competence: Competence, note: str = ""
) -> CompetenceRequirement:
    """Require a competence of everyone holding a role. Raises ValidationError
    (invalid_choice, inactive_competence, already_required).
    Event training.competencerequirement.set."""
    if role not in Role.values:
        raise error("role", _("Choose a role."), "invalid_choice")
    if not competence.is_active:
        raise error("competence", _("Choose an active competence."), "inactive_competence")
    if CompetenceRequirement.objects.filter(
        role=role, competence=competence, is_active=True
    ).exists():
        raise error(
            "competence", _("This role already requires this competence."), "already_required"
        )
    requirement = CompetenceRequirement.objects.create(role=role, competence=competence, note=note)
    history.record(
        requirement,
        event="training.competencerequirement.set",
        actor=actor,
        changes=history.initial(requirement, ["role", "competence", "note"]),
    )
    return requirement


@transaction.atomic
def retire_requirement(
    requirement: CompetenceRequirement, *, actor, expected_version: int | None
) -> CompetenceRequirement:
    """Stop requiring a competence of a role. Event training.competencerequirement.retired."""
    require_version(requirement, expected_version)
    if not requirement.is_active:
        raise error("is_active", _("This requirement is already retired."), "already_retired")
    requirement.is_active = False
    save_versioned(requirement, fields=["is_active"], expected_version=expected_version)
    history.record(requirement, event="training.competencerequirement.retired", actor=actor)
    return requirement
