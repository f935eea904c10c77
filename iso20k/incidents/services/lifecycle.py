"""Incident lifecycle (8.6.1). Every change to an incident goes through these functions, which
check the incident's own rules, then hand over to the shared ticket lifecycle of the
service desk (version-checked write, SLA clocks, monthly figures, history, e-mail after
commit). Reads are in querysets.py, permissions in access.py.

`at` is the business time of each act (imports and the demo back-date it). Raises
ValidationError (field-keyed, stable codes), ConflictError or PermissionDenied.
"""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version
from iso20k.files import services as files
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.servicedesk.choices import Category, TicketSource
from iso20k.servicedesk.services import conversation, lifecycle
from iso20k.servicedesk.services.lifecycle import check_open, error

from ..choices import IncidentStatus, ResolutionCode
from ..kind import KIND
from ..models import Incident, IncidentComment, MajorIncidentReview

S = IncidentStatus


def _check_category(category: str) -> str:
    if category not in Category.values:
        raise error("category", _("Choose a category."), "category_required")
    return category


@transaction.atomic
def open_incident(
    *,
    actor,
    subject: str,
    category: str,
    impact: int,
    urgency: int,
    description: str = "",
    subcategory: str = "",
    configuration_item: str = "",
    customer=None,
    requester=None,
    contact_name: str = "",
    contact_email: str = "",
    service=None,
    assigned_group=None,
    assignee=None,
    source: str = TicketSource.AGENT,
    at: datetime.datetime | None = None,
    uploads=(),
) -> Incident:
    """Log an incident: priority from the impact × urgency matrix, SLA clocks started under
    the agreement of its customer and service, attachments checked by content.
    Event incidents.incident.logged; the assignees are told by e-mail."""
    incident = Incident(
        subject=subject,
        description=(description or "").strip(),
        category=_check_category(category),
        subcategory=(subcategory or "").strip(),
        configuration_item=(configuration_item or "").strip(),
        impact=impact,
        urgency=urgency,
        customer=lifecycle.customer_for(requester, customer),
        requester=requester,
        contact_name=contact_name,
        contact_email=contact_email,
        service=service,
        assigned_group=assigned_group,
        assignee=assignee,
        source=source,
    )
    incident = lifecycle.open_ticket(KIND, incident, actor=actor, at=at)
    for upload in uploads:
        files.store_upload(
            upload, actor=actor, owner=incident, purpose="attachment", allowed=EVIDENCE_KINDS
        )
    return incident


EDITABLE = {
    "subject",
    "description",
    "category",
    "subcategory",
    "configuration_item",
    "impact",
    "urgency",
    "service",
    "customer",
    "contact_name",
    "contact_email",
}


@transaction.atomic
def update_incident(
    incident: Incident, *, actor, expected_version: int | None, at=None, **fields
) -> Incident:
    """Reclassify: subject, description, category, CI, impact and urgency (a new priority
    re-targets the SLA), service or customer (maybe another agreement).
    Event incidents.incident.updated."""
    unknown = set(fields) - EDITABLE
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "category" in fields:
        _check_category(fields["category"])
    return lifecycle.reclassify(
        KIND, incident, actor=actor, expected_version=expected_version, at=at, **fields
    )


@transaction.atomic
def assign_incident(
    incident: Incident, *, actor, expected_version: int | None, group, assignee=None, at=None
) -> Incident:
    """Give the incident to a support group and optionally one of its members.
    Event incidents.incident.assigned."""
    return lifecycle.assign(
        KIND,
        incident,
        actor=actor,
        expected_version=expected_version,
        group=group,
        assignee=assignee,
        at=at,
    )


@transaction.atomic
def hold_incident(
    incident: Incident,
    *,
    actor,
    expected_version: int | None,
    reason: str,
    note: str = "",
    at=None,
) -> Incident:
    """Put the incident on hold, waiting for the customer, a supplier, a change or an agreed
    time; the agreement decides whether its clocks pause. Event incidents.incident.held."""
    return conversation.hold(
        KIND,
        incident,
        actor=actor,
        expected_version=expected_version,
        reason=reason,
        reason_required=_("Say what the incident is waiting for."),
        note=note,
        at=at,
    )


