"""Every remaining list, page or API, costs the same number of queries for 3 or 30 rows."""

import datetime
import zoneinfo

import pytest
import time_machine

from iso20k.calendars import services as calendar_services
from iso20k.calendars.choices import ScheduleDayKind
from iso20k.customers.tests.factories import CustomerContactFactory, CustomerFactory
from iso20k.servicecatalogue.tests.factories import RequestItemFactory, ServiceFactory
from iso20k.slas import clocks

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def schedules(admin, rows):
    for year in range(2030, 2030 + rows):
        day = calendar_services.ScheduleDay(
            datetime.date(year, 1, 1), ScheduleDayKind.HOLIDAY, "New Year"
        )
        calendar_services.enter_public_schedule(actor=admin, region="CN", year=year, days=[day])


def request_items(rows):
    for _ in range(rows):
        RequestItemFactory()


def live_services(rows):
    acme = CustomerFactory(code="acme")
    for _ in range(rows):
        RequestItemFactory().service.customers.add(acme)


def contacts(rows):
    for _ in range(rows):
        CustomerContactFactory()


def sla_clocks(rows, tickets, agent):
    agreement = AgreementFactory()
    at = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(at, tick=False):
        for _ in range(rows):
            clocks.start_clocks(
                tickets.new().ref, agreement=agreement, priority="P2", at=at, actor=agent
            )


CASES = {
    "/api/v1/request-items/": ("agent", lambda rows, **kw: request_items(rows), 2),
    "/api/v1/live-catalogue/": ("customer", lambda rows, **kw: live_services(rows), 3),
    "/api/v1/holiday-schedules/": ("agent", lambda rows, admin, **kw: schedules(admin, rows), 3),
    "/calendars/schedules/": ("agent", lambda rows, admin, **kw: schedules(admin, rows), 6),
    "/api/v1/sla-clocks/": (
        "agent",
        lambda rows, tickets, agent, **kw: sla_clocks(rows, tickets, agent),
        2,
    ),
    "/api/v1/agreements/": (
        "agent",
        lambda rows, **kw: [
            AgreementFactory(customer=CustomerFactory(), service=ServiceFactory())
            for _ in range(rows)
        ],
        3,
    ),
    "/api/v1/customers/": ("agent", lambda rows, **kw: contacts(rows), 3),
}


@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize("url", sorted(CASES))
def test_lists_are_constant_in_queries(
    url, rows, request, client_for, api_client_for, admin, agent, tickets, django_assert_num_queries
):
    persona, arrange, queries = CASES[url]
    arrange(rows, admin=admin, tickets=tickets, agent=agent)
    user = request.getfixturevalue(persona)
    client = api_client_for(user) if url.startswith("/api/") else client_for(user)
    assert client.get(url).status_code == 200
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
