"""Problems and known errors (8.6.3): every change goes through these functions, which check
the rules, write the version-checked row, record history and keep known errors searchable.

A problem is raised from incidents, from a trend or proactively; investigated to a root
cause; recorded as a known error with a workaround (published for agents); resolved with a
permanent fix; closed only with a root cause or a documented reason. Raises
ValidationError (field-keyed, coded) or ConflictError.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.services.lifecycle import check_assignment, checked_at, error
from iso20k.slas.priorities import priority_for

from ..choices import PROBLEM_TRANSITIONS, ProblemSource, ProblemStatus
from ..models import KnownError, Problem
from .known_errors import publish_known_error

P = ProblemStatus


PROBLEM_FIELDS = [
    "subject",
    "description",
    "category",
    "service",
    "impact",
    "urgency",
    "priority",
    "assigned_group",
    "assignee",
    "root_cause",
    "workaround",
    "resolution",
]


def _check_problem(fields: dict) -> None:
    if not (fields.get("subject") or "").strip():
        raise error("subject", _("Say in a few words what the problem is."), "subject_required")
    if fields.get("category") not in Category.values:
        raise error("category", _("Choose a category."), "category_required")
    check_assignment(fields.get("assigned_group"), fields.get("assignee"))


def _link(problem: Problem, incidents, actor) -> list[int]:
    from iso20k.incidents.services import set_incident_problem

    linked = []
    for incident in incidents:
        if incident.problem_id == problem.pk:
            continue
        incident.refresh_from_db()
        set_incident_problem(incident, problem, actor=actor, expected_version=incident.version)
        linked.append(incident.pk)
    return linked


@transaction.atomic
def raise_problem(
    *,
    actor,
    subject: str,
    category: str,
    description: str = "",
    service=None,
    impact: int = 2,
    urgency: int = 2,
    source: str = ProblemSource.PROACTIVE,
    incidents=(),
    assigned_group=None,
    assignee=None,
    at: datetime.datetime | None = None,
) -> Problem:
    """Raise a problem, linking the incidents it explains (from one incident, or from a trend
    of repeated ones). Event problems.problem.raised (and incidents.incident.problem_linked
    on each incident)."""
    at = checked_at(at)
    fields = {
        "subject": (subject or "").strip(),
        "description": (description or "").strip(),
        "category": category,
        "service": service,
        "impact": impact,
        "urgency": urgency,
        "assigned_group": assigned_group,
        "assignee": assignee,
    }
    _check_problem(fields)
    if source not in ProblemSource.values:
        raise error("source", _("Say where the problem comes from."), "source_invalid")
    problem = Problem.objects.create(
        **fields, priority=priority_for(impact, urgency), source=source, reported_at=at
    )
    history.record(
        problem,
        event="problems.problem.raised",
        actor=actor,
        changes=history.with_labels(
            Problem, history.initial(problem, ["status", "source", *PROBLEM_FIELDS])
        ),
        data={"at": at},
    )
    linked = _link(problem, incidents, actor)
    if linked:
        history.record(
            problem,
            event="problems.problem.incidents_linked",
            actor=actor,
            data={"incidents": linked},
        )
    return problem


@transaction.atomic
def link_incidents(problem: Problem, incidents, *, actor) -> list[int]:
    """Link more incidents to a problem. Event problems.problem.incidents_linked."""
    if problem.status == P.CLOSED:
        raise error("incidents", _("This problem is closed."), "problem_closed")
    linked = _link(problem, incidents, actor)
    if linked:
        history.record(
            problem,
            event="problems.problem.incidents_linked",
            actor=actor,
            data={"incidents": linked},
        )
    return linked


@transaction.atomic
def update_problem(problem: Problem, *, actor, expected_version: int | None, **fields) -> Problem:
    """Edit what the problem is, who investigates it, its root cause, workaround and fix.
    Event problems.problem.updated."""
    require_version(problem, expected_version)
    if problem.status == P.CLOSED:
        raise error("subject", _("A closed problem is not edited."), "problem_closed")
    unknown = set(fields) - set(PROBLEM_FIELDS) - {"priority"}
    if unknown:
        raise ValueError(f"not problem fields: {sorted(unknown)}")
    merged = {name: getattr(problem, name) for name in PROBLEM_FIELDS} | fields
    _check_problem(merged)
    before = history.snapshot(problem, PROBLEM_FIELDS)
    for name, value in fields.items():
        setattr(problem, name, value)
    problem.priority = priority_for(problem.impact, problem.urgency)
    changes = history.diff(before, history.snapshot(problem, PROBLEM_FIELDS))
    if not changes:
        return problem
    save_versioned(problem, fields=list(changes), expected_version=expected_version)
    history.record(
        problem,
        event="problems.problem.updated",
        actor=actor,
        changes=history.with_labels(Problem, changes),
    )
    return problem


def _move(problem: Problem, target: str, *, actor, expected_version, event, at=None, **fields):
    require_version(problem, expected_version)
    if target not in PROBLEM_TRANSITIONS[problem.status]:
        raise error(
            "status",
            _("A problem that is %(current)s cannot become %(target)s."),
            "transition_not_allowed",
            current=problem.get_status_display(),
            target=dict(ProblemStatus.choices)[target],
        )
    at = checked_at(at)
    tracked = ["status", *fields]
    before = history.snapshot(problem, tracked)
    problem.status = target
    for name, value in fields.items():
        setattr(problem, name, value)
    save_versioned(problem, fields=tracked, expected_version=expected_version)
    history.record(
        problem,
        event=f"problems.problem.{event}",
        actor=actor,
        changes=history.diff(before, history.snapshot(problem, tracked)),
        data={"at": at},
    )
    return problem


@transaction.atomic
def start_investigation(problem: Problem, *, actor, expected_version: int | None, at=None):
    """Start looking for the root cause. Event problems.problem.investigating."""
    return _move(
        problem,
        P.INVESTIGATING,
        actor=actor,
        expected_version=expected_version,
        event="investigating",
        at=at,
    )


@transaction.atomic
def record_known_error(
    problem: Problem,
    *,
    actor,
    expected_version: int | None,
    root_cause: str,
    workaround: str,
    symptoms: str = "",
    title: str = "",
    at=None,
) -> KnownError:
    """The cause is known and a workaround exists: the problem becomes a known error and a
    known-error record is published for agents. Events problems.problem.known_error and
    problems.knownerror.published."""
    if not (root_cause or "").strip():
        raise error("root_cause", _("Describe the root cause."), "root_cause_required")
    if not (workaround or "").strip():
        raise error("workaround", _("Describe the workaround."), "workaround_required")
    at = checked_at(at)
    problem = _move(
        problem,
        P.KNOWN_ERROR,
        actor=actor,
        expected_version=expected_version,
        event="known_error",
        at=at,
        root_cause=root_cause.strip(),
        workaround=workaround.strip(),
    )
    return publish_known_error(
        actor=actor,
        problem=problem,
        title=title or problem.subject,
        symptoms=symptoms or problem.description or problem.subject,
        root_cause=problem.root_cause,
        workaround=problem.workaround,
        service=problem.service,
        category=problem.category,
        at=at,
    )


@transaction.atomic
def resolve_problem(
    problem: Problem,
    *,
    actor,
    expected_version: int | None,
    resolution: str,
    root_cause: str = "",
    at=None,
) -> Problem:
    """The permanent fix is in place (often through a change). Needs the root cause.
    Event problems.problem.resolved."""
    root_cause = (root_cause or problem.root_cause or "").strip()
    if not root_cause:
        raise error("root_cause", _("Describe the root cause."), "root_cause_required")
    if not (resolution or "").strip():
        raise error("resolution", _("Describe the permanent fix."), "resolution_required")
    at = checked_at(at)
    return _move(
        problem,
        P.RESOLVED,
        actor=actor,
        expected_version=expected_version,
        event="resolved",
        at=at,
        root_cause=root_cause,
        resolution=resolution.strip(),
        resolved_at=at,
    )


@transaction.atomic
def close_problem(
    problem: Problem, *, actor, expected_version: int | None, closure_reason: str = "", at=None
) -> Problem:
    """Close a problem: it needs a root cause, or a documented reason to stop looking (e.g.
    the service was retired). Event problems.problem.closed."""
    require_version(problem, expected_version)
    reason = (closure_reason or "").strip()
    if not problem.root_cause.strip() and not reason:
        raise error(
            "closure_reason",
            _("Record the root cause, or say why the problem is closed without one."),
            "explanation_required",
        )
    at = checked_at(at)
    return _move(
        problem,
        P.CLOSED,
        actor=actor,
        expected_version=expected_version,
        event="closed",
        at=at,
        closure_reason=reason,
        closed_at=at,
    )


@transaction.atomic
def reopen_problem(problem: Problem, *, actor, expected_version: int | None, at=None) -> Problem:
    """The fix did not hold: investigate again. Event problems.problem.reopened."""
    return _move(
        problem,
        P.INVESTIGATING,
        actor=actor,
        expected_version=expected_version,
        event="reopened",
        at=at,
        resolved_at=None,
    )
