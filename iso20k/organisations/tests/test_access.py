"""Permission matrix of the organisation pages, and the approval flow through the pages."""

import pytest
from django.urls import reverse

from conftest import PERSONAS
from iso20k.organisations import services

from .factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db

READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "staff",
}
EDITORS = {"admin", "lead"}


def expected(name: str, allowed: set[str]) -> int:
    if name not in READERS:
        return 404
    return 200 if name in allowed else 403


@pytest.fixture
def scope(lead):
    organisation = OrganisationFactory()
    site = SiteFactory(organisation=organisation)
    draft = services.start_scope_draft(organisation, actor=lead)
    draft = services.update_scope_draft(
        draft, actor=lead, expected_version=1, statement_en="Hosting", sites=[site]
    )
    return services.submit_scope(draft, actor=lead, expected_version=draft.version)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_organisation_pages(persona, client_for, scope, request):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    site = scope.sites.get()
    assert client.get(reverse("organisations:overview")).status_code == expected(name, READERS)
    assert client.get(scope.get_absolute_url()).status_code == expected(name, READERS)
    assert client.get(reverse("organisations:edit")).status_code == expected(name, EDITORS)
    assert client.get(reverse("organisations:site-edit", args=[site.pk])).status_code == expected(
        name, EDITORS
    )
    approve = reverse("organisations:scope-approve", args=[scope.number])
    assert client.get(approve).status_code == expected(name, {"manager"})


def test_top_management_approves_through_the_page(client_for, manager, scope):
    url = reverse("organisations:scope-approve", args=[scope.number])
    response = client_for(manager).post(url, {"version": scope.version, "note": "Go"})
    assert response.status_code == 303
    scope.refresh_from_db()
    assert scope.status == "approved"
    page = client_for(manager).get(scope.get_absolute_url()).content.decode()
    assert "Scope approved" in page


def test_a_stale_approval_is_refused_with_a_banner(client_for, manager, lead, scope):
    seen_version = scope.version
    services.withdraw_scope(scope, actor=lead, expected_version=scope.version)
    url = reverse("organisations:scope-approve", args=[scope.number])
    response = client_for(manager).post(url, {"version": seen_version, "note": "Go"})
    assert response.status_code == 409
    assert 'id="conflict"' in response.content.decode()
