"""Links of an incident: to related incidents (both ways) and to the problem behind it."""

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history
from iso20k.servicedesk.services.lifecycle import error

from ..kind import KIND
from ..models import Incident


@transaction.atomic
def link_incidents(incident: Incident, other: Incident, *, actor) -> Incident:
    """Mark two incidents as related (both ways). Event incidents.incident.linked."""
    if other.pk == incident.pk:
        raise error("related", _("An incident cannot be related to itself."), "self_link")
    if incident.related_incidents.filter(pk=other.pk).exists():
        raise error("related", _("These incidents are already related."), "already_linked")
    incident.related_incidents.add(other)
    for one, two in ((incident, other), (other, incident)):
        history.record(
            one,
            event=KIND.event("linked"),
            actor=actor,
            data={"incident": two.pk, "reference": two.reference},
        )
    return incident


@transaction.atomic
def unlink_incidents(incident: Incident, other: Incident, *, actor) -> Incident:
    """Remove the relation between two incidents. Event incidents.incident.unlinked."""
    incident.related_incidents.remove(other)
    for one, two in ((incident, other), (other, incident)):
        history.record(
            one,
            event=KIND.event("unlinked"),
            actor=actor,
            data={"incident": two.pk, "reference": two.reference},
        )
    return incident


@transaction.atomic
def set_incident_problem(
    incident: Incident, problem, *, actor, expected_version: int | None
) -> Incident:
    """Link the incident to the problem behind it (or unlink with None).
    Event incidents.incident.problem_linked."""
    require_version(incident, expected_version)
    before = history.snapshot(incident, ["problem"])
    incident.problem = problem
    changes = history.diff(before, history.snapshot(incident, ["problem"]))
    if not changes:
        return incident
    save_versioned(incident, fields=["problem"], expected_version=expected_version)
    history.record(
        incident,
        event=KIND.event("problem_linked"),
        actor=actor,
        changes=history.with_labels(Incident, changes),
    )
    return incident
