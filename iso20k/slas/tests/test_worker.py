"""The task worker: warnings and breaches raised once each; open clocks recomputed after a
calendar, an entered holiday schedule or an agreement changed."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core import mail

from iso20k.calendars import services as calendar_services
from iso20k.calendars.choices import ScheduleDayKind
from iso20k.calendars.tests.factories import CalendarFactory
from iso20k.history.models import ChangeRecord
from iso20k.notifications.models import OutgoingEmail
from iso20k.slas import clocks, services
from iso20k.slas.deadlines import raise_due_alerts
from iso20k.slas.models import SlaClock

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def sh(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture
def calendar():
    return CalendarFactory(china=True)


@pytest.fixture
def agreement(calendar):
    return AgreementFactory(calendar=calendar)


def open_ticket(tickets, agreement, at, watchers=(), priority="P2"):
    ticket = tickets.new(watchers=watchers)
    with time_machine.travel(at, tick=False):
        clocks.start_clocks(ticket.ref, agreement=agreement, priority=priority, at=at, actor=None)
        clocks.record_first_response(ticket.ref, at=at, actor=None)
    return ticket


def alerts_at(moment):
    with time_machine.travel(moment, tick=False):
        return raise_due_alerts()


def test_a_warning_then_a_breach_are_each_raised_once(
    tickets, agreement, agent, django_capture_on_commit_callbacks, run_tasks
):
    ticket = open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0), watchers=[agent])
    # 8 h target: warning at 6 h (Mon 16:00), breach at Mon 18:00.
    with django_capture_on_commit_callbacks(execute=True):
        assert alerts_at(sh(2026, 11, 23, 15, 59)).warnings == 0
        assert alerts_at(sh(2026, 11, 23, 16, 1)).warnings == 1
        assert alerts_at(sh(2026, 11, 23, 16, 2)).warnings == 0
        report = alerts_at(sh(2026, 11, 23, 18, 5))
        assert (report.warnings, report.breaches) == (0, 1)
        assert alerts_at(sh(2026, 11, 23, 18, 6)).breaches == 0
    templates = list(OutgoingEmail.objects.order_by("pk").values_list("template", flat=True))
    assert templates == ["sla_warning", "sla_breached"]
    clock = SlaClock.objects.get(kind="resolution")
    assert clock.breached and clock.breached_at == sh(2026, 11, 23, 18, 0)
    assert ticket.sla_breached
    run_tasks()
    assert [m.to for m in mail.outbox] == [[agent.email], [agent.email]]
    assert "FAKE-1" in mail.outbox[1].subject


def test_the_breach_mail_is_in_the_recipients_language(
    tickets, agreement, agent, django_capture_on_commit_callbacks, run_tasks
):
    agent.language = "zh-hans"
    agent.save(update_fields=["language"])
    open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0), watchers=[agent])
    with django_capture_on_commit_callbacks(execute=True):
        alerts_at(sh(2026, 11, 23, 18, 5))
    run_tasks()
    assert "SLA" in mail.outbox[-1].subject and "breached" not in mail.outbox[-1].subject


def test_a_breach_found_long_after_the_fact_is_marked_but_not_mailed(tickets, agreement, agent):
    open_ticket(tickets, agreement, sh(2026, 11, 2, 9, 0), watchers=[agent])
    assert alerts_at(sh(2026, 11, 24, 9, 0)).breaches == 1
    assert SlaClock.objects.get(kind="resolution").breached
    assert not OutgoingEmail.objects.exists()


def test_paused_clocks_never_breach(tickets, agreement, agent):
    ticket = open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0), watchers=[agent])
    at = sh(2026, 11, 23, 10, 0)
    with time_machine.travel(at, tick=False):
        clocks.track_status(ticket.ref, status="awaiting_customer", at=at, actor=None)
    assert alerts_at(sh(2026, 11, 30, 9, 0)) == alerts_at(sh(2026, 11, 30, 9, 0))
    assert not SlaClock.objects.filter(breached=True).exists()


def test_an_organisation_holiday_recomputes_open_clocks_through_the_worker(
    tickets, agreement, calendar, lead, django_capture_on_commit_callbacks, run_tasks
):
    ticket = open_ticket(tickets, agreement, sh(2026, 11, 23, 14, 0))  # Mon 14:00 → Tue 14:00
    assert ticket.sla_breach_at == sh(2026, 11, 24, 14, 0)
    with django_capture_on_commit_callbacks(execute=True):
        calendar_services.add_holiday(
            calendar,
            actor=lead,
            expected_version=calendar.version,
            date=datetime.date(2026, 11, 24),
            name_en="Away day",
        )
    with time_machine.travel(sh(2026, 11, 23, 15, 0), tick=False):
        run_tasks()
    clock = SlaClock.objects.get(kind="resolution")
    assert clock.breach_at == sh(2026, 11, 25, 14, 0)
    assert clock.original_breach_at == sh(2026, 11, 25, 14, 0)
    assert ticket.sla_breach_at == sh(2026, 11, 25, 14, 0)
    record = ChangeRecord.objects.get(event="slas.servicelevelagreement.clocks_recomputed")
    assert record.data["reason"] == "calendar" and record.data["clocks"] == 1


def test_stopped_cycles_are_records_and_are_not_recomputed(
    tickets, agreement, calendar, lead, django_capture_on_commit_callbacks, run_tasks
):
    ticket = open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0))
    at = sh(2026, 11, 24, 12, 0)
    with time_machine.travel(at, tick=False):
        clocks.track_status(ticket.ref, status="resolved", at=at, actor=None)
    before = SlaClock.objects.get(kind="resolution")
    assert before.breached
    with django_capture_on_commit_callbacks(execute=True):
        calendar_services.set_working_hours(
            calendar, actor=lead, expected_version=calendar.version, days=["00:00-24:00"] * 7
        )
    run_tasks()
    after = SlaClock.objects.get(kind="resolution")
    assert (after.breach_at, after.breached) == (before.breach_at, True)


def test_entering_the_2027_schedule_replaces_the_estimate_in_open_clocks(
    tickets, agreement, admin, django_capture_on_commit_callbacks, run_tasks
):
    ticket = open_ticket(tickets, agreement, sh(2026, 12, 31, 17, 0))
    assert SlaClock.objects.get(kind="resolution").uses_estimate
    days = [
        calendar_services.ScheduleDay(datetime.date(2027, 1, 1), ScheduleDayKind.HOLIDAY, "NY"),
        calendar_services.ScheduleDay(datetime.date(2027, 1, 4), ScheduleDayKind.HOLIDAY, "NY"),
        calendar_services.ScheduleDay(datetime.date(2027, 1, 9), ScheduleDayKind.WORKDAY, "NY"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        calendar_services.enter_public_schedule(actor=admin, region="CN", year=2027, days=days)
    with time_machine.travel(sh(2026, 12, 31, 17, 30), tick=False):
        run_tasks()
    clock = SlaClock.objects.get(kind="resolution")
    assert not clock.uses_estimate
    assert clock.breach_at == sh(2027, 1, 5, 17, 0)  # Mon 4 Jan is a holiday as announced
    assert ticket.sla_breach_at == clock.breach_at


def test_changed_targets_apply_to_the_whole_open_cycle(
    tickets, agreement, lead, django_capture_on_commit_callbacks, run_tasks
):
    open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0))
    at = sh(2026, 11, 23, 10, 0)
    targets = {p: (r, s) for p, r, s in [("P1", 30, 240), ("P2", 60, 120), ("P3", 120, 1440)]}
    with time_machine.travel(at, tick=False), django_capture_on_commit_callbacks(execute=True):
        services.update_agreement(
            agreement, actor=lead, expected_version=agreement.version, targets=targets
        )
    with time_machine.travel(at, tick=False):
        run_tasks()
    clock = SlaClock.objects.get(kind="resolution")
    assert clock.target_seconds == 7200 and clock.breach_at == sh(2026, 11, 23, 11, 0)


def test_a_new_pause_status_pauses_open_clocks_from_the_moment_of_change(
    tickets, agreement, lead, django_capture_on_commit_callbacks, run_tasks
):
    ticket = open_ticket(tickets, agreement, sh(2026, 11, 23, 9, 0))
    at = sh(2026, 11, 23, 10, 0)
    with time_machine.travel(at, tick=False):
        clocks.track_status(ticket.ref, status="awaiting_supplier", at=at, actor=None)
    assert SlaClock.objects.get(kind="resolution").stage == "running"
    change = sh(2026, 11, 23, 11, 0)
    with time_machine.travel(change, tick=False), django_capture_on_commit_callbacks(execute=True):
        services.update_agreement(
            agreement,
            actor=lead,
            expected_version=agreement.version,
            pause_statuses=["awaiting_customer", "awaiting_supplier"],
        )
    with time_machine.travel(sh(2026, 11, 23, 11, 5), tick=False):
        run_tasks()
    clock = SlaClock.objects.get(kind="resolution")
    assert clock.stage == "paused" and clock.paused_since == change
    assert clock.business_elapsed_seconds == 2 * 3600
