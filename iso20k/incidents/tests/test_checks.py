"""Evidence checks on incident management (8.6.1): major incidents reviewed, and the
90-day rule judged by when incidents entered the system, not by their business dates.

The database stamps created_at with its own clock, which time travel cannot move: these
tests run at the real time, give business times through the services' `at`, and set the
system entry time of rows directly where a test is about it."""

import datetime

import pytest
from django.utils import timezone

from conftest import make_person
from iso20k.accounts.choices import Role
from iso20k.evidence.results import Status
from iso20k.evidence.testing import moment_between_writes, outcome
from iso20k.incidents import services
from iso20k.incidents.models import Incident

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def log(agent, desk, **extra):
    return services.open_incident(
        actor=agent,
        subject="全部邮件中断 All mail down",
        category="email",
        impact=1,
        urgency=1,
        service=desk["service"],
        assigned_group=desk["group"],
        **extra,
    )


def resolved_major(agent, desk, days_ago=0):
    manager = make_person("boss", Role.AGENT)
    at = timezone.now() - days_ago * DAY
    incident = log(agent, desk, at=at - DAY / 2 if days_ago else None)
    incident = services.escalate_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        kind="hierarchical",
        reason="Whole mail service down",
        to_manager=manager,
        make_major=True,
        at=at - DAY / 4 if days_ago else None,
    )
    return services.resolve_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        resolution_code="fixed",
        resolution_notes="Failed over to the standby relay.",
        at=at if days_ago else None,
    )


def review(agent, incident):
    return services.record_major_review(
        incident,
        actor=agent,
        held_on=timezone.localdate(),
        summary="Relay disk full.",
        cause="Log rotation stopped.",
        improvements="Alert on disk use.",
    )


def test_no_major_incident_makes_the_review_check_not_applicable(agent, desk):
    log(agent, desk)
    assert outcome("incidents.major-reviewed").status == Status.NOT_APPLICABLE


def test_a_review_still_in_its_grace_period_is_a_warning(agent, desk):
    major = resolved_major(agent, desk)
    result = outcome("incidents.major-reviewed")
    assert result.status == Status.WARNING
    assert result.params == {"resolved": 1, "days": 10, "pending": 1}
    assert result.refs == [["incidents.incident", str(major.pk), str(major)]]


def test_a_major_incident_left_unreviewed_fails_until_its_review_is_recorded(agent, desk):
    major = resolved_major(agent, desk, days_ago=11)
    result = outcome("incidents.major-reviewed")
    assert result.status == Status.FAIL
    assert result.params == {"resolved": 1, "days": 10, "missing": 1}
    assert [r[1] for r in result.refs] == [str(major.pk)]
    before_review = moment_between_writes()
    review(agent, major)
    assert outcome("incidents.major-reviewed").status == Status.PASS
    # As it stood before the review was recorded, the review was missing.
    assert outcome("incidents.major-reviewed", at=before_review).status == Status.FAIL


def entered(days_ago: list[int]) -> None:
    """Set when each incident entered the system (the database's created_at), oldest first."""
    now = timezone.now()
    for incident, days in zip(Incident.objects.order_by("id"), days_ago, strict=True):
        Incident.objects.filter(pk=incident.pk).update(created_at=now - days * DAY)


def test_incidents_logged_week_after_week_for_three_months_pass_the_90_day_rule(agent, desk):
    for _week in range(14):
        log(agent, desk)
    entered([7 * week + 1 for week in reversed(range(14))])
    result = outcome("incidents.operated-90-days")
    assert result.status == Status.PASS
    assert (result.params["days"], result.params["records"]) == (92, 14)
    assert result.params["active_weeks"] >= 12


def test_a_back_dated_import_does_not_make_three_months_of_operation(agent, desk):
    """Incidents typed in today with business dates spread over the past months."""
    for week in range(14):
        log(agent, desk, at=timezone.now() - week * 7 * DAY)
    result = outcome("incidents.operated-90-days")
    assert result.status == Status.FAIL
    assert (result.params["days"], result.params["records"]) == (0, 14)


def test_a_burst_before_the_audit_is_flagged(agent, desk):
    for _n in range(13):
        log(agent, desk)
    entered([120] + [1] * 12)
    result = outcome("incidents.operated-90-days")
    assert result.status == Status.WARNING
    assert (result.params["active_weeks"], result.params["burst_share"]) == (1, 100.0)
