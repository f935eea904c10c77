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
