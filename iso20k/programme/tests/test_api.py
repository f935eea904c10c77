"""The programme API: permissions per persona, If-Match, workflow actions, errors, history."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import PERSONAS
from iso20k.programme import services
from iso20k.programme.models import Programme, Task

pytestmark = pytest.mark.django_db

INTERNAL = {"admin", "manager", "lead", "process_owner", "agent", "internal_auditor", "staff"}
MONEY = {"admin", "manager", "lead"}
ENDPOINTS = [
    "/api/v1/programmes/",
    "/api/v1/milestones/",
    "/api/v1/team-members/",
    "/api/v1/process-raci/",
    "/api/v1/tasks/",
]


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_who_may_read_the_programme_api(persona, api_client_for, programme, request):
    name = request.node.callspec.params["persona"]
    api = api_client_for(persona)
    for url in ENDPOINTS:
        assert api.get(url).status_code == (200 if name in INTERNAL else 403), url
    assert api.get("/api/v1/budget-lines/").status_code == (200 if name in MONEY else 403)
    detail = api.get(f"/api/v1/programmes/{programme.pk}/")
    assert detail.status_code == (200 if name in INTERNAL else 403)
    create = api.post("/api/v1/tasks/", {}, format="json")
    assert create.status_code == (400 if name in {"admin", "lead"} else 403)


def test_the_charter_workflow_through_the_api(api_client_for, lead, manager):
    from iso20k.organisations import services as organisations
    from iso20k.organisations.tests.factories import OrganisationFactory, SiteFactory

    organisation = OrganisationFactory()
    draft = organisations.start_scope_draft(organisation, actor=lead)
    organisations.update_scope_draft(
        draft, actor=lead, expected_version=1, statement_en="x", sites=[SiteFactory()]
    )
    lead_api, top_api = api_client_for(lead), api_client_for(manager)
    created = lead_api.post(
        "/api/v1/programmes/",
        {
            "title_en": "Certify",
            "purposes": ["tenders"],
            "starts_on": "2025-01-06",
            "target_on": "2025-12-01",
            "sponsor": manager.pk,
            "lead": lead.pk,
            "scope_statement": draft.number,
        },
        format="json",
    )
    assert created.status_code == 201 and created["ETag"] == '"1"'
    body = created.json()
    assert body["progress"]["total"] == 7 and body["currency"] == "CNY"
    url = f"/api/v1/programmes/{body['id']}/"
    assert lead_api.post(url + "submit/").status_code == 428
    assert lead_api.post(url + "submit/", headers={"If-Match": '"7"'}).status_code == 412
    submitted = lead_api.post(url + "submit/", headers={"If-Match": '"1"'})
    assert submitted.json()["status"] == "submitted"
    version = submitted.json()["version"]
    assert lead_api.post(url + "approve/", headers={"If-Match": f'"{version}"'}).status_code == 403
    approved = top_api.post(
        url + "approve/", {"note": "ok"}, format="json", headers={"If-Match": f'"{version}"'}
    )
    assert approved.json()["status"] == "approved"
    history = top_api.get(url + "history/").json()
    assert history[0]["event"] == "programme.programme.approved"


def test_bad_input_is_refused_with_a_coded_error_in_the_callers_language(
    api_client_for, programme, lead, catalogue
):
    api = api_client_for(lead)
    base = {"programme": programme.pk, "title": "t", "owner": lead.pk}
    due = api.post(
        "/api/v1/tasks/",
        {**base, "starts_on": "2025-05-01", "due_on": "2025-04-01"},
        format="json",
    )
    assert due.json()["due_on"][0]["code"] == "end_before_start"
    clause = api.post(
        "/api/v1/tasks/", {**base, "due_on": "2025-04-01", "clause": "77.7"}, format="json"
    )
    assert clause.json()["clause"][0]["code"] == "unknown_clause"
    money = api.post(
        "/api/v1/budget-lines/",
        {
            "programme": programme.pk,
            "category": "training",
            "description_en": "x",
            "planned_amount": "-1",
        },
        format="json",
        headers={"Accept-Language": "zh-hans"},
    )
    assert money.status_code == 400
    assert money.json()["planned_amount"][0]["code"] == "negative_amount"
    assert money.json()["planned_amount"][0]["message"] != "An amount cannot be negative."
    not_a_number = api.post(
        "/api/v1/budget-lines/",
        {
            "programme": programme.pk,
            "category": "training",
            "description_en": "x",
            "planned_amount": "many",
        },
        format="json",
    )
    assert not_a_number.status_code == 400 and "planned_amount" in not_a_number.json()
    assert not Task.objects.exists()


def test_task_transitions_need_if_match_and_follow_the_rules(
    api_client_for, programme, lead, agent
):
    task = services.create_task(
        programme, actor=lead, title="x", owner=agent, due_on=datetime.date(2025, 3, 1)
    )
    url = f"/api/v1/tasks/{task.pk}/transition/"
    api = api_client_for(agent)
    assert api.post(url, {"status": "done"}, format="json").status_code == 428
    assert (
        api_client_for(agent)
        .patch(
            f"/api/v1/tasks/{task.pk}/", {"title": "y"}, format="json", headers={"If-Match": '"1"'}
        )
        .status_code
        == 403
    )
    bad = api.post(url, {"status": "blocked"}, format="json", headers={"If-Match": '"1"'})
    assert bad.json()["note"][0]["code"] == "note_required"
    done = api.post(url, {"status": "done"}, format="json", headers={"If-Match": '"1"'})
    assert done.status_code == 200 and done.json()["completed_at"]
    assert api.get(f"/api/v1/tasks/{task.pk}/history/").json()[0]["event"] == (
        "programme.task.status_changed"
    )


def test_the_raci_through_the_api(api_client_for, programme, lead, catalogue):
    members = {m.role: m.pk for m in programme.team.all()}
    api = api_client_for(lead)
    created = api.post(
        "/api/v1/process-raci/",
        {
            "programme": programme.pk,
            "clause": "8.5.1",
            "letters": {str(members["project_lead"]): "A", str(members["sponsor"]): "R"},
        },
        format="json",
    )
    assert created.status_code == 201
    url = f"/api/v1/process-raci/{created.json()['id']}/"
    again = api.patch(
        url, {"letters": {str(members["sponsor"]): "A"}}, format="json", headers={"If-Match": '"1"'}
    )
    assert again.json()["letters"][0]["code"] == "responsible_required"


def test_filters_on_the_task_list(api_client_for, programme, lead, agent):
    services.create_task(
        programme, actor=lead, title="mine", owner=agent, due_on=datetime.date(2025, 3, 1)
    )
    services.create_task(
        programme, actor=lead, title="other", owner=lead, due_on=datetime.date(2099, 3, 1)
    )
    body = api_client_for(agent).get("/api/v1/tasks/?state=mine").json()
    assert [t["title"] for t in body["results"]] == ["mine"]
    overdue = api_client_for(agent).get("/api/v1/tasks/?state=overdue").json()
    assert [t["title"] for t in overdue["results"]] == ["mine"]


def test_api_lists_cost_the_same_queries_for_3_or_30_rows(api_client_for, lead, manager):
    from .factories import ProgrammeFactory, TaskFactory

    api = api_client_for(lead)
    ProgrammeFactory.create_batch(3, sponsor=manager, lead=lead)
    TaskFactory.create_batch(3, programme=Programme.objects.first(), owner=lead)
    for url in ["/api/v1/programmes/", "/api/v1/tasks/"]:
        api.get(url)
        with CaptureQueriesContext(connection) as small:
            api.get(url)
        ProgrammeFactory.create_batch(9, sponsor=manager, lead=lead)
        TaskFactory.create_batch(27, programme=Programme.objects.first(), owner=lead)
        with CaptureQueriesContext(connection) as large:
            api.get(url)
        assert len(small.captured_queries) == len(large.captured_queries), url
