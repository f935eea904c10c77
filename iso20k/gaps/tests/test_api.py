"""The gap API: permissions, rating with If-Match and coded errors, gaps to tasks, history."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import PERSONAS
from iso20k.gaps import services

pytestmark = pytest.mark.django_db
INTERNAL = {"admin", "manager", "lead", "process_owner", "agent", "internal_auditor", "staff"}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_who_may_read_the_gap_api(persona, api_client_for, assessment, request):
    name = request.node.callspec.params["persona"]
    api = api_client_for(persona)
    for url in ["/api/v1/gap-assessments/", "/api/v1/clause-ratings/", "/api/v1/gaps/"]:
        assert api.get(url).status_code == (200 if name in INTERNAL else 403), url
    create = api.post("/api/v1/gap-assessments/", {}, format="json")
    assert create.status_code == (400 if name in {"admin", "lead"} else 403)


def test_rating_through_the_api(api_client_for, assessment, internal_auditor, agent):
    rating = assessment.ratings.get(clause__number="8.4.1")
    url = f"/api/v1/clause-ratings/{rating.pk}/rate/"
    api = api_client_for(internal_auditor)
    assert api.post(url, {"rating": "initial"}, format="json").status_code == 428
    outside = api.post(url, {"rating": "5"}, format="json", headers={"If-Match": '"1"'})
    assert outside.json()["rating"][0]["code"] == "invalid_rating"
    na = api.post(url, {"rating": "not_applicable"}, format="json", headers={"If-Match": '"1"'})
    assert na.json()["justification"][0]["code"] == "justification_required"
    ok = api.post(
        url,
        {"rating": "not_applicable", "justification": "No charging"},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert ok.status_code == 200 and ok["ETag"] == '"2"'
    denied = api_client_for(agent).post(
        url, {"rating": "initial"}, format="json", headers={"If-Match": '"2"'}
    )
    assert denied.status_code == 403
    history = api.get(f"/api/v1/clause-ratings/{rating.pk}/history/").json()
    assert history[0]["event"] == "gaps.clauserating.rated"


def test_gaps_become_tasks_through_the_api(api_client_for, assessment, lead, agent, manager):
    from iso20k.programme import services as programme_services

    programme = programme_services.create_programme(
        actor=lead,
        title_en="Certify",
        starts_on=datetime.date(2025, 1, 6),
        target_on=datetime.date(2025, 12, 1),
        sponsor=manager,
        lead=lead,
    )
    api = api_client_for(lead)
    created = api.post(
        "/api/v1/gaps/",
        {
            "assessment": assessment.pk,
            "clause": "8.6.1",
            "description": "No MI review",
            "owner": agent.pk,
            "due_on": "2025-05-01",
            "priority": "high",
        },
        format="json",
    )
    assert created.status_code == 201
    unknown = api.post(
        "/api/v1/gaps/",
        {"assessment": assessment.pk, "clause": "12.1", "description": "x"},
        format="json",
    )
    assert unknown.json()["clause"][0]["code"] == "unknown_clause"
    report = api.post(
        "/api/v1/gaps/to-tasks/",
        {"gaps": [created.json()["id"]], "programme": programme.pk},
        format="json",
    )
    assert report.status_code == 201 and len(report.json()["created"]) == 1
    gap = api.get(f"/api/v1/gaps/{created.json()['id']}/").json()
    assert gap["status"] == "in_progress" and gap["task"] == report.json()["created"][0]


def test_gap_api_lists_cost_the_same_queries(api_client_for, assessment, lead):
    from .factories import AssessmentFactory

    api = api_client_for(lead)
    for url in ["/api/v1/gap-assessments/", "/api/v1/gaps/"]:
        api.get(url)
        with CaptureQueriesContext(connection) as small:
            api.get(url)
        AssessmentFactory.create_batch(5)
        for i in range(10):
            services.raise_gap(assessment, actor=lead, clause="8.6.1", description=f"g{i}")
        with CaptureQueriesContext(connection) as large:
            api.get(url)
        assert len(small.captured_queries) == len(large.captured_queries), url
