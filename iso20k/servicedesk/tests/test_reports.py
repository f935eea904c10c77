"""Lapse reports: the monthly figures kept by the services equal a rebuild from the records;
achievement, overdue, reopens and satisfaction read them; exports neutralise formulas."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from openpyxl import load_workbook

from iso20k.incidents import services
from iso20k.servicedesk.kinds import get
from iso20k.servicedesk.models import TicketMonthStat
from iso20k.servicedesk.services import summary

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def history_of_tickets(agent, customer, acme, desk):
    """A met, a missed (with a reopen) and a rated incident over two months."""
    figures = []
    with time_machine.travel(T0, tick=False) as clock:
        for subject, hours in (("=cmd|' /C calc'!A0", 1), ("Late one", 30), ("Rated", 2)):
            incident = services.open_incident(
                actor=agent,
                subject=subject,
                category="other",
                impact=2,
                urgency=2,
                service=desk["service"],
                requester=customer,
                assigned_group=desk["group"],
            )
            clock.shift(datetime.timedelta(hours=hours))
            incident = services.resolve_incident(
                incident,
                actor=agent,
                expected_version=incident.version,
                resolution_code="fixed",
                resolution_notes="ok",
            )
            figures.append(incident)
        clock.move_to(T0 + datetime.timedelta(days=31))
        late = figures[1]
        late = services.reopen_incident(
            late, actor=customer, expected_version=late.version, reason="again"
        )
        services.resolve_incident(
            late,
            actor=agent,
            expected_version=late.version,
            resolution_code="fixed",
            resolution_notes="ok",
        )
        services.rate_incident(figures[2], actor=customer, rating=4)
    return figures


def snapshot():
    return sorted(
        (
            s.month,
            s.service_id,
            s.opened,
            s.resolved,
            s.reopened,
            s.response_met,
            s.response_missed,
            s.resolution_met,
            s.resolution_missed,
            s.rated,
            s.rating_total,
        )
        for s in TicketMonthStat.objects.all()
    )


def test_the_kept_figures_equal_a_rebuild_from_the_records(history_of_tickets):
    kept = snapshot()
    assert kept[0][2:] == (3, 3, 0, 2, 1, 2, 1, 0, 0)  # March: 3 opened, one late
    assert kept[1][2:] == (0, 1, 1, 0, 0, 1, 0, 1, 4)  # April: the reopen, the rating
    call_command("rebuild_desk_summary")
    assert snapshot() == kept
    assert summary.rebuild(get("incidents.incident")) == 2


def test_the_achievement_report_and_its_exports(history_of_tickets, lead, client_for):
    with time_machine.travel(T0 + datetime.timedelta(days=40), tick=False):
        client = client_for(lead)
        page = client.get("/desk/reports/achievement/?months=3")
        assert "66.7%" in page.content.decode()  # March: 2 of 3 resolutions in time
        csv = client.get("/desk/reports/achievement/?months=3&format=csv")
        xlsx = client.get("/desk/reports/achievement/?months=3&format=xlsx")
    assert csv["Content-Type"].startswith("text/csv") and "2027-03" in csv.content.decode()
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    march = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "2027-03"]
    assert march and march[0][2:5] == (2, 1, 66.7)


def test_exports_neutralise_formulas(history_of_tickets, agent, client_for):
    from iso20k.incidents.models import Incident

    incident = history_of_tickets[0]
    with time_machine.travel(T0 + datetime.timedelta(days=40), tick=False):
        services.reopen_incident(
            incident, actor=agent, expected_version=incident.version, reason="again"
        )
    with time_machine.travel(T0 + datetime.timedelta(days=43), tick=False):
        body = client_for(agent).get("/desk/reports/overdue/?format=csv").content.decode()
    assert Incident.objects.get(pk=incident.pk).sla_stage == "running"
    assert "'=cmd|' /C calc'!A0" in body


def test_reopen_rate_and_satisfaction_pages(history_of_tickets, lead, client_for):
    with time_machine.travel(T0 + datetime.timedelta(days=40), tick=False):
        client = client_for(lead)
        reopens = client.get("/desk/reports/reopens/?months=3").content.decode()
        happy = client.get("/desk/reports/satisfaction/?months=3").content.decode()
    assert "100.0%" in reopens  # April: one resolution, one reopen
    assert ">4.0<" in happy or ">4<" in happy


def _month_stats(count: int, month: datetime.date) -> list:
    """`count` services; service i met i of 10 resolution targets this month."""
    from iso20k.servicecatalogue.tests.factories import ServiceFactory

    made = []
    for index in range(count):
        service = ServiceFactory(code=f"svc-{index:02d}", name_en=f"Service {index:02d}")
        TicketMonthStat.objects.create(
            kind="incidents.incident",
            month=month,
            service=service,
            resolved=10,
            resolution_met=index % 11,
            resolution_missed=10 - index % 11,
        )
        made.append(service)
    return made


def test_achievement_pages_services_lowest_first_and_exports_them_all(lead, client_for):
    from iso20k.servicedesk.reporting.lapses import SERVICES_SHOWN

    month = datetime.date(2027, 3, 1)
    _month_stats(SERVICES_SHOWN + 5, month)
    with time_machine.travel(T0 + datetime.timedelta(days=5), tick=False):
        client = client_for(lead)

        def table(query: str) -> str:  # the grid only, not the service filter's options
            page = client.get(f"/desk/reports/achievement/?months=3{query}").content.decode()
            return page.split('id="achievement-table"', 1)[1]

        first, second, by_name = table(""), table("&page=2"), table("&order=name")
        csv = client.get("/desk/reports/achievement/?months=3&format=csv").content.decode()
    # Lowest first: service 00 (0 %), 11 and 22 (0 % too: index % 11 == 0) lead the list.
    assert first.index("Service 00") < first.index("Service 11") < first.index("Service 01")
    assert f"Services 1–{SERVICES_SHOWN} of {SERVICES_SHOWN + 5}" in first
    assert "Service 10<" not in first  # 100 %: on the second page
    assert f"Services {SERVICES_SHOWN + 1}–{SERVICES_SHOWN + 5} of" in second
    assert "Service 10<" in second and 'rel="prev"' in second and 'rel="next"' not in second
    assert by_name.index("Service 00") < by_name.index("Service 01") < by_name.index("Service 02")
    assert all(f"Service {index:02d}" in csv for index in range(SERVICES_SHOWN + 5))


def test_a_page_number_past_the_end_or_not_a_number_shows_a_real_page(lead, client_for):
    _month_stats(3, datetime.date(2027, 3, 1))
    with time_machine.travel(T0 + datetime.timedelta(days=5), tick=False):
        client = client_for(lead)
        pages = [
            client.get(f"/desk/reports/achievement/?months=3&page={number}")
            for number in ("9", "0", "abc")
        ]
    for page in pages:  # past the end, or not a page number: the one page there is
        assert page.status_code == 200
        assert "Services 1–3 of 3" in page.content.decode()


def test_a_ticket_that_ends_stops_its_clock_so_it_is_never_overdue(
    history_of_tickets, agent, client_for
):
    """The overdue report and the dashboard read 'running' as 'open': no ended ticket keeps
    a running clock, whether resolved, closed or cancelled."""
    from iso20k.incidents.models import Incident

    with time_machine.travel(T0 + datetime.timedelta(days=35), tick=False):
        rated = Incident.objects.get(pk=history_of_tickets[2].pk)
        closed = services.close_incident(rated, actor=agent, expected_version=rated.version)
        cancelled = services.open_incident(
            actor=agent, subject="Duplicate", category="other", impact=2, urgency=2
        )
        cancelled = services.cancel_incident(
            cancelled, actor=agent, expected_version=cancelled.version, reason="duplicate"
        )
    assert closed.status == "closed" and cancelled.status == "cancelled"
    ended = Incident.objects.filter(is_open=False)
    assert ended.count() == 4
    assert not ended.filter(sla_stage="running").exists()
    with time_machine.travel(T0 + datetime.timedelta(days=60), tick=False):
        page = client_for(agent).get("/desk/reports/overdue/").content.decode()
    assert not any(t.reference in page for t in ended)
