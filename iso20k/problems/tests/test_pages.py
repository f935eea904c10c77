"""Problem pages: raising a problem from a trend links its incidents; closing needs a root
cause or a reason (the error lands on the field, nothing changes); agents find known
errors in Chinese from the incident page's search."""

import datetime

import pytest
from django.utils import timezone

from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.problems import services
from iso20k.problems.models import Problem

pytestmark = pytest.mark.django_db


def test_a_trend_becomes_a_problem_with_its_incidents(agent, desk, client_for):
    recent = timezone.now() - datetime.timedelta(days=2)
    repeated = [
        IncidentFactory(service=desk["service"], category="email", reported_at=recent)
        for _ in range(4)
    ]
    IncidentFactory(
        service=desk["service"],
        category="email",
        reported_at=timezone.now() - datetime.timedelta(days=60),
    )
    client = client_for(agent)
    trends = client.get("/problems/trends/?days=30&threshold=3").content.decode()
    link = f"trend_category=email&amp;trend_days=30&amp;trend_service={desk['service'].pk}"
    assert link in trends
    url = f"/problems/new/?{link.replace('&amp;', '&')}"
    form = client.get(url).content.decode()
    assert "4 incidents" in form
    response = client.post(
        url,
        {
            "subject": "Mail keeps failing",
            "category": "email",
            "service": desk["service"].pk,
            "impact": 2,
            "urgency": 2,
            "trend_service": desk["service"].pk,
            "trend_category": "email",
            "trend_days": 30,
        },
    )
    problem = Problem.objects.get()
    assert response.status_code == 303 and problem.source == "trend"
    assert set(problem.incidents.values_list("pk", flat=True)) == {i.pk for i in repeated}


def test_closing_without_an_explanation_is_refused_on_the_page(agent, client_for):
    problem = services.raise_problem(actor=agent, subject="Flaky", category="other")
    response = client_for(agent).post(
        f"/problems/{problem.pk}/close/", {"version": problem.version, "closure_reason": ""}
    )
    assert response.status_code == 422
    assert "Record the root cause, or say why" in response.content.decode()
    assert Problem.objects.get().status == "new"


def test_known_errors_are_found_in_chinese_from_an_incident(agent, desk, client_for):
    services.publish_known_error(
        actor=agent,
        title="证书链不完整",
        symptoms="浏览器提示不安全",
        workaround="补齐中间证书",
        category="security",
    )
    incident = IncidentFactory(category="security")
    response = client_for(agent).get(
        f"/problems/known-errors/search/?q=不安全&incident={incident.pk}",
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert "证书链不完整" in body and f"/incidents/{incident.pk}/resolve/?known_error=" in body
    page = client_for(agent).get(incident.get_absolute_url()).content.decode()
    assert "证书链不完整" in page  # suggested for the incident's category
