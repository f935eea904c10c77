"""Business-time arithmetic: nights, weekends, lunch breaks, China's holidays and adjusted
working days, organisation holidays, DST, missing data; plus seeded property checks."""

import datetime
import random
import zoneinfo

import pytest

from iso20k.calendars.choices import DataSource, DayKind, MissingDataPolicy
from iso20k.calendars.engine import (
    CalendarSpec,
    HoursError,
    MissingCalendarData,
    NoWorkingTime,
    RegionYear,
    add_business,
    business_seconds,
    parse_day,
    parse_week,
    uses_estimate,
)
from iso20k.calendars.engine.arithmetic import next_working_moment

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
OFFICE = parse_week(["09:00-12:00, 13:00-18:00"] * 5 + ["", ""])
ALWAYS = parse_week(["00:00-24:00"] * 7)
HOUR = 3600


def sh(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=SHANGHAI)


def china(**kwargs) -> CalendarSpec:
    return CalendarSpec(time_zone="Asia/Shanghai", hours=OFFICE, region="CN", **kwargs)


# --- working hours ----------------------------------------------------------------------------


def test_several_intervals_a_day_are_parsed_sorted_and_touching_ones_merged():
    assert parse_day("13:00-18:00, 09:00-12:00") == ((540, 720), (780, 1080))
    assert parse_day("09:00-12:00，12:00-18:00") == ((540, 1080),)
    assert parse_day("00:00-24:00") == ((0, 1440),)
    assert parse_day("") == ()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("09:00-12:00, 11:00-13:00", "overlapping_hours"),
        ("18:00-09:00", "inverted_hours"),
        ("09:00-09:00", "inverted_hours"),
        ("9 to 5", "invalid_hours_format"),
        ("09:00-25:00", "hours_out_of_range"),
        ("09:75-10:00", "hours_out_of_range"),
    ],
)
def test_bad_hours_are_refused_with_a_code(text, code):
    with pytest.raises(HoursError) as caught:
        parse_day(text)
    assert caught.value.code == code


def test_a_bad_day_in_a_week_names_the_weekday():
    with pytest.raises(HoursError) as caught:
        parse_week(["09:00-17:00"] * 3 + ["17:00-09:00"] + [""] * 3)
    assert caught.value.params["weekday"] == 3


# --- nights, weekends, lunch ------------------------------------------------------------------


def test_business_time_skips_the_night_and_the_lunch_break():
    spec = CalendarSpec(time_zone="Asia/Shanghai", hours=OFFICE)
    start = sh(2026, 11, 23, 17, 0)  # Monday 17:00
    assert add_business(spec, start, 2 * HOUR) == sh(2026, 11, 24, 10, 0)
    assert add_business(spec, sh(2026, 11, 24, 11, 0), 2 * HOUR) == sh(2026, 11, 24, 14, 0)
    assert business_seconds(spec, sh(2026, 11, 23, 8, 0), sh(2026, 11, 23, 20, 0)) == 8 * HOUR


def test_friday_evening_to_monday_counts_like_servicenow_example():
    spec = CalendarSpec(time_zone="Asia/Shanghai", hours=parse_week(["08:00-17:00"] * 5 + [""] * 2))
    opened, now = sh(2026, 11, 20, 21, 0), sh(2026, 11, 23, 9, 30)  # Fri 21:00 → Mon 09:30
    assert business_seconds(spec, opened, now) == 90 * 60
    assert (now - opened) == datetime.timedelta(hours=60, minutes=30)


def test_an_amount_ending_exactly_at_the_end_of_an_interval_returns_that_end():
    spec = CalendarSpec(time_zone="Asia/Shanghai", hours=OFFICE)
    assert add_business(spec, sh(2026, 11, 23, 9, 0), 3 * HOUR) == sh(2026, 11, 23, 12, 0)
    assert next_working_moment(spec, sh(2026, 11, 23, 12, 0)) == sh(2026, 11, 23, 13, 0)


# --- China: holidays and adjusted working days ------------------------------------------------


def test_national_day_2026_is_skipped_and_saturday_10_october_is_worked():
    spec = china()
    assert spec.day(datetime.date(2026, 10, 1)).kind == DayKind.PUBLIC_HOLIDAY
    assert spec.day(datetime.date(2026, 10, 10)).kind == DayKind.ADJUSTED_WORKDAY
    # Wed 30 Sep 17:00 + 3 h: one hour that evening, then Thu 8 Oct 09:00–11:00.
    assert add_business(spec, sh(2026, 9, 30, 17, 0), 3 * HOUR) == sh(2026, 10, 8, 11, 0)
    # Fri 9 Oct 17:00 + 2 h: Saturday 10 Oct is a working day in China that year.
    assert add_business(spec, sh(2026, 10, 9, 17, 0), 2 * HOUR) == sh(2026, 10, 10, 10, 0)


