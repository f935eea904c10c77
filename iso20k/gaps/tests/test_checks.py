"""Evidence from gap assessments: overdue gaps (6.3) and the judgements beside the checks."""

import datetime

import pytest
from django.utils import timezone

from iso20k.evidence import scoring
from iso20k.evidence.results import Status
from iso20k.evidence.testing import outcome
from iso20k.gaps.checks import latest_judgements
from iso20k.gaps.models import ClauseRating, Gap

from .factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def gap(assessment, clause, due_in_days, closed=False, owner=None):
    return Gap.objects.create(
        assessment=assessment,
        clause=clause,
        description="No major incident procedure",
        priority="high",
        owner=owner,
        raised_by=owner,
        due_on=timezone.localdate() + datetime.timedelta(days=due_in_days),
        status="closed" if closed else "open",
        closed_at=timezone.now() if closed else None,
    )


def test_overdue_gaps_fail_with_the_oldest_delay(catalogue, lead):
    from iso20k.catalogue.models import Clause

    assessment = AssessmentFactory()
    clause = Clause.objects.get(number="8.6.1")
    late = gap(assessment, clause, -20, owner=lead)
    gap(assessment, clause, -5, owner=lead)
    gap(assessment, clause, 10, owner=lead)
    gap(assessment, clause, -50, closed=True, owner=lead)
    result = outcome("gaps.closed-on-time")
    assert result.status == Status.FAIL
    assert result.params == {"overdue": 2, "days": 20, "open": 3}
    assert result.refs[0][1] == str(late.pk)


def test_no_overdue_gap_passes(catalogue, lead):
    from iso20k.catalogue.models import Clause

    gap(AssessmentFactory(), Clause.objects.get(number="8.6.1"), 10, owner=lead)
    assert outcome("gaps.closed-on-time").status == Status.PASS


def test_the_latest_completed_assessment_gives_the_judgements(catalogue, lead):
    from iso20k.catalogue.models import Clause

    older = AssessmentFactory(
        status="completed", completed_at=timezone.now() - datetime.timedelta(days=90)
    )
    newer = AssessmentFactory(status="completed", completed_at=timezone.now())
    clause = Clause.objects.get(number="8.6.1")
    ClauseRating.objects.create(assessment=older, clause=clause, rating="initial")
    ClauseRating.objects.create(assessment=newer, clause=clause, rating="conforming")
    assert latest_judgements(timezone.now())["8.6.1"].score == 100
    assert latest_judgements(timezone.now() - datetime.timedelta(days=30))["8.6.1"].score == 25


def test_a_conforming_judgement_never_hides_a_failing_check(catalogue):
    from iso20k.catalogue.models import Clause

    assessment = AssessmentFactory(status="completed", completed_at=timezone.now())
    ClauseRating.objects.create(
        assessment=assessment, clause=Clause.objects.get(number="4.3"), rating="conforming"
    )
    readiness = scoring.compute({"sms.scope-approved": Status.FAIL}, timezone.now())
    item = next(i for i in readiness.clauses if i.number == "4.3")
    assert item.judgement.score == 100 and item.check_status == Status.FAIL and item.score == 0
