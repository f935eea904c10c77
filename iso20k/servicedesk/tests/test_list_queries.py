"""Every list of the service desk, page or API, costs the same number of queries for 3 rows
as for 30: rows carry their relations, SLA states come from stored columns and one query
for the page's calendars, counts are bounded."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.problems.tests.factories import KnownErrorFactory, ProblemFactory
from iso20k.servicedesk.models import TicketMonthStat
from iso20k.servicedesk.tests.factories import SupportGroupFactory
from iso20k.servicerequests.tests.factories import FulfilmentTaskFactory, ServiceRequestFactory

pytestmark = pytest.mark.django_db


def incidents(rows, desk, acme, agent, **kw):
    due = timezone.now() + datetime.timedelta(hours=2)
    calendar = desk["agreement"].calendar_id
    for n in range(rows):
        incident = IncidentFactory(
            customer=acme,
            service=desk["service"],
            assigned_group=desk["group"],
            assignee=agent,
            sla_stage="running",
            sla_breach_at=due,
            sla_calendar_id=calendar,
            status="resolved" if n % 2 else "in_progress",
        )
        incident.related_incidents.add(*[])


def requests(rows, desk, acme, agent, **kw):
    for _ in range(rows):
        FulfilmentTaskFactory(
            request=ServiceRequestFactory(
                customer=acme,
                assigned_group=desk["group"],
                assignee=agent,
                item__service=desk["service"],
            )
        )


def problems(rows, desk, **kw):
    for _ in range(rows):
        problem = ProblemFactory(service=desk["service"])
        IncidentFactory(problem=problem)


def known_errors(rows, desk, **kw):
    for _ in range(rows):
        KnownErrorFactory(service=desk["service"])


def groups(rows, agent, **kw):
    for _ in range(rows):
        SupportGroupFactory(members=[agent])


def stats(rows, desk, **kw):
    from iso20k.servicecatalogue.tests.factories import ServiceFactory

    month = timezone.localdate().replace(day=1)
    for _ in range(rows):
        TicketMonthStat.objects.create(
            kind="incidents.incident",
            month=month,
            service=ServiceFactory(),
            opened=3,
            resolved=2,
            resolution_met=1,
            resolution_missed=1,
            rated=1,
            rating_total=4,
        )


CASES = {
    "/incidents/?queue=all": ("agent", incidents),
    "/incidents/?queue=all&sort=priority&status=open": ("agent", incidents),
    "/incidents/?queue=mine": ("agent", incidents),
    "/requests/?queue=all": ("agent", requests),
    "/desk/": ("agent", incidents),
    "/desk/groups/": ("agent", groups),
    "/desk/reports/overdue/": ("agent", incidents),
    "/desk/reports/achievement/": ("lead", stats),
    "/desk/reports/satisfaction/": ("lead", stats),
    "/problems/": ("agent", problems),
    "/problems/known-errors/": ("agent", known_errors),
    "/problems/trends/?threshold=2": ("agent", incidents),
    "/portal/": ("customer", incidents),
    "/portal/tickets/incidents/?state=all": ("customer", incidents),
    "/portal/tickets/requests/?state=all": ("customer", requests),
    "/api/v1/incidents/": ("agent", incidents),
    "/api/v1/incidents/?status=open&q=Incident": ("agent", incidents),
    "/api/v1/service-requests/": ("agent", requests),
    "/api/v1/problems/": ("agent", problems),
    "/api/v1/known-errors/": ("agent", known_errors),
    "/api/v1/support-groups/": ("agent", groups),
    "/api/v1/ticket-month-stats/": ("agent", stats),
}


def queries_for(client, url) -> int:
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", sorted(CASES))
def test_lists_cost_the_same_queries_for_3_and_30_rows(
    url, request, desk, acme, agent, client_for, api_client_for
):
    persona, arrange = CASES[url]
    user = request.getfixturevalue(persona)
    client = api_client_for(user) if url.startswith("/api/") else client_for(user)
    arrange(3, desk=desk, acme=acme, agent=agent)
    few = queries_for(client, url)
    arrange(27, desk=desk, acme=acme, agent=agent)
    many = queries_for(client, url)
    assert few == many, f"{url}: {few} queries for 3 rows, {many} for 30"
