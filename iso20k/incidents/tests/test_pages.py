"""Incident pages over every persona (the permission matrix), the workflow through HTTP, the
conflict banner, and bad input answered on the field with nothing changed."""

import pytest
from django.urls import reverse

from conftest import PERSONAS
from iso20k.incidents import services
from iso20k.incidents.models import Incident

from .factories import IncidentFactory

pytestmark = pytest.mark.django_db
READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
}
WORKERS = {"admin", "agent"}
REVIEWERS = {"admin", "agent", "lead", "process_owner"}


def expected(name: str, allowed: set[str], page: str) -> int:
    if name == "customer" and page == "incidents:incident-detail":
        return 302  # to the same incident in the portal
    if name == "customer" and page not in ("incidents:incident-list", "incidents:incident-create"):
        return 403  # their organisation's incident: visible, but not for agents' acts
    if name not in READERS:
        return 404
    return 200 if name in allowed else 403


@pytest.fixture
def incident(desk, acme):
    return IncidentFactory(customer=acme, service=desk["service"], is_major=True)


PAGES = [
    ("incidents:incident-list", False, READERS),
    ("incidents:incident-create", False, WORKERS),
    ("incidents:incident-detail", True, READERS),
    ("incidents:incident-resolve", True, WORKERS),
    ("incidents:incident-assign", True, WORKERS),
    ("incidents:incident-escalate", True, WORKERS),
    ("incidents:incident-edit", True, WORKERS),
    ("incidents:incident-review", True, REVIEWERS),
]


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize(("name", "with_pk", "allowed"), PAGES, ids=[p[0] for p in PAGES])
def test_incident_pages_permission_matrix(persona, incident, client_for, name, with_pk, allowed):
    url = reverse(name, args=[incident.pk]) if with_pk else reverse(name)
    status = client_for(persona).get(url).status_code
    assert status == expected(persona.username_role, allowed, name)


@pytest.fixture(autouse=True)
def _persona_names(request):
    """Tell each persona user which persona it is (the username is not always the name)."""
    from iso20k.accounts.models import User

    names = {
        "admin": "admin",
        "manager": "manager",
        "lead": "lead",
        "owner": "process_owner",
        "agent": "agent",
        "auditor": "internal_auditor",
        "cbauditor": "external_auditor",
        "customer": "customer",
        "staff": "staff",
        "outsider": "outsider",
    }
    User.username_role = property(lambda self: names.get(self.username, self.username))
    yield
    del User.username_role


def test_an_agent_logs_and_resolves_an_incident_through_the_pages(agent, desk, client_for):
    client = client_for(agent)
    response = client.post(
        reverse("incidents:incident-create"),
        {
            "subject": "VPN 断开 VPN keeps dropping",
            "category": "network",
            "impact": 2,
            "urgency": 2,
            "service": desk["service"].pk,
            "assigned_group": desk["group"].pk,
        },
    )
    assert response.status_code == 303
    incident = Incident.objects.get()
    assert response["Location"] == incident.get_absolute_url()
    page = client.get(incident.get_absolute_url())
    assert "VPN keeps dropping" in page.content.decode() and b'id="sla-clock"' in page.content
    response = client.post(
        reverse("incidents:incident-resolve", args=[incident.pk]),
        {
            "version": incident.version,
            "resolution_code": "",
            "resolution_notes": "",
        },
    )
    assert response.status_code == 422
    assert "Choose a resolution code." in response.content.decode()
    incident.refresh_from_db()
    assert incident.status == "new"


def test_a_second_agent_is_told_who_changed_it_and_keeps_their_input(agent, desk, client_for):
    incident = services.open_incident(
        actor=agent,
        subject="Printer jam",
        category="hardware",
        impact=3,
        urgency=3,
        assigned_group=desk["group"],
    )
    seen = incident.version
    services.hold_incident(incident, actor=agent, expected_version=seen, reason="awaiting_supplier")
    response = client_for(agent).post(
        reverse("incidents:incident-resolve", args=[incident.pk]),
        {
            "version": seen,
            "resolution_code": "fixed",
            "resolution_notes": "Replaced the roller",
        },
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert 'id="conflict"' in body and "Put on hold" in body and "Replaced the roller" in body
    incident.refresh_from_db()
    assert incident.status == "on_hold"


def test_readers_see_the_incident_without_the_agents_forms(
    external_auditor, agent, desk, client_for
):
    incident = services.open_incident(
        actor=agent, subject="Audit sample", category="other", impact=3, urgency=3
    )
    services.add_incident_comment(incident, actor=agent, body="内部备注", is_public=False)
    page = client_for(external_auditor).get(incident.get_absolute_url()).content.decode()
    assert "内部备注" in page and 'id="history"' in page  # the record, notes included
    assert 'id="reply-form"' not in page and 'id="actions"' not in page
