"""Gap pages: permission matrix, rating through the page, evidence, gaps into tasks, heat map,
comparison, and constant query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PERSONAS
from iso20k.gaps import services
from iso20k.gaps.models import Assessment, Gap

from .conftest import rate_all

pytestmark = pytest.mark.django_db
D = datetime.date
INTERNAL = {"admin", "manager", "lead", "process_owner", "agent", "internal_auditor", "staff"}
MANAGERS = {"admin", "lead"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def expected(name, allowed, readers=INTERNAL):
    if name not in readers:
        return 404
    return 200 if name in allowed else 403


@pytest.fixture
def gap(assessment, lead):
    return services.raise_gap(assessment, actor=lead, clause="8.6.1", description="No MI review")


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_gap_pages_by_persona(persona, client_for, assessment, gap, request):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    pk = assessment.pk
    for url in [
        reverse("gaps:assessment-list"),
        assessment.get_absolute_url(),
        reverse("gaps:rating", args=[pk, "8.6.1"]),
        reverse("gaps:assessment-compare", args=[pk]),
        reverse("gaps:gap-list"),
        gap.get_absolute_url(),
        reverse("gaps:report-export", args=[pk, "xlsx"]),
    ]:
        assert client.get(url).status_code == expected(name, INTERNAL), url
    for url in [
        reverse("gaps:assessment-create"),
        reverse("gaps:assessment-edit", args=[pk]),
        reverse("gaps:assessment-complete", args=[pk]),
        reverse("gaps:gap-edit", args=[gap.pk]),
        reverse("gaps:gap-close", args=[gap.pk]),
        reverse("gaps:gaps-to-tasks") + f"?gaps={gap.pk}",
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url
    rate = client.post(
        reverse("gaps:rating", args=[pk, "8.6.1"]), {"version": 1, "rating": "initial"}
    )
    assessors = {"admin", "lead", "internal_auditor"}
    assert rate.status_code == (303 if name in assessors else expected(name, assessors))


def test_a_lead_starts_an_assessment_and_rates_through_the_pages(client_for, lead, catalogue):
    client = client_for(lead)
    response = client.post(
        reverse("gaps:assessment-create"),
        {"title": "Baseline", "assessed_on": "2025-02-01", "assessors": [lead.pk]},
    )
    assert response.status_code == 303
    assessment = Assessment.objects.get()
    url = reverse("gaps:rating", args=[assessment.pk, "4.1"])
    saved = client.post(url, {"version": 1, "rating": "initial", "notes": "Interviews held"})
    assert saved.status_code == 303
    assert saved["Location"] == reverse("gaps:rating", args=[assessment.pk, "4.2"])
    page = client.get(assessment.get_absolute_url()).content.decode()
    assert 'id="heatmap"' in page and "heat-tile tile-1" in page


def test_bad_ratings_are_refused_on_the_field_and_nothing_changes(client_for, assessment, lead):
    client = client_for(lead)
    url = reverse("gaps:rating", args=[assessment.pk, "8.4.1"])
    outside = client.post(url, {"version": 1, "rating": "superb"})
    assert outside.status_code == 422
    assert "invalid-feedback" in outside.content.decode().split('id="field-rating"')[1]
    na = client.post(
        url,
        {"version": 1, "rating": "not_applicable", "justification": ""},
        headers={"accept-language": "zh-hans"},
    )
    assert na.status_code == 422
    field = na.content.decode().split('id="field-justification"')[1].split('id="field-')[0]
    assert "invalid-feedback" in field and "auditors will ask" not in field
    assert assessment.ratings.get(clause__number="8.4.1").rating == "not_rated"


def test_evidence_uploads_are_checked(client_for, assessment, lead, settings):
    client = client_for(lead)
    url = reverse("gaps:evidence-add", args=[assessment.pk, "8.6.1"])
    lying = client.post(url, {"file": SimpleUploadedFile("shot.png", PDF)})
    assert lying.status_code == 422
    assert "invalid-feedback" in lying.content.decode().split('id="evidence-form"')[1]
    settings.UPLOAD_MAX_BYTES = 8
    big = client.post(url, {"file": SimpleUploadedFile("big.pdf", PDF)})
    assert big.status_code == 422
    settings.UPLOAD_MAX_BYTES = 1024 * 1024
    ok = client.post(url, {"file": SimpleUploadedFile("incidents.pdf", PDF)})
    assert ok.status_code == 303
    page = client.get(reverse("gaps:rating", args=[assessment.pk, "8.6.1"])).content.decode()
    assert "incidents.pdf" in page
    from iso20k.files.models import StoredFile

    stored = StoredFile.objects.get()
    assert client_for(lead).get(stored.get_absolute_url()).status_code == 200


def test_raising_a_gap_then_turning_it_into_a_task(client_for, assessment, lead, agent, manager):
    from iso20k.programme import services as programme_services

    programme = programme_services.create_programme(
        actor=lead,
        title_en="Certify",
        starts_on=D(2025, 1, 6),
        target_on=D(2025, 12, 1),
        sponsor=manager,
        lead=lead,
    )
    client = client_for(lead)
    raised = client.post(
        reverse("gaps:gap-create", args=[assessment.pk, "8.6.1"]),
        {
            "clause": "8.6.1",
            "description": "Major incidents are not reviewed",
            "priority": "high",
            "owner": agent.pk,
            "due_on": "2025-04-30",
        },
    )
    assert raised.status_code == 303
    gap = Gap.objects.get()
    confirm = client.get(reverse("gaps:gaps-to-tasks") + f"?gaps={gap.pk}")
    assert "Major incidents are not reviewed" in confirm.content.decode()
    done = client.post(
        reverse("gaps:gaps-to-tasks"),
        {
            "gaps": [gap.pk],
            "programme": programme.pk,
            "milestone": programme.milestones.get(stage="document").pk,
        },
    )
    assert done.status_code == 303
    assert done["Location"] == reverse("programme:task-list", args=[programme.pk])
    gap.refresh_from_db()
    assert gap.task.owner == agent and gap.status == "in_progress"
    task_page = client.get(gap.task.get_absolute_url()).content.decode()
    assert gap.get_absolute_url() in task_page


def test_a_gap_due_before_the_assessment_is_refused_on_the_field(client_for, assessment, lead):
    response = client_for(lead).post(
        reverse("gaps:gap-create", args=[assessment.pk, "8.6.1"]),
        {"clause": "8.6.1", "description": "x", "priority": "high", "due_on": "2024-01-01"},
    )
    assert response.status_code == 422
    assert "invalid-feedback" in response.content.decode().split('id="field-due_on"')[1]
    assert not Gap.objects.exists()


def test_comparison_page_draws_the_change(client_for, assessment, lead):
    rate_all(assessment, lead, "initial")
    services.complete_assessment(assessment, actor=lead, expected_version=assessment.version)
    copy = services.copy_assessment(
        assessment, actor=lead, assessors=[lead], title="Second", assessed_on=D(2025, 6, 1)
    )
    rate_all(copy, lead, "defined")
    page = client_for(lead).get(reverse("gaps:assessment-compare", args=[copy.pk]))
    content = page.content.decode()
    assert 'data-chart="comparison-chart"' in content and 'id="comparison-chart"' in content
    assert content.count('class="change-up"') == copy.ratings.count()


def test_copy_and_complete_through_the_pages(client_for, assessment, lead):
    rate_all(assessment, lead, "conforming")
    client = client_for(lead)
    response = client.post(
        reverse("gaps:assessment-complete", args=[assessment.pk]),
        {"version": assessment.version, "summary": "Good"},
    )
    assert response.status_code == 303
    response = client.post(
        reverse("gaps:assessment-copy", args=[assessment.pk]),
        {"title": "Re-check", "assessed_on": "2025-06-01", "assessors": [lead.pk]},
    )
    assert response.status_code == 303
    copy = Assessment.objects.get(title="Re-check")
    assert copy.ratings.filter(carried_over=True).count() == copy.ratings.count()


def _same(client, url, grow):
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow()
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    return len(small.captured_queries), len(large.captured_queries)


def test_lists_cost_the_same_queries_for_3_or_30_rows(client_for, assessment, lead, agent):
    numbers = ["4.1", "4.2", "5.1", "6.1", "7.2", "8.1", "8.2.1", "8.6.1", "9.2", "10.1"]

    def gaps(n):
        for i in range(n):
            services.raise_gap(
                assessment,
                actor=lead,
                clause=numbers[i % len(numbers)],
                description=f"gap {i}",
                owner=agent,
                due_on=D(2025, 5, 1),
            )

    gaps(3)
    client = client_for(lead)
    assert (
        _same(client, reverse("gaps:gap-list"), lambda: gaps(27))[0]
        == _same(client, reverse("gaps:gap-list"), lambda: None)[1]
    )
    small, large = _same(client, assessment.get_absolute_url(), lambda: gaps(10))
    assert small == large

    def assessments():
        from .factories import AssessmentFactory

        AssessmentFactory.create_batch(10)

    small, large = _same(client, reverse("gaps:assessment-list"), assessments)
    assert small == large


def test_a_stale_rating_keeps_the_input_and_names_who_rated(
    client_for, assessment, lead, internal_auditor
):
    rating = assessment.ratings.get(clause__number="8.6.1")
    services.rate_clause(rating, actor=internal_auditor, expected_version=1, rating_value="defined")
    response = client_for(lead).post(
        reverse("gaps:rating", args=[assessment.pk, "8.6.1"]),
        {"version": 1, "rating": "initial", "notes": "My own view"},
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert 'id="conflict"' in content and "My own view" in content
    assert str(internal_auditor) in content.split('id="conflict"')[1].split("</form>")[0]
    assert assessment.ratings.get(clause__number="8.6.1").rating == "defined"
