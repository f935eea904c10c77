"""SLA clocks end to end with a frozen clock: start, first response, pause and resume, stop,
reopen into a new cycle, cancel, priority changes; nights, weekends, China's holidays and
adjusted working days, DST. The fake ticket's denormalised columns follow every change."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from iso20k.calendars.tests.factories import CalendarFactory
from iso20k.slas import clocks
from iso20k.slas.choices import ClockStage, SlaState
from iso20k.slas.display import describe_row, state_of_row
from iso20k.slas.models import ClockEvent, SlaClock

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
HOUR = 3600


def sh(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


@pytest.fixture
def agreement():
    return AgreementFactory(calendar=CalendarFactory(china=True))


def start(ticket, agreement, at, priority="P2", **kwargs):
    with time_machine.travel(at, tick=False):
        return clocks.start_clocks(
            ticket.ref, agreement=agreement, priority=priority, at=at, actor=None, **kwargs
        )


def status(ticket, value, at):
    with time_machine.travel(at, tick=False):
        return clocks.track_status(ticket.ref, status=value, at=at, actor=None)


def clock_of(ticket, kind, cycle=1) -> SlaClock:
    return SlaClock.objects.get(subject__subject_id=ticket.pk, kind=kind, cycle=cycle)


def test_a_new_ticket_gets_response_and_resolution_clocks_across_the_night(tickets, agreement):
    ticket = tickets.new()
    snapshot = start(ticket, agreement, sh(2026, 11, 23, 17, 30))  # Monday 17:30, P2
    response, resolution = clock_of(ticket, "response"), clock_of(ticket, "resolution")
    assert response.breach_at == sh(2026, 11, 24, 9, 30)  # 60 min: 30 tonight, 30 tomorrow
    assert resolution.breach_at == sh(2026, 11, 24, 17, 30)  # 8 h: 30 min + 7 h 30 min
    assert resolution.original_breach_at == resolution.breach_at
    assert response.warning_at == sh(2026, 11, 24, 9, 15)  # 75 % of 60 min
    assert snapshot.headline.kind == "response"
    assert ticket.sla_stage == "running" and ticket.sla_breach_at == response.breach_at


def test_first_public_response_stops_only_the_response_clock(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0))
    at = sh(2026, 11, 23, 10, 40)
    with time_machine.travel(at, tick=False):
        snapshot = clocks.record_first_response(ticket.ref, at=at, actor=None)
        again = clocks.record_first_response(ticket.ref, at=at, actor=None)
    response = clock_of(ticket, "response")
    assert response.stage == ClockStage.STOPPED and not response.breached
    assert response.business_elapsed_seconds == 40 * 60
    assert snapshot.headline.kind == "resolution"
    assert again == clocks.snapshot_of(ticket.ref)
    assert ClockEvent.objects.filter(kind="first_response").count() == 1


def test_pausing_moves_the_breach_by_the_paused_business_time(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0))  # Mon 10:00; 8 h → Tue 10:00
    status(ticket, "awaiting_customer", sh(2026, 11, 23, 14, 0))
    paused = clock_of(ticket, "resolution")
    assert paused.stage == ClockStage.PAUSED and paused.breach_at is None
    assert paused.remaining_seconds == 5 * HOUR  # 3 h used: 10–12, 13–14
    assert state_of_row(ticket, sh(2026, 11, 24, 12, 0)) == SlaState.PAUSED
    assert describe_row(ticket, None, sh(2026, 11, 24, 12, 0)).text == "5 h left"
    status(ticket, "in_progress", sh(2026, 11, 25, 11, 0))  # Wed 11:00
    resumed = clock_of(ticket, "resolution")
    assert resumed.paused_business_seconds == 14 * HOUR  # Mon 4 h + Tue 8 h + Wed 2 h
    assert resumed.paused_wall_seconds == 45 * HOUR
    assert resumed.breach_at == sh(2026, 11, 25, 17, 0)  # 5 h left from Wed 11:00
    assert resumed.original_breach_at == sh(2026, 11, 24, 10, 0)
    # The response clock (never answered) breached on Monday at 11:00 and is due first.
    assert ticket.sla_breach_at == sh(2026, 11, 23, 11, 0) and ticket.sla_breached


def test_resolving_stops_the_clocks_and_reopening_starts_a_new_cycle(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0))
    status(ticket, "resolved", sh(2026, 11, 23, 16, 0))
    first = clock_of(ticket, "resolution")
    assert first.stage == ClockStage.STOPPED and not first.breached
    assert first.business_elapsed_seconds == 5 * HOUR
    assert clock_of(ticket, "response").stage == ClockStage.STOPPED
    assert state_of_row(ticket, sh(2026, 11, 23, 17, 0)) == SlaState.MET
    status(ticket, "in_progress", sh(2026, 11, 26, 10, 0))  # reopened on Thursday
    second = clock_of(ticket, "resolution", cycle=2)
    assert second.stage == ClockStage.RUNNING
    assert second.breach_at == sh(2026, 11, 27, 10, 0)  # the full target again
    assert not SlaClock.objects.filter(kind="response", cycle=2).exists()
    assert ticket.sla_stage == "running" and ticket.sla_breach_at == second.breach_at


def test_a_breached_cycle_stays_missed_after_reopen(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0))
    status(ticket, "resolved", sh(2026, 11, 25, 10, 0))  # 16 h of business time: missed
    assert clock_of(ticket, "resolution").breached
    assert clock_of(ticket, "resolution").breached_at == sh(2026, 11, 24, 10, 0)
    status(ticket, "in_progress", sh(2026, 11, 25, 11, 0))
    assert ticket.sla_ever_breached and not ticket.sla_breached


def test_cancelling_cancels_every_open_clock(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0))
    status(ticket, "cancelled", sh(2026, 11, 23, 10, 5))
    assert set(SlaClock.objects.values_list("stage", flat=True)) == {ClockStage.CANCELLED}
    assert state_of_row(ticket, sh(2026, 11, 23, 11, 0)) == SlaState.CANCELLED


def test_national_day_and_the_adjusted_saturday_in_a_deadline(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 9, 30, 17, 0))  # 8 h from the eve of National Day
    assert clock_of(ticket, "resolution").breach_at == sh(2026, 10, 8, 17, 0)
    other = tickets.new()
    start(other, agreement, sh(2026, 10, 9, 13, 0))  # Friday 13:00; Sat 10 Oct is worked
    assert clock_of(other, "resolution").breach_at == sh(2026, 10, 10, 12, 0)


def test_a_paused_clock_over_spring_festival_is_credited_nothing_extra(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 2, 13, 10, 0), priority="P3")  # 24 h target
    status(ticket, "awaiting_customer", sh(2026, 2, 13, 12, 0))
    status(ticket, "in_progress", sh(2026, 2, 25, 9, 0))
    clock = clock_of(ticket, "resolution")
    assert clock.paused_business_seconds == (5 + 8 + 8) * HOUR  # Fri 13–18, Sat 14, Tue 24
    assert clock.breach_at == sh(2026, 2, 27, 16, 0)  # 22 h left from Wed 25 Feb 09:00


def test_dst_change_in_berlin_counts_real_hours(tickets):
    agreement = AgreementFactory(calendar=CalendarFactory(always=True, time_zone="Europe/Berlin"))
    ticket = tickets.new()
    at = datetime.datetime(2026, 3, 29, 0, 30, tzinfo=BERLIN)
    start(ticket, agreement, at, priority="P1")  # 240 min on a 24×7 calendar
    breach = clock_of(ticket, "resolution").breach_at
    assert breach - at == datetime.timedelta(hours=4)
    assert breach.astimezone(BERLIN).hour == 5


def test_priority_change_retargets_the_whole_cycle(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 10, 0), priority="P3")  # 24 h
    at = sh(2026, 11, 23, 11, 0)
    with time_machine.travel(at, tick=False):
        clocks.change_priority(ticket.ref, priority="P1", at=at, actor=None)
    resolution = clock_of(ticket, "resolution")
    assert resolution.target_seconds == 4 * HOUR and resolution.priority == "P1"
    assert resolution.breach_at == sh(2026, 11, 23, 15, 0)  # 4 h from 10:00, lunch skipped
    assert resolution.original_breach_at == sh(2026, 11, 23, 15, 0)


def test_a_fulfilment_target_replaces_the_agreements_resolution_target(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 9, 0), resolution_target_minutes=120)
    assert clock_of(ticket, "resolution").breach_at == sh(2026, 11, 23, 11, 0)
    assert clock_of(ticket, "resolution").target_source == "override"


def test_a_ticket_logged_in_a_pause_status_starts_paused(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 11, 23, 9, 0), status="awaiting_customer")
    assert {c.stage for c in SlaClock.objects.all()} == {ClockStage.PAUSED}


def test_a_deadline_in_a_year_without_data_is_unknown_under_the_refuse_policy(tickets):
    calendar = CalendarFactory(china=True, missing_data_policy="refuse")
    agreement = AgreementFactory(calendar=calendar)
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 12, 31, 17, 0))
    resolution = clock_of(ticket, "resolution")
    assert resolution.breach_at is None and resolution.missing_data_year == 2027
    assert resolution.stage == ClockStage.RUNNING
    assert clock_of(ticket, "response").breach_at == sh(2026, 12, 31, 18, 0)  # still in 2026
    assert state_of_row(ticket, sh(2026, 12, 31, 17, 30)) == SlaState.ON_TRACK
    at = sh(2026, 12, 31, 17, 10)
    with time_machine.travel(at, tick=False):
        clocks.record_first_response(ticket.ref, at=at, actor=None)
    assert state_of_row(ticket, sh(2026, 12, 31, 17, 30)) == SlaState.UNKNOWN


def test_a_deadline_on_estimated_holidays_is_flagged(tickets, agreement):
    ticket = tickets.new()
    start(ticket, agreement, sh(2026, 12, 31, 17, 0))
    resolution = clock_of(ticket, "resolution")
    assert resolution.uses_estimate
    assert resolution.breach_at == sh(2027, 1, 4, 17, 0)


def test_imports_may_back_date_but_never_into_the_future_or_out_of_order(tickets, agreement):
    ticket = tickets.new()
    now = sh(2026, 11, 24, 9, 0)
    with time_machine.travel(now, tick=False):
        with pytest.raises(ValidationError) as future:
            clocks.start_clocks(
                ticket.ref, agreement=agreement, priority="P2", at=sh(2026, 11, 25), actor=None
            )
        assert future.value.error_dict["at"][0].code == "at_in_future"
        clocks.start_clocks(
            ticket.ref, agreement=agreement, priority="P2", at=sh(2026, 9, 1, 10), actor=None
        )
        with pytest.raises(ValidationError) as early:
            clocks.track_status(ticket.ref, status="resolved", at=sh(2026, 8, 1), actor=None)
        assert early.value.error_dict["at"][0].code == "at_before_last_event"
    assert clock_of(ticket, "resolution").breached


def test_a_priority_outside_the_matrix_is_refused_and_nothing_is_stored(tickets, agreement):
    ticket = tickets.new()
    with pytest.raises(ValidationError) as caught:
        start(ticket, agreement, sh(2026, 11, 23, 9, 0), priority="P9")
    assert caught.value.error_dict["priority"][0].code == "priority_not_in_matrix"
    assert not SlaClock.objects.exists()


def test_a_ticket_without_measurement_is_ignored(tickets):
    ticket = tickets.new()
    assert clocks.track_status(ticket.ref, status="resolved", at=sh(2026, 1, 1), actor=None) is None
    assert clocks.snapshot_of(ticket.ref) is None


def test_find_agreement_prefers_the_most_specific(agreement):
    from iso20k.customers.tests.factories import CustomerFactory
    from iso20k.servicecatalogue.tests.factories import ServiceFactory

    customer, service = CustomerFactory(), ServiceFactory()
    by_service = AgreementFactory(service=service)
    by_customer = AgreementFactory(customer=customer)
    both = AgreementFactory(customer=customer, service=service)
    assert clocks.find_agreement(customer=customer, service=service) == both
    assert clocks.find_agreement(customer=customer, service=None) == by_customer
    assert clocks.find_agreement(customer=None, service=service) == by_service
    assert clocks.find_agreement(customer=None, service=None) == agreement
