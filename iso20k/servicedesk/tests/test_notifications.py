"""E-mail about tickets, sent by the worker after commit in the recipient's language:
assignment, customer replies, breach warnings and breaches (the SLA engine's recipients
hook), resolution with the rating link; back-dated acts are not mailed."""

import datetime

import pytest
import time_machine
from django.core import mail

from conftest import make_person
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.incidents import services
from iso20k.notifications.models import OutgoingEmail
from iso20k.slas.deadlines import raise_due_alerts

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(T0, tick=False) as traveller:
        yield traveller


def test_breach_warnings_and_breaches_reach_the_right_people_once(
    agent, desk, clock, django_capture_on_commit_callbacks, run_tasks
):
    manager = make_person("boss", Role.AGENT, language="zh-hans")
    make_person("po", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.6.1")
    desk["group"].manager = manager
    desk["group"].save()
    incident = services.open_incident(
        actor=manager,
        subject="Slow VPN",
        category="network",
        impact=2,
        urgency=2,
        assigned_group=desk["group"],
    )
    clock.shift(datetime.timedelta(minutes=100))  # P3 response: 2 h, warning at 75 %
    with django_capture_on_commit_callbacks(execute=True):
        assert raise_due_alerts().warnings == 1
    clock.shift(datetime.timedelta(minutes=30))
    with django_capture_on_commit_callbacks(execute=True):
        assert raise_due_alerts().breaches == 1
        assert raise_due_alerts().breaches == 0
    run_tasks()
    queued = OutgoingEmail.objects.values_list("template", "recipient__username")
    warned = {user for template, user in queued if template == "sla_warning"}
    breached = {user for template, user in queued if template == "sla_breached"}
    assert warned == {"agent"}  # the group's member (nobody is assigned)
    assert breached == {"agent", "boss", "po"}  # plus the group's manager and the owner
    assert len(mail.outbox) == 4
    incident.refresh_from_db()
    assert incident.sla_breached and incident.sla_ever_breached


def test_a_customer_reply_reaches_the_assignee_in_their_language(
    agent, desk, customer, acme, django_capture_on_commit_callbacks, run_tasks
):
    chinese = make_person("zhang", Role.AGENT, language="zh-hans")
    desk["group"].members.add(chinese)
    incident = services.open_incident(
        actor=customer,
        requester=customer,
        subject="打不开",
        category="other",
        impact=3,
        urgency=3,
        assigned_group=desk["group"],
        assignee=chinese,
    )
    mail.outbox.clear()
    OutgoingEmail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        services.add_incident_comment(incident, actor=customer, body="截图见附件", is_public=True)
    run_tasks()
    assert [m.to for m in mail.outbox] == [[chinese.email]]
    assert "客户" in mail.outbox[0].subject or "回复" in mail.outbox[0].subject


def test_back_dated_acts_are_recorded_but_not_mailed(agent, desk, customer, acme):
    services.open_incident(
        actor=agent,
        subject="Imported",
        category="other",
        impact=3,
        urgency=3,
        requester=customer,
        assigned_group=desk["group"],
        assignee=agent,
        at=T0 - datetime.timedelta(days=3),
    )
    assert not OutgoingEmail.objects.exists()
