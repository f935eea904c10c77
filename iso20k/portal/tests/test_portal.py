"""The customer portal: raising an incident or a request (the item's own form), following it
with public replies only, replying, reopening and rating; bad input is refused on the field
and changes nothing; another organisation's tickets answer 404."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.incidents import services as incidents
from iso20k.incidents.models import Incident
from iso20k.servicecatalogue.tests.factories import RequestItemFactory, ServiceFactory
from iso20k.servicerequests.models import ServiceRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal(customer, acme, desk, client_for):
    return client_for(customer)


def test_a_customer_reports_a_problem(portal, customer, acme, desk):
    response = portal.post(
        "/portal/report/",
        {
            "subject": "网站打不开 Website down",
            "description": "从早上开始",
            "impact": 2,
            "urgency": 1,
            "service": desk["service"].pk,
        },
    )
    incident = Incident.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"/portal/tickets/incidents/{incident.pk}/"
    assert (incident.customer, incident.requester, incident.source, incident.priority) == (
        acme,
        customer,
        "portal",
        "P2",
    )


def test_a_report_without_a_subject_is_refused(portal):
    response = portal.post("/portal/report/", {"subject": "", "impact": 3, "urgency": 3})
    assert response.status_code == 422
    assert "Say in a few words what is wrong." in response.content.decode()
    assert not Incident.objects.exists()


def test_an_attachment_that_is_not_what_it_claims_is_refused(portal):
    fake = SimpleUploadedFile("screenshot.png", b"this is plain text", content_type="image/png")
    response = portal.post(
        "/portal/report/", {"subject": "Broken", "impact": 3, "urgency": 3, "uploads": [fake]}
    )
    assert response.status_code == 422
    assert "screenshot.png" in response.content.decode()
    assert not Incident.objects.exists()


def test_a_customer_requests_an_item_with_its_form(portal, customer, acme, desk):
    item = RequestItemFactory(service=desk["service"], requires_approval=True)
    page = portal.get("/portal/catalogue/")
    assert str(item) in page.content.decode()
    bad = portal.post(f"/portal/catalogue/{item.pk}/", {"size": "", "purpose": "x"})
    assert bad.status_code == 422 and not ServiceRequest.objects.exists()
    good = portal.post(f"/portal/catalogue/{item.pk}/", {"size": "large", "purpose": "测试"})
    request = ServiceRequest.objects.get()
    assert good.status_code == 303
    assert (request.status, request.requester, request.answers["size"]) == (
        "awaiting_approval",
        customer,
        "large",
    )


def test_items_of_services_not_offered_are_not_found(portal):
    other = RequestItemFactory(service=ServiceFactory())
    assert portal.get(f"/portal/catalogue/{other.pk}/").status_code == 404


def test_the_customer_reads_public_replies_only_and_answers(portal, customer, agent, acme, desk):
    incident = incidents.open_incident(
        actor=customer, requester=customer, subject="Slow", category="other", impact=3, urgency=3
    )
    incidents.add_incident_comment(incident, actor=agent, body="内部备注 internal", is_public=False)
    incidents.add_incident_comment(incident, actor=agent, body="We are on it", is_public=True)
    url = f"/portal/tickets/incidents/{incident.pk}/"
    page = portal.get(url).content.decode()
    assert "We are on it" in page and "内部备注" not in page
    assert portal.post(url + "reply/", {"body": "谢谢"}).status_code == 303
    assert incident.comments.filter(author=customer, is_public=True).count() == 1


def test_rating_and_reopening_a_resolved_incident(portal, customer, agent, acme, desk):
    incident = incidents.open_incident(
        actor=customer, requester=customer, subject="Mail", category="other", impact=3, urgency=3
    )
    incident = incidents.resolve_incident(
        incident, actor=agent, expected_version=1, resolution_code="fixed", resolution_notes="Done"
    )
    url = f"/portal/tickets/incidents/{incident.pk}/"
    assert 'id="rate-form"' in portal.get(url).content.decode()
    assert portal.post(url + "rate/", {"rating": 6}).status_code == 422
    assert portal.post(url + "rate/", {"rating": 4, "comment": "快"}).status_code == 303
    incident.refresh_from_db()
    assert incident.rating == 4
    refused = portal.post(url + "reopen/", {"version": incident.version, "reason": ""})
    assert refused.status_code == 422
    assert (
        portal.post(
            url + "reopen/", {"version": incident.version, "reason": "还是不行"}
        ).status_code
        == 303
    )
    incident.refresh_from_db()
    assert (incident.status, incident.reopened_count) == ("in_progress", 1)


def test_a_reply_to_a_closed_ticket_is_refused(portal, customer, agent, acme, desk):
    incident = incidents.open_incident(
        actor=customer, requester=customer, subject="Old", category="other", impact=3, urgency=3
    )
    incident = incidents.resolve_incident(
        incident, actor=agent, expected_version=1, resolution_code="fixed", resolution_notes="x"
    )
    incidents.close_incident(incident, actor=agent, expected_version=incident.version)
    url = f"/portal/tickets/incidents/{incident.pk}/"
    assert 'id="reply-form"' not in portal.get(url).content.decode()
    response = portal.post(url + "reply/", {"body": "one more thing"})
    assert response.status_code == 422
    assert "takes no more replies" in response.content.decode()
