"""Evidence checks on the desk's performance (8.3.3, 8.6.1, 8.6.2): service level
achievement per service, reopen rate and tickets open past their deadline, each with data
that passes and data that fails, the figures and the records named."""

import datetime
from decimal import Decimal

import pytest
import time_machine

from iso20k.evidence.results import Status
from iso20k.evidence.testing import outcome
from iso20k.incidents import services

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)  # a Monday
HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


def log(agent, desk, n=1):
    return [
        services.open_incident(
            actor=agent,
            subject=f"邮件无法发送 Mail stuck {i}",
            category="email",
            impact=2,
            urgency=1,  # P2: respond in 60 min, resolve in 480
            service=desk["service"],
            assigned_group=desk["group"],
        )
        for i in range(n)
    ]


def resolve(agent, incident):
    incident.refresh_from_db()
    return services.resolve_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        resolution_code="fixed",
        resolution_notes="Restarted the relay.",
    )


def reopen(agent, incident):
    incident.refresh_from_db()
    return services.reopen_incident(
        incident, actor=agent, expected_version=incident.version, reason="Still failing."
    )


def ref(obj, label):
    return [obj._meta.label_lower, str(obj.pk), label]


def nine_in_time_one_late(agent, desk, clock):
    incidents = log(agent, desk, 10)
    clock.move_to(T0 + HOUR)
    for incident in incidents[:9]:
        resolve(agent, incident)
    clock.move_to(T0 + 9 * HOUR)  # past the 8-hour resolution target
    resolve(agent, incidents[9])


def test_a_service_below_its_agreed_achievement_fails_and_is_named(agent, desk, clock):
    nine_in_time_one_late(agent, desk, clock)
    result = outcome("desk.sla-achievement")
    assert result.status == Status.FAIL
    service = desk["service"]
    assert result.params == {
        "months": 3,
        "measured": 10,
        "services": 1,
        "share": 90.0,
        "below": 1,
        "worst": "MAIL",
        "worst_share": 90.0,
        "worst_target": 95.0,
        "sample": 10,
    }
    assert result.refs == [ref(service, "MAIL: 90.0 % / 95.0 % (10)")]


def test_meeting_the_agreed_achievement_passes(agent, desk, clock):
    nine_in_time_one_late(agent, desk, clock)
    agreement = desk["agreement"]
    agreement.achievement_percent = Decimal("90.0")
    agreement.save()
    result = outcome("desk.sla-achievement")
    assert result.status == Status.PASS
    assert (result.params["share"], result.params["measured"], result.refs) == (90.0, 10, [])


def test_a_shortfall_on_a_handful_of_tickets_is_only_a_warning(agent, desk, clock):
    early, late = log(agent, desk, 2)
    resolve(agent, early)
    clock.move_to(T0 + 9 * HOUR)
    resolve(agent, late)
    result = outcome("desk.sla-achievement")
    assert result.status == Status.WARNING
    assert (result.params["worst_share"], result.params["below"]) == (50.0, 1)


def test_no_resolution_yet_is_not_enough_data(agent, desk):
    log(agent, desk)
    assert outcome("desk.sla-achievement").status == Status.NOT_ENOUGH_DATA


@pytest.mark.parametrize(
    ("reopened", "status", "rate"),
    [(1, Status.PASS, 5.0), (2, Status.WARNING, 10.0), (3, Status.FAIL, 15.0)],
)
def test_the_reopen_rate_is_judged_against_its_thresholds(
    agent, desk, clock, reopened, status, rate
):
    incidents = log(agent, desk, 20)
    clock.move_to(T0 + HOUR)
    for incident in incidents:
        resolve(agent, incident)
    clock.move_to(T0 + 2 * HOUR)
    for incident in incidents[:reopened]:
        reopen(agent, incident)
    result = outcome("desk.reopen-rate")
    assert result.status == status
    assert (result.params["resolved"], result.params["reopened"]) == (20, reopened)
    assert result.params["rate"] == rate
    expected = [] if status == Status.PASS else sorted(str(i.pk) for i in incidents[:reopened])
    assert sorted(r[1] for r in result.refs) == expected


def test_too_few_resolutions_leave_the_reopen_rate_unjudged(agent, desk, clock):
    (incident,) = log(agent, desk)
    resolve(agent, incident)
    result = outcome("desk.reopen-rate")
    assert result.status == Status.NOT_ENOUGH_DATA
    assert (result.params["resolved"], result.params["minimum"]) == (1, 20)


def test_tickets_open_past_their_deadline_fail_and_pass_as_of_before(agent, desk, clock):
    late, on_time = log(agent, desk, 2)
    clock.move_to(T0 + 30 * datetime.timedelta(minutes=1))
    assert outcome("desk.open-past-deadline").params == {"open": 2, "late": 0}
    services.add_incident_comment(on_time, actor=agent, body="Looking into it.", is_public=True)
    clock.move_to(T0 + 2 * HOUR)  # the 60-minute response target of `late` has passed
    result = outcome("desk.open-past-deadline")
    assert result.status == Status.FAIL
    assert result.params == {
        "open": 2,
        "late": 1,
        "share": 50.0,
        "limit": 10.0,
        "since": "2027-03-01",
    }
    assert result.refs == [ref(late, str(late))]
    before = outcome("desk.open-past-deadline", at=T0 + 45 * datetime.timedelta(minutes=1))
    assert (before.status, before.params) == (Status.PASS, {"open": 2, "late": 0})


def test_a_desk_with_nothing_open_has_no_lapse_to_judge(agent, desk):
    (incident,) = log(agent, desk)
    resolve(agent, incident)
    assert outcome("desk.open-past-deadline").status == Status.NOT_ENOUGH_DATA


def test_a_ticket_change_re_runs_the_desk_checks_in_the_next_incremental_run(agent, desk):
    from iso20k.evidence import services as evidence

    evidence.evaluate()
    log(agent, desk)
    evaluation = evidence.evaluate_changes()
    codes = set(evaluation.outcomes.values_list("code", flat=True))
    assert {"desk.sla-achievement", "desk.reopen-rate", "desk.open-past-deadline"} <= codes
    assert "sms.scope-approved" not in codes