def test_spring_festival_2026_and_its_adjusted_saturdays():
    spec = china()
    assert spec.day(datetime.date(2026, 2, 14)).kind == DayKind.ADJUSTED_WORKDAY
    assert spec.day(datetime.date(2026, 2, 28)).kind == DayKind.ADJUSTED_WORKDAY
    assert spec.day(datetime.date(2026, 2, 17)).names == ("Spring Festival", "春节")
    # Sat 14 Feb is worked; 15–23 Feb is the holiday; Tue 24 Feb work resumes.
    assert add_business(spec, sh(2026, 2, 13, 17, 0), 2 * HOUR) == sh(2026, 2, 14, 10, 0)
    assert add_business(spec, sh(2026, 2, 14, 17, 0), 2 * HOUR) == sh(2026, 2, 24, 10, 0)
    days = spec.days(datetime.date(2026, 2, 14), datetime.date(2026, 2, 28))
    worked = [d.date.day for d in days if d.intervals]
    assert worked == [14, 24, 25, 26, 27, 28]
    assert spec.day(datetime.date(2026, 2, 28)).working_seconds == 8 * HOUR


def test_adjusted_working_days_keep_the_hours_of_the_chosen_weekday():
    hours = parse_week(["09:00-18:00"] + ["09:00-12:00"] * 4 + ["", ""])
    spec = CalendarSpec(
        time_zone="Asia/Shanghai", hours=hours, region="CN", adjusted_hours_weekday=1
    )
    assert spec.day(datetime.date(2026, 10, 10)).working_seconds == 3 * HOUR


def test_an_organisation_holiday_closes_even_an_adjusted_working_day():
    spec = china(organisation_holidays={datetime.date(2026, 10, 10): ("Away day", "团建")})
    assert spec.day(datetime.date(2026, 10, 10)).kind == DayKind.ORGANISATION_HOLIDAY
    assert add_business(spec, sh(2026, 10, 9, 17, 0), 2 * HOUR) == sh(2026, 10, 12, 10, 0)


# --- years without official data --------------------------------------------------------------


def test_2027_is_only_estimated_and_deadlines_there_are_flagged():
    spec = china()
    assert spec.region_year(2026).source == DataSource.LIBRARY
    assert spec.region_year(2027).source == DataSource.ESTIMATE
    assert spec.region_year(2027).workdays == {}
    assert spec.day(datetime.date(2027, 1, 1)).kind == DayKind.PUBLIC_HOLIDAY
    start = sh(2026, 12, 31, 17, 0)
    due = add_business(spec, start, 3 * HOUR)
    assert due == sh(2027, 1, 4, 11, 0)
    assert uses_estimate(spec, start, due)
    assert not uses_estimate(spec, sh(2026, 12, 1, 9, 0), sh(2026, 12, 31, 18, 0))


def test_the_refuse_policy_never_guesses_a_year_without_official_data():
    spec = china(policy=MissingDataPolicy.REFUSE)
    assert spec.day(datetime.date(2027, 1, 4)).kind == DayKind.UNKNOWN
    with pytest.raises(MissingCalendarData) as caught:
        add_business(spec, sh(2026, 12, 31, 17, 0), 3 * HOUR)
    assert caught.value.year == 2027
    assert business_seconds(spec, sh(2026, 12, 31, 9, 0), sh(2026, 12, 31, 23, 0)) == 8 * HOUR
    with pytest.raises(MissingCalendarData):
        business_seconds(spec, sh(2026, 12, 31, 9, 0), sh(2027, 1, 4, 12, 0))


def test_an_entered_schedule_replaces_the_estimate():
    entered = RegionYear(
        region="CN",
        year=2027,
        source=DataSource.ENTERED,
        holidays={datetime.date(2027, 1, 1): ("New Year's Day", "元旦")},
        workdays={datetime.date(2027, 1, 2): ("New Year (worked)", "元旦调休")},
    )
    spec = china(policy=MissingDataPolicy.REFUSE, entered={2027: entered})
    assert spec.day(datetime.date(2027, 1, 2)).kind == DayKind.ADJUSTED_WORKDAY
    assert add_business(spec, sh(2026, 12, 31, 17, 0), 3 * HOUR) == sh(2027, 1, 2, 11, 0)
    assert not uses_estimate(spec, sh(2026, 12, 31, 17, 0), sh(2027, 1, 2, 11, 0))


