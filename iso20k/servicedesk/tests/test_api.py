"""The ticket API: workflow actions with If-Match (428 missing, 412 stale), specific errors
with stable codes, the requester who cannot approve (403), customers limited to their own
organisation, and cursor pages that return every ticket once."""

import pytest

from iso20k.incidents import services as incidents
from iso20k.incidents.models import Incident
from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.servicecatalogue.tests.factories import RequestItemFactory

pytestmark = pytest.mark.django_db


def logged(agent, desk):
    return incidents.open_incident(
        actor=agent,
        subject="API 测试 test",
        category="software",
        impact=2,
        urgency=2,
        assigned_group=desk["group"],
    )


def test_an_agent_logs_and_works_an_incident_through_the_api(agent, desk, api_client_for):
    api = api_client_for(agent)
    created = api.post(
        "/api/v1/incidents/",
        {
            "subject": "数据库宕机 DB down",
            "category": "database",
            "impact": 1,
            "urgency": 1,
            "service": "MAIL",
            "assigned_group": "service-desk",
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["priority"], body["sla"]["state"], created["ETag"]) == ("P1", "on_track", '"1"')
    url = f"/api/v1/incidents/{body['id']}/"
    missing = api.post(
        url + "resolve/", {"resolution_code": "fixed", "resolution_notes": "ok"}, format="json"
    )
    assert missing.status_code == 428
    blank = api.post(
        url + "resolve/",
        {"resolution_code": "", "resolution_notes": "ok"},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert blank.status_code == 400
    assert blank.json()["resolution_code"][0]["code"] == "resolution_code_required"
    comment = api.post(url + "comments/", {"body": "正在处理", "is_public": True}, format="json")
    assert comment.status_code == 201
    resolved = api.post(
        url + "resolve/",
        {"resolution_code": "fixed", "resolution_notes": "Restarted"},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert resolved.status_code == 200 and resolved.json()["status"] == "resolved"
    stale = api.post(url + "close/", {}, format="json", headers={"If-Match": '"1"'})
    assert stale.status_code == 412
    assert Incident.objects.get().status == "resolved"


def test_a_priority_outside_the_matrix_is_a_400_with_its_code(agent, desk, api_client_for):
    response = api_client_for(agent).post(
        "/api/v1/incidents/",
        {"subject": "x", "category": "other", "impact": 9, "urgency": 1},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["priority"][0]["code"] == "priority_not_in_matrix"
    assert not Incident.objects.exists()


def test_readers_cannot_act(agent, manager, desk, api_client_for):
    incident = logged(agent, desk)
    response = api_client_for(manager).post(
        f"/api/v1/incidents/{incident.pk}/hold/",
        {"reason": "awaiting_customer"},
        format="json",
        headers={"If-Match": f'"{incident.version}"'},
    )
    assert response.status_code == 403


def test_a_customer_logs_replies_publicly_and_rates(customer, acme, agent, desk, api_client_for):
    api = api_client_for(customer)
    created = api.post(
        "/api/v1/incidents/",
        {"subject": "网站打不开", "service": "MAIL", "assigned_group": "service-desk"},
        format="json",
    )
    assert created.status_code == 201
    incident = Incident.objects.get()
    assert (incident.customer, incident.requester, incident.assigned_group) == (
        acme,
        customer,
        None,
    )
    note = api.post(
        f"/api/v1/incidents/{incident.pk}/comments/",
        {"body": "secret", "is_public": False},
        format="json",
    )
    assert note.status_code == 403
    incidents.resolve_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        resolution_code="fixed",
        resolution_notes="ok",
    )
    rated = api.post(f"/api/v1/incidents/{incident.pk}/rate/", {"rating": 5}, format="json")
    assert rated.status_code == 200 and rated.json()["rating"] == 5
    again = api.post(f"/api/v1/incidents/{incident.pk}/rate/", {"rating": 1}, format="json")
    assert again.json()["rating"][0]["code"] == "already_rated"


def test_the_requester_cannot_approve_their_own_request(agent, desk, api_client_for):
    item = RequestItemFactory(service=desk["service"], requires_approval=True)
    api = api_client_for(agent)
    created = api.post(
        "/api/v1/service-requests/",
        {
            "item": item.pk,
            "answers": {"size": "small"},
            "requester": agent.username,
        },
        format="json",
    )
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    response = api.post(
        f"/api/v1/service-requests/{pk}/approve/", {}, format="json", headers={"If-Match": '"1"'}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_bad_answers_name_the_field(agent, desk, api_client_for):
    item = RequestItemFactory(service=desk["service"])
    response = api_client_for(agent).post(
        "/api/v1/service-requests/",
        {"item": item.pk, "answers": {"size": "enormous"}},
        format="json",
    )
    assert response.status_code == 400 and response.json()["size"][0]["code"] == "invalid_choice"


def test_cursor_pages_return_every_incident_once(agent, desk, api_client_for):
    import datetime

    from django.utils import timezone

    moment = timezone.now() - datetime.timedelta(hours=3)
    made = [
        IncidentFactory(created_at=moment + datetime.timedelta(minutes=n % 3)) for n in range(23)
    ]
    api, url, seen = api_client_for(agent), "/api/v1/incidents/?page_size=5", []
    while url:
        page = api.get(url).json()
        seen += [row["id"] for row in page["results"]]
        url = page["next"]
    assert sorted(seen) == sorted(i.pk for i in made) and len(seen) == 23
    last = api.get("/api/v1/incidents/?page_size=5&direction=last").json()
    assert [row["id"] for row in last["results"]] == seen[-5:] and last["next"] is None
    assert api.get("/api/v1/incidents/?cursor=bad").status_code == 404
