"""Escalating incidents (functional and hierarchical, possibly declaring a major incident)
and recording the review a major incident needs before it is closed. Raises
ValidationError (coded) or ConflictError.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicedesk.services import lifecycle
from iso20k.servicedesk.services.lifecycle import check_open, checked_at, error

from ..choices import EscalationKind, IncidentStatus
from ..kind import KIND
from ..models import Escalation, Incident, MajorIncidentReview

S = IncidentStatus


REVIEW_FIELDS = ["held_on", "summary", "cause", "went_well", "improvements", "attendees"]


def _check_escalation(incident: Incident, kind: str, reason: str, to_group, to_manager):
    if not (reason or "").strip():
        raise error("reason", _("Say why the incident is escalated."), "reason_required")
    if kind == EscalationKind.FUNCTIONAL:
        if to_group is None:
            raise error("to_group", _("Choose the group to escalate to."), "group_required")
        if to_group.pk == incident.assigned_group_id:
            raise error("to_group", _("The incident is already with this group."), "same_group")
        lifecycle.check_assignment(to_group, None)
        return None
    if kind != EscalationKind.HIERARCHICAL:
        raise error("kind", _("Choose how to escalate."), "kind_required")
    manager = to_manager or (incident.assigned_group.manager if incident.assigned_group else None)
    if manager is None or not manager.is_active:
        raise error("to_manager", _("Choose the manager to escalate to."), "manager_required")
    return manager


@transaction.atomic
def escalate_incident(
    incident: Incident,
    *,
    actor,
    expected_version: int | None,
    kind: str,
    reason: str,
    to_group=None,
    to_manager=None,
    make_major: bool = False,
    at=None,
) -> Incident:
    """Escalate functionally (to another support group, which takes it over unassigned) or
    hierarchically (to a manager, who is told; optionally declaring a major incident). Both
    are kept as Escalation records. Event incidents.incident.escalated."""
    require_version(incident, expected_version)
    check_open(KIND, incident, "kind")
    if incident.status == S.RESOLVED:
        raise error("kind", _("A resolved incident is not escalated."), "ticket_resolved")
    manager = _check_escalation(incident, kind, reason, to_group, to_manager)
    at = checked_at(at, incident)
    tracked = ["assigned_group", "assignee", "escalation_level", "is_major", "major_declared_at"]
    before = history.snapshot(incident, tracked)
    from_group = incident.assigned_group
    incident.escalation_level += 1
    if kind == EscalationKind.FUNCTIONAL:
        incident.assigned_group, incident.assignee = to_group, None
    if make_major and not incident.is_major:
        incident.is_major, incident.major_declared_at = True, at
    save_versioned(incident, fields=tracked, expected_version=expected_version)
    Escalation.objects.create(
        incident=incident,
        kind=kind,
        from_group=from_group,
        to_group=to_group,
        to_manager=manager,
        made_major=make_major,
        reason=reason.strip(),
        at=at,
        actor=actor,
    )
    history.record(
        incident,
        event=KIND.event("escalated"),
        actor=actor,
        changes=history.with_labels(
            Incident, history.diff(before, history.snapshot(incident, tracked))
        ),
        data={
            "at": at,
            "kind": kind,
            "reason": reason.strip()[:500],
            "to_manager": str(manager) if manager else None,
        },
    )
    notify_escalation(incident, kind=kind, manager=manager, actor=actor, at=at)
    incident.refresh_from_db()
    return incident


def notify_escalation(incident: Incident, *, kind: str, manager, actor, at) -> None:
    from iso20k.servicedesk.services import notify

    if kind == EscalationKind.FUNCTIONAL:
        notify.assigned(KIND, incident, actor=actor, at=at)
    elif manager is not None:
        notify.escalated(KIND, incident, manager=manager, actor=actor, at=at)


@transaction.atomic
def record_major_review(
    incident: Incident, *, actor, expected_version: int | None = None, **fields
) -> MajorIncidentReview:
    """Record (or revise, with its version) the review of a major incident: what happened,
    the cause, what went well, the improvements agreed. Event incidents.incident.reviewed."""
    if not incident.is_major:
        raise error("incident", _("Only a major incident has a review."), "not_major")
    for name in ("summary", "cause", "improvements"):
        if not (fields.get(name) or "").strip():
            raise error(name, _("This part of the review is required."), "required")
    if fields.get("held_on") is None:
        raise error("held_on", _("Give the date the review was held."), "required")
    review = MajorIncidentReview.objects.filter(incident=incident).first()
    if review is None:
        review = MajorIncidentReview.objects.create(
            incident=incident, reviewed_by=actor, **{n: fields.get(n, "") for n in REVIEW_FIELDS}
        )
        changes = history.initial(review, REVIEW_FIELDS)
    else:
        before = history.snapshot(review, REVIEW_FIELDS)
        for name in REVIEW_FIELDS:
            setattr(review, name, fields.get(name, getattr(review, name)))
        save_versioned(review, fields=REVIEW_FIELDS, expected_version=expected_version)
        changes = history.diff(before, history.snapshot(review, REVIEW_FIELDS))
    history.record(incident, event=KIND.event("reviewed"), actor=actor, changes=changes)
    return review
