"""Calendars: bad hours refused in the user's language, holidays, entered official schedules,
what the pages say about 2026 and 2027 today (2026-11-24), permissions, query counts, API."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from conftest import PERSONAS, make_person
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.calendars import coverage, listeners, services
from iso20k.calendars.choices import DataSource, ScheduleDayKind
from iso20k.calendars.loading import spec_for
from iso20k.calendars.models import BusinessCalendar, PublicHolidayYear
from iso20k.calendars.querysets import region_warnings
from iso20k.core.errors import ConflictError

from .factories import CalendarFactory, CalendarHolidayFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=datetime.UTC)
READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "staff",
}
MANAGERS = {"admin", "lead"}
OFFICE = ["09:00-12:00, 13:00-18:00"] * 5 + ["", ""]


def expected(name: str, allowed: set[str]) -> int:
    if name not in READERS:
        return 404
    return 200 if name in allowed else 403


def day(text: str, kind=ScheduleDayKind.HOLIDAY, name="New Year") -> services.ScheduleDay:
    return services.ScheduleDay(datetime.date.fromisoformat(text), kind, name)


@pytest.fixture
def cn_office():
    return CalendarFactory(code="cn-office", china=True)


@pytest.fixture(autouse=True)
def today():
    with time_machine.travel(TODAY, tick=False):
        yield


# --- services ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "field", "code"),
    [
        (["09:00-12:00, 11:00-18:00"] + [""] * 6, "hours_0", "overlapping_hours"),
        ([""] * 2 + ["18:00-09:00"] + [""] * 4, "hours_2", "inverted_hours"),
        (["9 to 5"] + [""] * 6, "hours_0", "invalid_hours_format"),
        ([""] * 7, "hours_0", "no_working_hours"),
    ],
)
def test_bad_hours_are_refused_and_nothing_changes(lead, cn_office, hours, field, code):
    with pytest.raises(ValidationError) as caught:
        services.set_working_hours(cn_office, actor=lead, expected_version=1, days=hours)
    assert caught.value.error_dict[field][0].code == code
    cn_office.refresh_from_db()
    assert cn_office.version == 1


def test_an_hours_error_names_the_weekday_in_the_users_language(lead, cn_office):
    with translation.override("zh-hans"), pytest.raises(ValidationError) as caught:
        services.set_working_hours(
            cn_office, actor=lead, expected_version=1, days=[""] * 2 + ["18:00-09:00"] + [""] * 4
        )
    with translation.override("zh-hans"):
        message = caught.value.error_dict["hours_2"][0].messages[0]
    assert "星期三" in message and "18:00-09:00" in message


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone", "unknown_time_zone"),
        ({"holiday_region": "XX"}, "holiday_region", "unknown_region"),
        (
            {"holiday_region": "DE", "holiday_subdivision": "ZZ"},
            "holiday_subdivision",
            "unknown_subdivision",
        ),
    ],
)
def test_bad_calendar_settings_are_refused(lead, cn_office, fields, field, code):
    with pytest.raises(ValidationError) as caught:
        services.update_calendar(cn_office, actor=lead, expected_version=1, **fields)
    assert caught.value.error_dict[field][0].code == code


def test_a_duplicate_calendar_code_is_refused(lead, cn_office):
    with pytest.raises(ValidationError) as caught:
        services.create_calendar(
            actor=lead, code="cn-office", name_en="Again", time_zone="UTC", hours=OFFICE
        )
    assert caught.value.error_dict["code"][0].code == "duplicate_code"
    assert BusinessCalendar.objects.count() == 1


def test_an_organisation_holiday_tells_the_listeners_after_commit(
    lead, cn_office, django_capture_on_commit_callbacks, monkeypatch
):
    told = []
    monkeypatch.setattr(listeners, "_on_change", [told.append])
    with django_capture_on_commit_callbacks(execute=True):
        services.add_holiday(
            cn_office,
            actor=lead,
            expected_version=1,
            date=datetime.date(2026, 12, 24),
            name_en="Away day",
        )
    assert told == [[cn_office.pk]]
    assert spec_for(cn_office).day(datetime.date(2026, 12, 24)).kind == "organisation_holiday"
    with pytest.raises(ConflictError):
        services.remove_holiday(
            cn_office, actor=lead, expected_version=1, date=datetime.date(2026, 12, 24)
        )


@pytest.mark.parametrize(
    ("days", "field", "code"),
    [
        (
            [day("2027-01-01"), day("2027-01-04", ScheduleDayKind.WORKDAY)],
            "workdays",
            "workday_not_weekend",
        ),
        ([day("2026-12-31")], "holidays", "date_outside_year"),
        ([day("2027-01-01"), day("2027-01-01")], "holidays", "duplicate_date"),
        (
            [day("2027-01-02"), day("2027-01-02", ScheduleDayKind.WORKDAY)],
            "workdays",
            "date_in_both",
        ),
        ([day("2027-01-02", ScheduleDayKind.WORKDAY)], "holidays", "holidays_required"),
    ],
)
def test_bad_official_schedules_are_refused(admin, days, field, code):
    with pytest.raises(ValidationError) as caught:
        services.enter_public_schedule(actor=admin, region="CN", year=2027, days=days)
    assert caught.value.error_dict[field][0].code == code
    assert not PublicHolidayYear.objects.exists()


def test_an_entered_schedule_is_corrected_only_from_its_version(admin):
    schedule = services.enter_public_schedule(
        actor=admin, region="CN", year=2027, days=[day("2027-01-01")]
    )
    with pytest.raises(ValidationError) as caught:
        services.enter_public_schedule(
            actor=admin, region="CN", year=2027, days=[day("2027-01-01")]
        )
    assert caught.value.error_dict["year"][0].code == "schedule_exists"
    services.enter_public_schedule(
        actor=admin,
        region="CN",
        year=2027,
        days=[day("2027-01-01"), day("2027-01-02")],
        expected_version=schedule.version,
    )
    assert PublicHolidayYear.objects.get().days.count() == 2


# --- what the calendar says about 2026 and 2027 -----------------------------------------------


def test_today_2026_is_official_and_2027_is_only_an_estimate_with_a_warning(cn_office):
    spec = spec_for(cn_office)
    years = {c.year: c for c in coverage.years_around(spec, TODAY.date())}
    assert years[2026].source == DataSource.LIBRARY and years[2026].library.startswith(
        "chinesecalendar"
    )
    assert years[2027].source == DataSource.ESTIMATE and years[2027].workday_count == 0
    [warning] = coverage.warnings(spec, TODAY.date())
    assert (warning.year, warning.warning, warning.days_until_start) == (
        2027,
        "next_year_unofficial",
        38,
    )
    assert coverage.china_library_range() == {
        "library": "chinesecalendar 1.11.0",
        "first": 2004,
        "last": 2026,
    }


def test_no_warning_once_the_2027_schedule_is_entered(admin, cn_office):
    services.enter_public_schedule(actor=admin, region="CN", year=2027, days=[day("2027-01-01")])
    assert coverage.warnings(spec_for(cn_office), TODAY.date()) == []
    assert region_warnings({"CN"}, TODAY.date()) == {}


def test_in_2027_without_data_the_warning_becomes_urgent(cn_office):
    warnings = coverage.warnings(spec_for(cn_office), datetime.date(2027, 1, 5))
    assert [(w.year, w.level) for w in warnings] == [(2027, "danger")]
    assert region_warnings({"CN", "DE"}, datetime.date(2027, 1, 5))["CN"][0]["level"] == "danger"


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_calendar_pages(persona, client_for, cn_office, admin, request):
    name = request.node.callspec.params["persona"]
    CalendarHolidayFactory(calendar=cn_office, date=datetime.date(2026, 12, 24))
    schedule = services.enter_public_schedule(
        actor=admin, region="CN", year=2028, days=[day("2028-01-01")]
    )
    client = client_for(persona)
    for url in [
        reverse("calendars:calendar-list"),
        cn_office.get_absolute_url(),
        reverse("calendars:schedule-list"),
        schedule.get_absolute_url(),
    ]:
        assert client.get(url).status_code == expected(name, READERS), url
    for url in [
        reverse("calendars:calendar-create"),
        reverse("calendars:calendar-edit", args=["cn-office"]),
        reverse("calendars:calendar-hours", args=["cn-office"]),
        reverse("calendars:holiday-add", args=["cn-office"]),
        reverse("calendars:holiday-remove", args=["cn-office", "2026-12-24"]),
        reverse("calendars:schedule-create"),
        reverse("calendars:schedule-edit", args=["CN", 2028]),
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url


def test_the_owner_of_service_level_management_manages_calendars(client_for, catalogue):
    owner = make_person("slm", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.3.3")
    assert client_for(owner).get(reverse("calendars:calendar-create")).status_code == 200


def test_the_calendar_page_states_the_data_sources_truthfully(client_for, agent, cn_office):
    page = client_for(agent).get(cn_office.get_absolute_url()).content.decode()
    assert 'id="data-warning-2027"' in page
    assert "2027 starts in 38 days" in page and "chinesecalendar 1.11.0" in page
    assert "2004–2026" in page
    year_2027 = client_for(agent).get(cn_office.get_absolute_url() + "?year=2027").content
    assert "Estimate only" in year_2027.decode()


def test_the_year_view_shows_holidays_and_adjusted_working_days(client_for, agent, cn_office):
    page = client_for(agent).get(cn_office.get_absolute_url() + "?year=2026").content.decode()
    assert 'class="day-adjusted_workday" title="2026-10-10' in page
    assert "day-public_holiday" in page and "National Day" in page


def test_overlapping_hours_through_the_page_change_nothing(client_for, lead, cn_office):
    data = {"version": 1, "hours_0": "09:00-12:00, 11:00-13:00"}
    response = client_for(lead).post(reverse("calendars:calendar-hours", args=["cn-office"]), data)
    assert response.status_code == 422
    assert "overlap" in response.content.decode()
    cn_office.refresh_from_db()
    assert cn_office.version == 1


def test_an_announced_schedule_is_entered_through_the_page(client_for, lead):
    data = {
        "region": "CN",
        "year": "2027",
        "note": "国办发明电〔2026〕",
        "holidays": "2027-01-01 元旦 / New Year's Day\n"
        "2027-02-05..2027-02-11 春节 / Spring Festival",
        "workdays": "2027-02-14 春节调休",
    }
    response = client_for(lead).post(reverse("calendars:schedule-create"), data)
    assert response.status_code == 303
    schedule = PublicHolidayYear.objects.get()
    assert schedule.days.filter(kind=ScheduleDayKind.HOLIDAY).count() == 8
    assert schedule.days.get(kind=ScheduleDayKind.WORKDAY).name_zh_hans == "春节调休"


def test_an_unreadable_schedule_line_is_named(client_for, lead):
    data = {"region": "CN", "year": "2027", "holidays": "2027-01-01 ok\nFebruary 5th"}
    response = client_for(lead).post(reverse("calendars:schedule-create"), data)
    assert response.status_code == 422 and "Line 2" in response.content.decode()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_calendar_list_costs_the_same_queries_for_3_or_30_rows(
    rows, client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        CalendarHolidayFactory(calendar=CalendarFactory(china=True), date=datetime.date(2026, 5, 5))
    client = client_for(agent)
    client.get(reverse("calendars:calendar-list"))
    with django_assert_num_queries(7):
        assert client.get(reverse("calendars:calendar-list")).status_code == 200


# --- API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"), [("admin", 200), ("agent", 200), ("customer", 403), ("outsider", 403)]
)
def test_who_reads_calendars_through_the_api(api_client_for, cn_office, persona, status, request):
    client = api_client_for(request.getfixturevalue(persona))
    assert client.get("/api/v1/calendars/").status_code == status


def test_calendars_through_the_api(api_client_for, lead, cn_office):
    client = api_client_for(lead)
    year = client.get("/api/v1/calendars/cn-office/year/?year=2026").json()
    assert year["coverage"]["source"] == "library"
    october_10 = next(d for d in year["days"] if d["date"] == "2026-10-10")
    assert october_10["kind"] == "adjusted_workday" and october_10["hours"] == 8
    bad = client.post(
        "/api/v1/calendars/cn-office/hours/",
        {"hours": ["18:00-09:00"] + [""] * 6},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert bad.status_code == 400 and bad.json()["hours_0"][0]["code"] == "inverted_hours"
    added = client.post(
        "/api/v1/calendars/cn-office/add-holiday/",
        {"date": "2026-12-24", "name_en": "Away day"},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert added.status_code == 200 and added["ETag"] == '"2"'
    schedule = client.post(
        "/api/v1/holiday-schedules/",
        {"region": "CN", "year": 2027, "days": [{"date": "2027-01-01", "kind": "holiday"}]},
        format="json",
    )
    assert schedule.status_code == 201
    url = schedule.json()["url"]
    assert client.delete(url).status_code == 428
    assert client.delete(url, headers={"If-Match": '"1"'}).status_code == 204


@pytest.mark.parametrize("rows", [3, 30])
def test_the_calendar_api_list_is_constant_in_queries(
    rows, api_client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        CalendarHolidayFactory(calendar=CalendarFactory(), date=datetime.date(2026, 5, 5))
    client = api_client_for(agent)
    client.get("/api/v1/calendars/")
    with django_assert_num_queries(3):
        assert client.get("/api/v1/calendars/").status_code == 200


def test_administrators_are_told_once_that_2027_is_missing(cn_office, admin):
    from iso20k.calendars.tasks import warn_missing_holiday_data
    from iso20k.notifications.models import OutgoingEmail

    assert warn_missing_holiday_data.call() == 1
    assert warn_missing_holiday_data.call() == 0
    email = OutgoingEmail.objects.get()
    assert (email.template, email.context["year"], email.recipient) == (
        "holiday_data_missing",
        2027,
        admin,
    )


def test_the_home_page_points_at_the_missing_holidays(client_for, lead, cn_office):
    from iso20k.slas.tests.factories import AgreementFactory

    AgreementFactory(calendar=cn_office)
    page = client_for(lead).get("/").content.decode()
    assert "The official CN holidays of 2027 are missing." in page
