"""The agent's workspace: keyset pages (every row once, ties included, last page), search in
Chinese and English, queues, bulk actions version by version, saved filters shared by URL."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import make_person
from iso20k.accounts.choices import Role
from iso20k.core import search
from iso20k.incidents.models import Incident
from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.servicedesk.models import SavedFilter

pytestmark = pytest.mark.django_db
ROW = re.compile(r'<tr id="ticket-(\d+)"')
NEXT = re.compile(r'href="([^"]+)" rel="next"')
PREV = re.compile(r'href="([^"]+)" rel="prev"')
LAST = re.compile(r'<a class="page-link" href="([^"]+)">Last')


def ids(response) -> list[int]:
    return [int(pk) for pk in ROW.findall(response.content.decode())]


def link(pattern, response, path: str = "/incidents/") -> str | None:
    """The page link as a browser would follow it (the pager writes query strings)."""
    found = pattern.search(response.content.decode())
    return path + found.group(1).replace("&amp;", "&") if found else None


@pytest.fixture
def crowd(desk):
    """57 incidents on only five creation moments: most rows tie on the sort key."""
    base = timezone.now() - datetime.timedelta(days=3)
    return [
        IncidentFactory(
            created_at=base + datetime.timedelta(minutes=n % 5), assigned_group=desk["group"]
        )
        for n in range(57)
    ]


@pytest.mark.parametrize("sort", ["newest", "oldest", "priority"])
def test_paging_forward_shows_every_incident_once_in_order(agent, crowd, client_for, sort):
    client = client_for(agent)
    url = f"/incidents/?queue=all&sort={sort}"
    seen = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        seen += ids(response)
        url = link(NEXT, response)
        assert len(seen) <= 57
    ordering = {
        "newest": ["-created_at", "-id"],
        "oldest": ["created_at", "id"],
        "priority": ["priority", "created_at", "id"],
    }[sort]
    assert seen == list(Incident.objects.order_by(*ordering).values_list("pk", flat=True))


def test_the_last_page_and_paging_back_cover_every_row(agent, crowd, client_for):
    client = client_for(agent)
    first = client.get("/incidents/?queue=all")
    response = client.get(link(LAST, first))
    seen = ids(response)
    assert (
        seen
        == list(Incident.objects.order_by("-created_at", "-id").values_list("pk", flat=True))[
            -len(seen) :
        ]
    )
    while (url := link(PREV, response)) is not None:
        response = client.get(url)
        seen = ids(response) + seen
    assert sorted(seen) == sorted(i.pk for i in crowd) and len(seen) == 57


def test_a_forged_cursor_shows_the_first_page_with_a_note(agent, crowd, client_for):
    response = client_for(agent).get("/incidents/?queue=all&after=bm9wZQ")
    assert response.status_code == 200 and "no longer valid" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("宕机", {"core"}),
        ("数据库", {"core"}),
        ("PRINTER", {"printer"}),
        ("卡纸", {"printer"}),
        ("tray 2", {"printer"}),
        ("INC-", set()),
    ],
)
def test_the_queue_search_finds_chinese_and_english(agent, desk, client_for, query, expected):
    from iso20k.incidents import services

    made = {
        "core": services.open_incident(
            actor=agent, subject="核心数据库服务器宕机", category="database", impact=1, urgency=1
        ),
        "printer": services.open_incident(
            actor=agent,
            subject="Printer jams",
            description="Tray 2 卡纸",
            category="hardware",
            impact=3,
            urgency=3,
        ),
    }
    response = client_for(agent).get("/incidents/", {"queue": "all", "q": query})
    assert set(ids(response)) == {made[key].pk for key in expected}


def test_a_comment_makes_its_ticket_findable(agent, desk, client_for):
    from iso20k.incidents import services

    incident = services.open_incident(
        actor=agent, subject="Slow", category="software", impact=3, urgency=3
    )
    services.add_incident_comment(incident, actor=agent, body="怀疑是连接池泄漏", is_public=False)
    assert set(
        search.matching_ids("incidents.incident", "泄漏").values_list("object_id", flat=True)
    ) == {incident.pk}


def test_a_reference_finds_the_ticket(agent, crowd, client_for):
    target = crowd[7]
    response = client_for(agent).get("/incidents/", {"queue": "all", "q": target.reference})
    assert ids(response) == [target.pk]


def test_queues_select_mine_my_groups_unassigned_and_breaching(agent, desk, client_for):
    now = timezone.now()
    mine = IncidentFactory(assignee=agent, assigned_group=desk["group"])
    group = IncidentFactory(assigned_group=desk["group"])
    loose = IncidentFactory()
    late = IncidentFactory(
        sla_stage="running",
        sla_warning_at=now - datetime.timedelta(hours=1),
        sla_breach_at=now + datetime.timedelta(minutes=5),
    )
    IncidentFactory(resolved=True, assignee=agent, assigned_group=desk["group"])
    client = client_for(agent)
    assert ids(client.get("/incidents/?queue=mine")) == [mine.pk]
    assert set(ids(client.get("/incidents/?queue=group"))) == {mine.pk, group.pk}
    assert set(ids(client.get("/incidents/?queue=unassigned"))) == {group.pk, loose.pk, late.pk}
    assert ids(client.get("/incidents/?queue=breaching")) == [late.pk]


def test_bulk_close_changes_each_ticket_at_its_version_and_says_what_it_skipped(
    agent, desk, client_for
):
    from iso20k.incidents import services

    done = [
        services.open_incident(actor=agent, subject=f"T{n}", category="other", impact=3, urgency=3)
        for n in range(3)
    ]
    done = [
        services.resolve_incident(
            i,
            actor=agent,
            expected_version=i.version,
            resolution_code="fixed",
            resolution_notes="ok",
        )
        for i in done
    ]
    stale = done[2]
    services.reopen_incident(stale, actor=agent, expected_version=stale.version, reason="again")
    response = client_for(agent).post(
        reverse("servicedesk:bulk", args=["incidents"]),
        {
            "action": "close",
            "tickets": [f"{t.pk}:{t.version}" for t in done],
            "next": "/incidents/?queue=all",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "2 tickets closed." in body and f"{stale.reference} was not changed" in body
    assert sorted(Incident.objects.values_list("status", flat=True)) == [
        "closed",
        "closed",
        "in_progress",
    ]


def test_bulk_assign_needs_a_group(agent, desk, client_for):
    incident = IncidentFactory()
    response = client_for(agent).post(
        reverse("servicedesk:bulk", args=["incidents"]),
        {
            "action": "assign",
            "tickets": [f"{incident.pk}:{incident.version}"],
        },
        follow=True,
    )
    assert "Choose the group" in response.content.decode()
    assert Incident.objects.get().assigned_group is None


def test_saved_filters_are_private_unless_shared(agent, desk, client_for):
    client = client_for(agent)
    response = client.post(
        reverse("servicedesk:filter-save", args=["incidents"]),
        {"name": "My P1s", "query": "queue=all&priority=P1&after=xyz", "is_shared": ""},
    )
    saved = SavedFilter.objects.get()
    assert response.status_code == 303 and saved.query == "priority=P1&queue=all"
    colleague = make_person("colleague", Role.AGENT)
    assert "My P1s" in client.get("/incidents/").content.decode()
    assert "My P1s" not in client_for(colleague).get("/incidents/").content.decode()
    saved.is_shared = True
    saved.save()
    assert "My P1s" in client_for(colleague).get("/incidents/").content.decode()
    assert (
        client_for(colleague)
        .post(reverse("servicedesk:filter-delete", args=[saved.pk]))
        .status_code
        == 403
    )


@pytest.fixture
def printers(desk):
    """12 incidents about printers a minute apart, indexed as the services index them; every
    third one (0, 3, 6, 9) is still open."""
    base = timezone.now() - datetime.timedelta(days=2)
    made = []
    for n in range(12):
        incident = IncidentFactory(
            created_at=base + datetime.timedelta(minutes=n),
            subject=f"Printer {n} jams",
            resolved=n % 3 != 0,
            assigned_group=desk["group"],
        )
        search.index("incidents.incident", incident.pk, incident.subject)
        made.append(incident)
    return made


def _every_page(client, url: str) -> tuple[list[int], list[str]]:
    seen, totals = [], []
    while url:
        response = client.get(url)
        seen += ids(response)
        totals.append(re.search(r'id="total">([^<]+)<', response.content.decode()).group(1))
        url = link(NEXT, response)
    return seen, totals


@pytest.mark.parametrize(("query", "expected"), [("", range(12)), ("&status=open", (0, 3, 6, 9))])
def test_a_search_read_through_its_window_misses_nothing(
    agent, printers, client_for, monkeypatch, query, expected
):
    """The newest-first window (4 entries here, pages of 3) serves what it can and the whole
    search runs when it cannot fill a page: every match appears once, newest first."""
    from django.db import connection

    from iso20k.servicedesk.workspace import queues

    monkeypatch.setattr(queues, "SEARCH_WINDOW", 4)
    monkeypatch.setattr(queues, "PAGE_SIZE", 3)
    client = client_for(agent)
    url = f"/incidents/?queue=all&q=printer{query}"
    seen, totals = _every_page(client, url)
    assert seen == [printers[n].pk for n in reversed(expected)]
    hint = "Counted among the newest 4 matches" in client.get(url).content.decode()
    if query or connection.vendor != "sqlite":
        assert totals[0].startswith(f"{len(expected)} ")  # the whole search was counted
        assert not hint
    else:
        # Four matches were read of more that exist: the first page says "at least 4" and why.
        assert totals[0].startswith("4+ ")
        assert hint
