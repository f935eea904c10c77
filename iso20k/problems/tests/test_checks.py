"""Evidence checks on problem management (8.6.3): root causes found in time, repeating
incidents taken up as problems, each with passing and failing data, figures and records."""

import datetime

import pytest
from django.utils import timezone

from iso20k.evidence.results import Status
from iso20k.evidence.testing import moment_between_writes, outcome
from iso20k.incidents import services as incidents
from iso20k.problems import services
from iso20k.problems.models import Problem

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def raise_problem(lead, desk, days_ago=0, **extra):
    return services.raise_problem(
        actor=lead,
        subject="数据库连接池耗尽 Connection pool exhausted",
        category="database",
        service=desk["service"],
        at=timezone.now() - days_ago * DAY,
        **extra,
    )


def alike(agent, desk, n, configuration_item="db-01"):
    return [
        incidents.open_incident(
            actor=agent,
            subject=f"报表超时 Report timed out {i}",
            category="database",
            subcategory="timeout",
            configuration_item=configuration_item,
            impact=3,
            urgency=2,
            service=desk["service"],
            assigned_group=desk["group"],
        )
        for i in range(n)
    ]


def test_a_problem_without_root_cause_for_months_fails_and_is_named(lead, desk):
    old = raise_problem(lead, desk, days_ago=75)
    raise_problem(lead, desk, days_ago=5)
    result = outcome("problems.root-cause-found")
    assert result.status == Status.FAIL
    since = timezone.localtime(old.reported_at).date()
    assert result.params == {"open": 2, "days": 60, "late": 1, "since": since.isoformat()}
    assert result.refs == [["problems.problem", str(old.pk), str(old)]]


def test_recording_the_root_cause_passes(lead, desk):
    old = raise_problem(lead, desk, days_ago=75)
    services.start_investigation(old, actor=lead, expected_version=old.version)
    old.refresh_from_db()
    services.record_known_error(
        old,
        actor=lead,
        expected_version=old.version,
        root_cause="The pool is sized for 20 connections; the report job opens 50.",
        workaround="Run the report job at night.",
    )
    result = outcome("problems.root-cause-found")
    assert (result.status, result.params) == (Status.PASS, {"open": 1, "days": 60})


def test_no_open_problem_is_not_applicable(lead, desk):
    assert outcome("problems.root-cause-found").status == Status.NOT_APPLICABLE


def test_incidents_that_repeat_without_a_problem_fail_with_the_incidents(agent, desk):
    repeated = alike(agent, desk, 3)
    alike(agent, desk, 2, configuration_item="db-02")  # two alike are not yet a pattern
    result = outcome("problems.repeats-investigated")
    assert result.status == Status.FAIL
    assert result.params == {"days": 30, "repeat": 3, "groups": 1, "repeated": 3}
    assert [r[1] for r in result.refs] == [str(i.pk) for i in repeated]


def test_repeating_incidents_linked_to_a_problem_pass(agent, lead, desk):
    repeated = alike(agent, desk, 3)
    raise_problem(lead, desk, incidents=repeated[:1])
    result = outcome("problems.repeats-investigated")
    assert (result.status, result.params["incidents"]) == (Status.PASS, 3)


def test_repeats_are_judged_as_of_a_date_from_the_incidents_entered_by_then(agent, desk):
    alike(agent, desk, 2)
    before = moment_between_writes()
    alike(agent, desk, 1)
    assert outcome("problems.repeats-investigated").status == Status.FAIL
    assert outcome("problems.repeats-investigated", at=before).status == Status.PASS


def test_problem_management_operated_for_a_fortnight_fails_the_90_day_rule(lead, desk):
    for _n in range(12):
        raise_problem(lead, desk)
    now = timezone.now()
    for n, problem in enumerate(Problem.objects.order_by("id")):
        Problem.objects.filter(pk=problem.pk).update(created_at=now - (n + 1) * DAY)
    result = outcome("problems.operated-90-days")
    assert result.status == Status.FAIL
    assert (result.params["days"], result.params["required"]) == (12, 90)
