"""Gap assessments: the scale, N/A justification, completion, copying, gaps and tasks."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.catalogue.models import Clause
from iso20k.core.errors import ConflictError
from iso20k.gaps import querysets, services
from iso20k.gaps.models import Assessment, ClauseRating, Gap
from iso20k.history.models import ChangeRecord
from iso20k.programme.models import Task

from .conftest import rate_all

pytestmark = pytest.mark.django_db
D = datetime.date


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


def rating_of(assessment, number):
    return assessment.ratings.select_related("clause").get(clause__number=number)


def test_an_assessment_lists_every_assessable_clause(assessment):
    assessable = Clause.objects.assessable().count()
    assert assessable > 50
    assert assessment.ratings.count() == assessable
    assert set(assessment.ratings.values_list("rating", flat=True)) == {"not_rated"}
    record = ChangeRecord.objects.for_object(assessment).get()
    assert record.data == {"clauses": assessable}


def test_an_assessment_needs_a_title_a_date_and_insiders_as_assessors(lead, customer, catalogue):
    base = {"title": "x", "assessed_on": D(2025, 2, 1)}
    with pytest.raises(ValidationError) as exc:
        services.create_assessment(actor=lead, assessors=[], **base)
    assert codes(exc.value) == {"assessors": ["assessors_required"]}
    with pytest.raises(ValidationError) as exc:
        services.create_assessment(actor=lead, assessors=[customer], **base)
    assert codes(exc.value) == {"assessors": ["not_internal"]}
    with pytest.raises(ValidationError) as exc:
        services.create_assessment(
            actor=lead, assessors=[lead], title=" ", assessed_on=D(2025, 1, 1)
        )
    assert codes(exc.value) == {"title": ["title_required"]}
    assert not Assessment.objects.exists() and not ClauseRating.objects.exists()


@pytest.mark.parametrize("value", ["great", "not_rated", "", "4"])
def test_a_rating_outside_the_scale_is_refused(assessment, lead, value):
    rating = rating_of(assessment, "8.6.1")
    with pytest.raises(ValidationError) as exc:
        services.rate_clause(rating, actor=lead, expected_version=1, rating_value=value)
    assert codes(exc.value) == {"rating": ["invalid_rating"]}
    assert rating_of(assessment, "8.6.1").rating == "not_rated"


def test_not_applicable_needs_a_justification(assessment, lead):
    rating = rating_of(assessment, "8.4.1")
    with pytest.raises(ValidationError) as exc:
        services.rate_clause(
            rating, actor=lead, expected_version=1, rating_value="not_applicable", justification=" "
        )
    assert codes(exc.value) == {"justification": ["justification_required"]}
    rating = services.rate_clause(
        rating,
        actor=lead,
        expected_version=1,
        rating_value="not_applicable",
        justification="No charging for services",
    )
    assert rating.rating == "not_applicable" and rating.rated_by == lead
    rating = services.rate_clause(
        rating, actor=lead, expected_version=2, rating_value="initial", justification="left over"
    )
    assert rating.justification == ""


def test_only_assessors_rate(assessment, agent, internal_auditor):
    rating = rating_of(assessment, "8.6.1")
    with pytest.raises(PermissionDenied):
        services.rate_clause(rating, actor=agent, expected_version=1, rating_value="initial")
    rating = services.rate_clause(
        rating, actor=internal_auditor, expected_version=1, rating_value="initial", notes="seen"
    )
    record = ChangeRecord.objects.for_object(rating).get()
    assert record.changes["rating"] == ["not_rated", "initial"]


def test_a_stale_rating_is_refused(assessment, lead, internal_auditor):
    rating = rating_of(assessment, "8.6.1")
    services.rate_clause(rating, actor=lead, expected_version=1, rating_value="initial")
    with pytest.raises(ConflictError):
        services.rate_clause(
            rating_of(assessment, "8.6.1"),
            actor=internal_auditor,
            expected_version=1,
            rating_value="conforming",
        )
    assert rating_of(assessment, "8.6.1").rating == "initial"


def test_completing_needs_every_clause_rated_and_freezes_the_ratings(assessment, lead):
    services.rate_clause(
        rating_of(assessment, "4.1"), actor=lead, expected_version=1, rating_value="initial"
    )
    with pytest.raises(ValidationError) as exc:
        services.complete_assessment(assessment, actor=lead, expected_version=assessment.version)
    assert codes(exc.value) == {"status": ["unrated_clauses"]}
    rate_all(assessment, lead)
    assessment = services.complete_assessment(
        assessment, actor=lead, expected_version=assessment.version, summary="Documented, unevenly"
    )
    assert assessment.status == "completed" and assessment.completed_by == lead
    with pytest.raises(ValidationError) as exc:
        services.rate_clause(
            rating_of(assessment, "4.1"),
            actor=lead,
            expected_version=rating_of(assessment, "4.1").version,
            rating_value="conforming",
        )
    assert codes(exc.value) == {"status": ["assessment_completed"]}


def test_scores_count_points_over_the_applicable_clauses():
    score = querysets.score(
        ["conforming", "defined", "not_addressed", "not_applicable", "not_rated"]
    )
    assert (score.points, score.rated, score.unrated, score.percent) == (5, 3, 1, 56)
    assert querysets.score([]).percent == 0


def test_copying_carries_conforming_and_na_and_resets_the_rest(assessment, lead, internal_auditor):
    rate_all(assessment, lead, "initial")
    conforming = rating_of(assessment, "4.1")
    services.rate_clause(
        conforming,
        actor=lead,
        expected_version=conforming.version,
        rating_value="conforming",
        notes="Context documented",
    )
    na = rating_of(assessment, "8.4.1")
    services.rate_clause(
        na,
        actor=lead,
        expected_version=na.version,
        rating_value="not_applicable",
        justification="No charging",
    )
    with pytest.raises(ValidationError) as exc:
        services.copy_assessment(
            assessment, actor=lead, assessors=[lead], title="Too early", assessed_on=D(2025, 5, 1)
        )
    assert codes(exc.value) == {"copied_from": ["source_not_completed"]}
    services.complete_assessment(assessment, actor=lead, expected_version=assessment.version)
    copy = services.copy_assessment(
        assessment,
        actor=lead,
        assessors=[internal_auditor],
        title="Second",
        assessed_on=D(2025, 5, 1),
    )
    assert copy.copied_from == assessment and copy.scope == "All services"
    carried = rating_of(copy, "4.1")
    assert (carried.rating, carried.carried_over, carried.previous_rating) == (
        "conforming",
        True,
        "conforming",
    )
    assert carried.notes == ""
    assert rating_of(copy, "8.4.1").justification == "No charging"
    reset = rating_of(copy, "8.6.1")
    assert (reset.rating, reset.carried_over, reset.previous_rating) == (
        "not_rated",
        False,
        "initial",
    )
    assert rating_of(assessment, "8.6.1").rating == "initial"  # the source is untouched
    record = ChangeRecord.objects.for_object(copy).get()
    assert record.event == "gaps.assessment.copied" and record.data["carried_over"] == 2


def test_comparison_shows_the_change_clause_by_clause(assessment, lead):
    rate_all(assessment, lead, "initial")
    services.complete_assessment(assessment, actor=lead, expected_version=assessment.version)
    copy = services.copy_assessment(
        assessment, actor=lead, assessors=[lead], title="Second", assessed_on=D(2025, 5, 1)
    )
    rate_all(copy, lead, "initial")
    better = rating_of(copy, "8.6.1")
    services.rate_clause(
        better, actor=lead, expected_version=better.version, rating_value="conforming"
    )
    worse = rating_of(copy, "4.1")
    services.rate_clause(
        worse, actor=lead, expected_version=worse.version, rating_value="not_addressed"
    )
    changes = {c.clause.number: c for c in querysets.compare(assessment, copy)}
    assert (changes["8.6.1"].direction, changes["8.6.1"].delta) == ("up", 2)
    assert (changes["4.1"].direction, changes["4.1"].delta) == ("down", -1)
    tally = querysets.tally(list(changes.values()))
    assert tally["up"] == 1 and tally["down"] == 1 and tally["same"] == len(changes) - 2


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"clause": "99.1"}, {"clause": ["unknown_clause"]}),
        ({"clause": "4"}, {"clause": ["clause_not_assessed"]}),
        ({"description": " "}, {"description": ["description_required"]}),
        ({"due_on": D(2025, 1, 1)}, {"due_on": ["end_before_start"]}),
        ({"priority": "whenever"}, {"priority": ["invalid_choice"]}),
    ],
)
def test_bad_gaps_are_refused(assessment, lead, fields, expected):
    data = {"clause": "8.6.1", "description": "No major incident procedure", **fields}
    with pytest.raises(ValidationError) as exc:
        services.raise_gap(assessment, actor=lead, **data)
    assert codes(exc.value) == expected
    assert not Gap.objects.exists()


@pytest.fixture
def programme(lead, manager):
    from iso20k.programme import services as programme_services

    return programme_services.create_programme(
        actor=lead,
        title_en="Certify",
        starts_on=D(2025, 1, 6),
        target_on=D(2025, 12, 1),
        sponsor=manager,
        lead=lead,
    )


def test_gaps_become_tasks_in_one_action_all_or_nothing(assessment, lead, agent, programme):
    ready = services.raise_gap(
        assessment,
        actor=lead,
        clause="8.6.1",
        priority="high",
        description="No major incident procedure",
        owner=agent,
        due_on=D(2025, 4, 1),
    )
    unready = services.raise_gap(
        assessment, actor=lead, clause="8.5.1.1", description="CAB not defined"
    )
    with pytest.raises(ValidationError) as exc:
        services.create_tasks_for_gaps([ready, unready], actor=lead, programme=programme)
    assert codes(exc.value) == {"gaps": ["gap_not_ready"]}
    assert not Task.objects.exists()
    milestone = programme.milestones.get(stage="document")
    report = services.create_tasks_for_gaps(
        [ready], actor=lead, programme=programme, milestone=milestone
    )
    task = report.created[0]
    assert (task.owner, task.due_on, task.priority, task.clause.number, task.milestone) == (
        agent,
        D(2025, 4, 1),
        "high",
        "8.6.1",
        milestone,
    )
    ready.refresh_from_db()
    assert (ready.task, ready.status) == (task, "in_progress")
    again = services.create_tasks_for_gaps([ready], actor=lead, programme=programme)
    assert again.created == () and again.skipped == (ready,)
    assert list(task.gaps.all()) == [ready]


def test_closing_and_reopening_a_gap(assessment, lead):
    gap = services.raise_gap(assessment, actor=lead, clause="8.6.1", description="x")
    with pytest.raises(ValidationError) as exc:
        services.close_gap(gap, actor=lead, expected_version=1, note="")
    assert codes(exc.value) == {"note": ["note_required"]}
    gap = services.close_gap(gap, actor=lead, expected_version=1, note="Procedure approved")
    assert gap.status == "closed" and gap.closed_at
    with pytest.raises(ValidationError) as exc:
        services.update_gap(gap, actor=lead, expected_version=2, priority="low")
    assert codes(exc.value) == {"status": ["gap_closed"]}
    gap = services.reopen_gap(gap, actor=lead, expected_version=2, note="Found again")
    assert gap.status == "open" and gap.closed_at is None


def test_the_prioritised_list_puts_urgent_open_gaps_first(assessment, lead):
    low = services.raise_gap(assessment, actor=lead, clause="4.1", description="a", priority="low")
    critical = services.raise_gap(
        assessment, actor=lead, clause="9.2", description="b", priority="critical"
    )
    high_late = services.raise_gap(
        assessment, actor=lead, clause="8.1", description="c", priority="high", due_on=D(2025, 9, 1)
    )
    high_soon = services.raise_gap(
        assessment,
        actor=lead,
        clause="8.2.1",
        description="d",
        priority="high",
        due_on=D(2025, 3, 1),
    )
    closed = services.raise_gap(
        assessment, actor=lead, clause="5.1", description="e", priority="critical"
    )
    services.close_gap(closed, actor=lead, expected_version=1, note="done")
    order = list(Gap.objects.prioritised())
    assert order == [critical, high_soon, high_late, low, closed]


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_evidence_is_checked_by_content_and_size(assessment, lead, settings):
    from iso20k.files.services import files_of

    rating = rating_of(assessment, "8.6.1")
    stored = services.add_evidence(
        rating, actor=lead, upload=SimpleUploadedFile("records.pdf", PDF)
    )
    assert list(files_of(rating)) == [stored]
    with pytest.raises(ValidationError) as exc:
        services.add_evidence(rating, actor=lead, upload=SimpleUploadedFile("photo.png", PDF))
    assert codes(exc.value) == {"file": ["file_type_mismatch"]}
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as exc:
        services.add_evidence(rating, actor=lead, upload=SimpleUploadedFile("big.pdf", PDF))
    assert codes(exc.value) == {"file": ["file_too_large"]}
    assert files_of(rating).count() == 1
    services.withdraw_evidence(rating, actor=lead, stored=stored, reason="Wrong file")
    assert files_of(rating).count() == 0
