"""The pure clock evaluation: replaying events gives every stored figure, deterministically."""

import datetime
import zoneinfo

import pytest

from iso20k.calendars.engine import CalendarSpec, parse_week
from iso20k.slas.engine import Event, evaluate

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
OFFICE = CalendarSpec(time_zone="Asia/Shanghai", hours=parse_week(["09:00-17:00"] * 5 + [""] * 2))
HOUR = 3600


def sh(day, hour, minute=0):
    return datetime.datetime(2026, 11, day, hour, minute, tzinfo=SHANGHAI)


def run(*events, now, target=4 * HOUR, percent=75):
    return evaluate(
        OFFICE,
        target_seconds=target,
        warning_percent=percent,
        events=[Event(kind, at) for kind, at in events],
        now=now,
    )


def test_a_running_clock_counts_business_and_wall_time():
    outcome = run(("started", sh(23, 16)), now=sh(24, 10))
    assert outcome.business_elapsed_seconds == 2 * HOUR
    assert outcome.wall_elapsed_seconds == 18 * HOUR
    assert outcome.breach_at == sh(24, 12) and outcome.warning_at == sh(24, 11)
    assert outcome.remaining_seconds == 2 * HOUR and not outcome.breached


def test_stopping_exactly_at_the_breach_is_met_a_second_later_is_missed():
    met = run(("started", sh(23, 9)), ("stopped", sh(23, 13)), now=sh(24, 9))
    assert (met.stage, met.breached, met.breach_at) == ("stopped", False, sh(23, 13))
    late = run(("started", sh(23, 9)), ("stopped", sh(23, 13, 1)), now=sh(24, 9))
    assert late.breached and late.breached_at == sh(23, 13)


def test_a_pause_freezes_the_remaining_time_and_moves_the_breach():
    events = [("started", sh(23, 9)), ("paused", sh(23, 10))]
    paused = run(*events, now=sh(24, 15))
    assert paused.breach_at is None and paused.remaining_seconds == 3 * HOUR
    assert paused.paused_business_seconds == 7 * HOUR + 6 * HOUR
    resumed = run(*events, ("resumed", sh(25, 9)), now=sh(25, 9))
    assert resumed.breach_at == sh(25, 12)
    assert resumed.original_breach_at == sh(23, 13)


def test_a_clock_breached_before_its_pause_stays_breached():
    outcome = run(("started", sh(23, 9)), ("paused", sh(23, 14)), now=sh(24, 9))
    assert outcome.breached and outcome.breached_at == sh(23, 13)


def test_stopping_while_paused_is_judged_on_the_time_that_ran():
    outcome = run(
        ("started", sh(23, 9)), ("paused", sh(23, 10)), ("stopped", sh(27, 16)), now=sh(27, 17)
    )
    assert outcome.stage == "stopped" and not outcome.breached
    assert outcome.business_elapsed_seconds == HOUR


def test_the_same_events_always_give_the_same_result():
    events = [("started", sh(23, 9)), ("paused", sh(23, 11)), ("resumed", sh(24, 9))]
    assert run(*events, now=sh(24, 12)) == run(*events, now=sh(24, 12))


def test_events_must_start_with_started_and_targets_must_be_positive():
    with pytest.raises(ValueError):
        run(("paused", sh(23, 9)), now=sh(23, 10))
    with pytest.raises(ValueError):
        run(("started", sh(23, 9)), now=sh(23, 10), target=0)