@transaction.atomic
def resume_incident(incident: Incident, *, actor, expected_version: int | None, at=None):
    """Take the incident off hold; paused clocks run again. Event incidents.incident.resumed."""
    return conversation.resume(
        KIND,
        incident,
        actor=actor,
        expected_version=expected_version,
        not_on_hold=_("This incident is not on hold."),
        at=at,
    )


def _check_resolution(code: str, notes: str, known_error) -> None:
    if not code:
        raise error("resolution_code", _("Choose a resolution code."), "resolution_code_required")
    if code not in ResolutionCode.values:
        raise error("resolution_code", _("Unknown resolution code."), "resolution_code_invalid")
    if not (notes or "").strip():
        raise error(
            "resolution_notes",
            _("Say what was done, for the customer and for the next agent."),
            "resolution_notes_required",
        )
    if code == ResolutionCode.KNOWN_ERROR and known_error is None:
        raise error(
            "known_error",
            _("Choose the known error whose workaround was applied."),
            "known_error_required",
        )


@transaction.atomic
def resolve_incident(
    incident: Incident,
    *,
    actor,
    expected_version: int | None,
    resolution_code: str,
    resolution_notes: str,
    known_error=None,
    at=None,
) -> Incident:
    """Resolve with a resolution code and notes: the SLA clocks stop (met or missed), the
    requester is told and asked for a rating. Event incidents.incident.resolved."""
    require_version(incident, expected_version)
    check_open(KIND, incident)
    _check_resolution(resolution_code, resolution_notes, known_error)
    return lifecycle.transition(
        KIND,
        incident,
        S.RESOLVED,
        actor=actor,
        expected_version=expected_version,
        event="resolved",
        at=at,
        fields={
            "resolution_code": resolution_code,
            "resolution_notes": resolution_notes.strip(),
            "known_error": known_error,
        },
    )


@transaction.atomic
def close_incident(incident: Incident, *, actor, expected_version: int | None, at=None):
    """Close a resolved incident; a major incident needs its review first.
    Event incidents.incident.closed."""
    require_version(incident, expected_version)
    if incident.status != S.RESOLVED:
        raise error("status", _("Only a resolved incident can be closed."), "not_resolved")
    if incident.is_major and not MajorIncidentReview.objects.filter(incident=incident).exists():
        raise error(
            "status",
            _("A major incident is closed only after its review has been recorded."),
            "review_required",
        )
    return lifecycle.transition(
        KIND,
        incident,
        S.CLOSED,
        actor=actor,
        expected_version=expected_version,
        event="closed",
        at=at,
    )


@transaction.atomic
def reopen_incident(
    incident: Incident, *, actor, expected_version: int | None, reason: str, at=None
) -> Incident:
    """Reopen a resolved incident (not fixed after all): a new SLA resolution cycle starts
    and the reason is kept as a comment. Event incidents.incident.reopened."""
    return conversation.reopen(
        KIND,
        incident,
        actor=actor,
        expected_version=expected_version,
        reason=reason,
        not_resolved=_("Only a resolved incident can be reopened."),
        reason_required=_("Say why it is not resolved."),
        at=at,
        fields={"resolution_code": "", "resolution_notes": ""},
    )


@transaction.atomic
def cancel_incident(
    incident: Incident, *, actor, expected_version: int | None, reason: str, at=None
) -> Incident:
    """Cancel an incident logged by mistake; its clocks are cancelled, not counted.
    Event incidents.incident.cancelled."""
    require_version(incident, expected_version)
    if not (reason or "").strip():
        raise error("reason", _("Say why the incident is cancelled."), "reason_required")
    return lifecycle.transition(
        KIND,
        incident,
        S.CANCELLED,
        actor=actor,
        expected_version=expected_version,
        event="cancelled",
        at=at,
        fields={"resolution_notes": reason.strip()},
    )


@transaction.atomic
def add_incident_comment(
    incident: Incident, *, actor, body: str, is_public: bool, at=None, uploads=()
) -> IncidentComment:
    """A public reply or an internal note, with attachments. Event incidents.incident.replied
    or .noted; the first public reply stops the response clock."""
    return conversation.add_comment(
        KIND, incident, actor=actor, body=body, is_public=is_public, at=at, uploads=uploads
    )


@transaction.atomic
def rate_incident(incident: Incident, *, actor, rating: int, comment: str = "", at=None):
    """The customer rates a resolved incident (once). Event incidents.incident.rated."""
    return conversation.rate(KIND, incident, actor=actor, rating=rating, comment=comment, at=at)