def test_other_countries_come_from_the_holidays_library():
    spec = CalendarSpec(time_zone="Europe/Berlin", hours=OFFICE, region="DE", subdivision="BE")
    assert spec.day(datetime.date(2026, 12, 25)).kind == DayKind.PUBLIC_HOLIDAY
    assert spec.day(datetime.date(2026, 3, 8)).kind == DayKind.PUBLIC_HOLIDAY  # Berlin only
    assert spec.region_year(2026).source == DataSource.LIBRARY


def test_a_calendar_without_working_time_gives_up():
    spec = CalendarSpec(time_zone="UTC", hours=((),) * 7)
    with pytest.raises(NoWorkingTime):
        add_business(spec, datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), 60)


# --- daylight saving time ---------------------------------------------------------------------


def test_dst_days_have_their_real_length():
    spec = CalendarSpec(time_zone="Europe/Berlin", hours=ALWAYS)
    assert spec.day(datetime.date(2026, 3, 29)).working_seconds == 23 * HOUR
    assert spec.day(datetime.date(2026, 10, 25)).working_seconds == 25 * HOUR
    start = datetime.datetime(2026, 3, 28, 22, 0, tzinfo=BERLIN)
    due = add_business(spec, start, 4 * HOUR)
    assert due.astimezone(BERLIN).hour == 3 and due - start == datetime.timedelta(hours=4)


def test_office_hours_across_the_spring_change_stay_at_nine_local():
    spec = CalendarSpec(time_zone="Europe/Berlin", hours=OFFICE)
    friday = datetime.datetime(2026, 3, 27, 17, 0, tzinfo=BERLIN)
    due = add_business(spec, friday, 2 * HOUR).astimezone(BERLIN)
    assert (due.date(), due.hour) == (datetime.date(2026, 3, 30), 10)
    assert due.utcoffset() == datetime.timedelta(hours=2)


def test_an_interval_through_the_skipped_hour_counts_real_time():
    spec = CalendarSpec(time_zone="Europe/Berlin", hours=parse_week(["01:00-04:00"] * 7))
    assert spec.day(datetime.date(2026, 3, 29)).working_seconds == 2 * HOUR
    assert spec.day(datetime.date(2026, 10, 25)).working_seconds == 4 * HOUR


# --- properties (seeded, so failures reproduce) -----------------------------------------------


SPECS = {
    "china": china(),
    "berlin": CalendarSpec(time_zone="Europe/Berlin", hours=OFFICE, region="DE"),
    "always": CalendarSpec(time_zone="Europe/Berlin", hours=ALWAYS),
    "split": CalendarSpec(
        time_zone="America/New_York",
        hours=parse_week(["08:00-10:00, 10:30-12:00, 22:00-24:00"] * 6 + [""]),
        region="US",
    ),
}


def _moment(rng: random.Random) -> datetime.datetime:
    base = datetime.datetime(2025, 12, 1, tzinfo=datetime.UTC)
    return base + datetime.timedelta(seconds=rng.randrange(0, 360 * 86400))


@pytest.mark.parametrize("name", sorted(SPECS))
def test_add_and_count_are_inverse_and_additive(name):
    spec, rng = SPECS[name], random.Random(f"seed-{name}")
    for _case in range(150):
        start = _moment(rng)
        a, b = rng.randrange(1, 40 * HOUR), rng.randrange(1, 40 * HOUR)
        first = add_business(spec, start, a)
        assert first > start
        assert business_seconds(spec, start, first) == a
        assert add_business(spec, first, b) == add_business(spec, start, a + b)
        middle = start + (first - start) / 2
        total = business_seconds(spec, start, first)
        assert business_seconds(spec, start, middle) + business_seconds(spec, middle, first) in {
            total,
            total - 1,
        }


@pytest.mark.parametrize("name", sorted(SPECS))
def test_long_spans_counted_from_running_totals_match_a_day_by_day_walk(name):
    from iso20k.calendars.engine.arithmetic import _walk

    spec, rng = SPECS[name], random.Random(f"span-{name}")
    for _case in range(60):
        start = _moment(rng)
        end = start + datetime.timedelta(seconds=rng.randrange(8 * 86400, 300 * 86400))
        walked = _walk(spec, start, end, spec.local_date(start), spec.local_date(end))
        assert business_seconds(spec, start, end) == walked
