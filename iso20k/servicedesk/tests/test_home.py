"""The home page's operate stage reports the service desk, and the menu lists its pages."""

import datetime

import pytest
from django.utils import timezone

from iso20k.incidents.tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def test_the_journey_card_counts_open_and_overdue_tickets(agent, desk, client_for):
    IncidentFactory()
    IncidentFactory(sla_stage="running", sla_breach_at=timezone.now() - datetime.timedelta(hours=1))
    IncidentFactory(resolved=True)
    page = client_for(agent).get("/").content.decode()
    assert "Service desk (8.6)" in page
    assert "2 open tickets, 1 past their deadline" in page


def test_the_menu_lists_the_service_desk_pages_the_user_may_open(agent, process_owner, client_for):
    menu = client_for(agent).get("/").content.decode()
    for path in [
        "/desk/",
        "/incidents/",
        "/requests/",
        "/problems/",
        "/problems/known-errors/",
        "/desk/reports/achievement/",
        "/desk/groups/",
    ]:
        assert f'href="{path}"' in menu
    owner_menu = client_for(process_owner).get("/").content.decode()
    assert 'href="/incidents/"' in owner_menu and 'href="/requests/"' not in owner_menu
