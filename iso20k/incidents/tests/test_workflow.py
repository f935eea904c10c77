"""The incident workflow: each rule's pass and fail share their setup; bad input changes
nothing; the SLA clocks, history, figures and e-mail follow every act."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import make_person
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.incidents import services
from iso20k.incidents.models import Incident
from iso20k.servicedesk.models import TicketMonthStat

pytestmark = pytest.mark.django_db
# After the personas' grants start (they are created at the real time), a Monday.
T0 = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


def log(agent, desk, **extra):
    fields = {
        "actor": agent,
        "subject": "邮件无法发送 Mail stuck in outbox",
        "category": "email",
        "impact": 2,
        "urgency": 1,
        "service": desk["service"],
        "assigned_group": desk["group"],
        **extra,
    }
    return services.open_incident(**fields)


@pytest.fixture(autouse=True)
def clock():
    """Everything (the personas included) happens at T0 unless a test travels further on."""
    with time_machine.travel(T0, tick=False):
        yield


def codes(caught) -> dict:
    return {field: [e.code for e in errors] for field, errors in caught.value.error_dict.items()}


@pytest.fixture
def incident(agent, desk):
    return log(agent, desk)


def test_logging_sets_priority_from_the_matrix_and_starts_the_clocks(incident):
    assert (incident.priority, incident.status, incident.sla_stage) == ("P2", "new", "running")
    assert incident.sla_breach_at == T0 + datetime.timedelta(minutes=60)  # P2 response 60 min
    assert ChangeRecord.objects.filter(event="incidents.incident.logged").count() == 1
    assert TicketMonthStat.objects.get(kind="incidents.incident").opened == 1


def test_a_priority_outside_the_matrix_is_refused_and_nothing_is_logged(agent, desk):
    with pytest.raises(ValidationError) as caught:
        log(agent, desk, impact=4)
    assert codes(caught) == {"priority": ["priority_not_in_matrix"]}
    assert Incident.objects.count() == 0


def test_only_a_public_reply_stops_the_response_clock(agent, incident):
    with time_machine.travel(T0 + datetime.timedelta(minutes=20), tick=False):
        services.add_incident_comment(incident, actor=agent, body="内部：查看日志", is_public=False)
        incident.refresh_from_db()
        assert incident.first_responded_at is None
        services.add_incident_comment(incident, actor=agent, body="We are on it.", is_public=True)
    incident.refresh_from_db()
    assert incident.first_responded_at == T0 + datetime.timedelta(minutes=20)
    assert incident.sla_breach_at == T0 + datetime.timedelta(minutes=480)  # resolution now
    stat = TicketMonthStat.objects.get(kind="incidents.incident")
    assert (stat.response_met, stat.response_missed) == (1, 0)


def test_resolving_needs_a_code_and_notes_then_stops_the_clocks(agent, incident):
    with pytest.raises(ValidationError) as caught:
        services.resolve_incident(
            incident,
            actor=agent,
            expected_version=incident.version,
            resolution_code="",
            resolution_notes="done",
        )
    assert codes(caught) == {"resolution_code": ["resolution_code_required"]}
    incident.refresh_from_db()
    assert incident.status == "new"
    with time_machine.travel(T0 + datetime.timedelta(hours=2), tick=False):
        resolved = services.resolve_incident(
            incident,
            actor=agent,
            expected_version=incident.version,
            resolution_code="fixed",
            resolution_notes="Cleared the queue.",
        )
    assert (resolved.status, resolved.sla_stage, resolved.sla_breached) == (
        "resolved",
        "stopped",
        False,
    )
    stat = TicketMonthStat.objects.get(kind="incidents.incident")
    assert (stat.resolved, stat.resolution_met, stat.response_missed) == (1, 1, 1)


def test_closing_an_unresolved_incident_is_refused(agent, incident):
    with pytest.raises(ValidationError) as caught:
        services.close_incident(incident, actor=agent, expected_version=incident.version)
    assert codes(caught) == {"status": ["not_resolved"]}


def test_hold_pauses_and_a_customer_reply_resumes(agent, desk, acme, customer):
    incident = log(agent, desk, requester=customer)
    assert incident.customer == acme
    with time_machine.travel(T0 + datetime.timedelta(minutes=10), tick=False):
        held = services.hold_incident(
            incident,
            actor=agent,
            expected_version=incident.version,
            reason="awaiting_customer",
        )
    assert (held.status, held.sla_stage) == ("on_hold", "paused")
    with time_machine.travel(T0 + datetime.timedelta(hours=3), tick=False):
        services.add_incident_comment(held, actor=customer, body="日志已附上", is_public=True)
    held.refresh_from_db()
    assert (held.status, held.sla_stage) == ("in_progress", "running")
    # 10 minutes used before the pause, so 50 minutes are left after it.
    assert held.sla_breach_at == T0 + datetime.timedelta(hours=3, minutes=50)


def test_a_customer_cannot_write_internal_notes(incident, customer, acme):
    incident.customer = acme
    with pytest.raises(PermissionDenied):
        services.add_incident_comment(incident, actor=customer, body="psst", is_public=False)


def test_a_reply_to_a_closed_incident_is_refused(agent, incident):
    resolved = services.resolve_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        resolution_code="fixed",
        resolution_notes="ok",
    )
    closed = services.close_incident(resolved, actor=agent, expected_version=resolved.version)
    with pytest.raises(ValidationError) as caught:
        services.add_incident_comment(closed, actor=agent, body="one more", is_public=True)
    assert codes(caught) == {"body": ["ticket_closed"]}
    assert closed.comments.count() == 0


def test_reopening_starts_a_new_resolution_cycle(agent, incident):
    with time_machine.travel(T0 + datetime.timedelta(hours=1), tick=False):
        resolved = services.resolve_incident(
            incident,
            actor=agent,
            expected_version=incident.version,
            resolution_code="fixed",
            resolution_notes="ok",
        )
    with time_machine.travel(T0 + datetime.timedelta(hours=5), tick=False):
        reopened = services.reopen_incident(
            resolved,
            actor=agent,
            expected_version=resolved.version,
            reason="Still failing",
        )
    assert (reopened.status, reopened.reopened_count, reopened.sla_stage) == (
        "in_progress",
        1,
        "running",
    )
    assert reopened.sla_breach_at == T0 + datetime.timedelta(hours=5, minutes=480)
    assert TicketMonthStat.objects.get(kind="incidents.incident").reopened == 1


def test_a_major_incident_closes_only_after_its_review(agent, incident, desk):
    manager = make_person("boss", Role.AGENT)
    desk["group"].manager = manager
    desk["group"].save()
    major = services.escalate_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        kind="hierarchical",
        reason="Whole mail service down",
        make_major=True,
    )
    assert major.is_major and major.escalations.get().to_manager == manager
    resolved = services.resolve_incident(
        major,
        actor=agent,
        expected_version=major.version,
        resolution_code="fixed",
        resolution_notes="Relay restarted",
    )
    with pytest.raises(ValidationError) as caught:
        services.close_incident(resolved, actor=agent, expected_version=resolved.version)
    assert codes(caught) == {"status": ["review_required"]}
    services.record_major_review(
        resolved,
        actor=agent,
        held_on=datetime.date(2026, 11, 3),
        summary="Relay crashed",
        cause="Disk full",
        improvements="Alert on disk use",
    )
    closed = services.close_incident(resolved, actor=agent, expected_version=resolved.version)
    assert closed.status == "closed"


def test_a_stale_version_is_refused_and_nothing_changes(agent, incident, desk):
    services.hold_incident(
        incident, actor=agent, expected_version=incident.version, reason="awaiting_supplier"
    )
    with pytest.raises(ConflictError):
        services.resolve_incident(
            incident,
            actor=agent,
            expected_version=1,
            resolution_code="fixed",
            resolution_notes="x",
        )
    incident.refresh_from_db()
    assert incident.status == "on_hold"


def test_the_assignee_must_belong_to_the_group(agent, incident, desk):
    other = make_person("other", Role.AGENT)
    with pytest.raises(ValidationError) as caught:
        services.assign_incident(
            incident,
            actor=agent,
            expected_version=incident.version,
            group=desk["group"],
            assignee=other,
        )
    assert codes(caught) == {"assignee": ["assignee_not_in_group"]}


def test_assignment_and_resolution_are_mailed_after_commit(
    agent, desk, customer, acme, django_capture_on_commit_callbacks, run_tasks
):
    colleague = make_person("colleague", Role.AGENT, scope_kind=ScopeKind.ORGANISATION)
    desk["group"].members.add(colleague)
    with django_capture_on_commit_callbacks(execute=True):
        incident = log(agent, desk, requester=customer, assignee=colleague)
    with django_capture_on_commit_callbacks(execute=True):
        services.resolve_incident(
            incident,
            actor=colleague,
            expected_version=incident.version,
            resolution_code="fixed",
            resolution_notes="Queue cleared",
        )
    run_tasks()
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == [colleague.email, customer.email]
    resolved_mail = next(m for m in mail.outbox if m.to == [customer.email])
    assert "/portal/" in resolved_mail.body and "#rate" in resolved_mail.body


def test_related_incidents_link_both_ways_once(agent, desk, incident):
    other = log(agent, desk, subject="同一故障 Same outage")
    services.link_incidents(incident, other, actor=agent)
    assert list(other.related_incidents.all()) == [incident]
    for bad, code in ((incident, "self_link"), (other, "already_linked")):
        with pytest.raises(ValidationError) as caught:
            services.link_incidents(incident, bad, actor=agent)
        assert codes(caught) == {"related": [code]}
    services.unlink_incidents(incident, other, actor=agent)
    assert not incident.related_incidents.exists()
    assert ChangeRecord.objects.filter(event="incidents.incident.unlinked").count() == 2


def test_a_functional_escalation_hands_the_incident_to_another_group(agent, desk, incident):
    from iso20k.servicedesk.tests.factories import SupportGroupFactory

    network = SupportGroupFactory(code="network")
    escalated = services.escalate_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        kind="functional",
        to_group=network,
        reason="Router fault",
    )
    assert (escalated.assigned_group, escalated.assignee, escalated.escalation_level) == (
        network,
        None,
        1,
    )
    record = escalated.escalations.get()
    assert (record.from_group, record.to_group, record.kind) == (
        desk["group"],
        network,
        "functional",
    )
    with pytest.raises(ValidationError) as caught:
        services.escalate_incident(
            escalated,
            actor=agent,
            expected_version=escalated.version,
            kind="functional",
            to_group=network,
            reason="again",
        )
    assert codes(caught) == {"to_group": ["same_group"]}
