"""Permission matrix of every document page and API endpoint, over all personas."""

import pytest
from django.urls import reverse

from conftest import PERSONAS
from iso20k.catalogue.querysets import get_clause

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
READ_ALL = {"admin", "manager", "lead", "internal_auditor"}
LIBRARY = READ_ALL | {"process_owner"}
CREATORS = {"admin", "lead", "process_owner"}


def expected(name: str, visible: set[str], allowed: set[str] | None = None) -> int:
    if name not in visible:
        return 404
    return 200 if allowed is None or name in allowed else 403


@pytest.fixture
def register(lead, manager, process_owner, make_document, approved_document, send_for_review):
    """An approved change procedure (8.5.1), a draft (8.5.1) and an incident procedure (8.6.1)
    in review with top management as approver."""
    approved = approved_document(lead, manager, clauses=[get_clause("8.5.1")])
    draft = make_document(lead, clauses=[get_clause("8.5.1")])
    incident = make_document(lead, clauses=[get_clause("8.6.1")])
    in_review = send_for_review(incident, lead, approvers=[manager])
    return {"approved": approved, "draft": draft, "incident": incident, "in_review": in_review}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_document_pages(persona, request, register, client_for):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    approved, draft = register["approved"], register["draft"]
    incident, in_review = register["incident"], register["in_review"]
    incident_readers = READ_ALL | {"process_owner"}
    pages = {
        reverse("documents:document-list"): expected(name, READERS),
        reverse("documents:my-reading"): expected(name, READERS),
        reverse("documents:itil"): expected(name, READERS),
        reverse("documents:document-export"): expected(name, READERS),
        approved.get_absolute_url(): expected(name, READERS),
        approved.current_version.get_absolute_url(): expected(name, READERS),
        reverse("documents:version-export", args=[approved.pk, 1]): expected(name, READERS),
        draft.get_absolute_url(): expected(name, READ_ALL),
        incident.get_absolute_url(): expected(name, incident_readers),
        reverse("documents:document-create"): expected(name, READERS, CREATORS),
        reverse("documents:document-edit", args=[approved.pk]): expected(
            name, READERS, {"admin", "lead"}
        ),
        reverse("documents:document-edit", args=[incident.pk]): expected(
            name, incident_readers, CREATORS
        ),
        reverse("documents:version-edit", args=[draft.pk, 1]): expected(
            name, READ_ALL, {"admin", "lead"}
        ),
        reverse("documents:version-approve", args=[incident.pk, in_review.number]): expected(
            name, incident_readers, {"manager"}
        ),
        reverse("documents:document-reading", args=[approved.pk]): expected(
            name, READERS, READ_ALL
        ),
        reverse("documents:mandatory"): expected(name, LIBRARY),
        reverse("documents:template-list"): expected(name, LIBRARY),
        reverse("documents:template-detail", args=["incident-management-procedure"]): expected(
            name, LIBRARY
        ),
    }
    got = {url: client.get(url).status_code for url in pages}
    assert got == pages


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_generating_from_a_template(persona, request, client_for, catalogue):
    name = request.node.callspec.params["persona"]
    url = reverse("documents:template-detail", args=["incident-management-procedure"])
    response = client_for(persona).post(url, {"code": "SMS-P-X", "owner": persona.pk})
    if name in CREATORS:
        assert response.status_code == 303
    else:
        assert response.status_code == expected(name, LIBRARY, CREATORS)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_document_api(persona, request, register, api_client_for):
    name = request.node.callspec.params["persona"]
    client = api_client_for(persona)
    draft = register["draft"]
    denied = 403
    assert client.get("/api/v1/documents/").status_code == (200 if name in READERS else denied)
    assert client.get("/api/v1/document-templates/").status_code == (
        200 if name in LIBRARY else denied
    )
    detail = client.get(f"/api/v1/documents/{draft.pk}/").status_code
    assert detail == (200 if name in READ_ALL else 404 if name in READERS else denied)
    version = draft.versions.get()
    detail = client.get(f"/api/v1/document-versions/{version.pk}/").status_code
    assert detail == (200 if name in READ_ALL else 404 if name in READERS else denied)
    payload = {
        "code": f"API-{name}",
        "tier": "l2",
        "title_en": "Procedure",
        "owner": persona.pk,
        "clauses": ["8.6.1"],
    }
    created = client.post("/api/v1/documents/", payload, format="json").status_code
    if name in CREATORS:
        assert created == 201
    elif name in READERS:
        assert created in {400, 403}  # an owner outside the organisation fails first for some
    else:
        assert created == denied


def test_staff_see_approved_documents_and_what_they_are_asked_to_read(
    register, staff, lead, client_for
):
    from iso20k.documents import access, services

    visible = set(access.visible_documents(staff).values_list("pk", flat=True))
    assert visible == {register["approved"].pk}
    services.assign_reading(register["approved"], actor=lead, people=[staff])
    page = client_for(staff).get(reverse("documents:document-list")).content.decode()
    assert register["approved"].code in page and register["draft"].code not in page


def test_a_reviewer_sees_the_draft_they_are_asked_to_review(
    lead, agent, manager, make_document, send_for_review, client_for
):
    document = make_document(lead)
    version = send_for_review(document, lead, approvers=[manager], reviewers=[agent])
    client = client_for(agent)
    assert client.get(version.get_absolute_url()).status_code == 200
    url = reverse("documents:version-review", args=[document.pk, version.number])
    assert client.get(url).status_code == 200
    assert (
        client.get(reverse("documents:version-approve", args=[document.pk, 1])).status_code == 403
    )
