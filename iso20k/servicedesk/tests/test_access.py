"""The permission matrix of every service desk page and API list, over all personas: readers
of a process see it (404 for everyone else), workers act (403 for readers), customers use
the portal only and see their own organisation's tickets."""

import pytest

from conftest import PERSONAS
from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.problems.tests.factories import KnownErrorFactory, ProblemFactory
from iso20k.servicedesk.tests.factories import SupportGroupFactory
from iso20k.servicerequests.tests.factories import ServiceRequestFactory

pytestmark = pytest.mark.django_db
INTERNAL_READERS = {"admin", "manager", "lead", "agent", "internal_auditor", "external_auditor"}
DESK = INTERNAL_READERS | {"process_owner"}  # the persona owns process 8.6.1
WORKERS = {"admin", "agent"}
# url template -> (who gets 200, who gets 403); everyone else gets 404
MATRIX = {
    "/desk/": (DESK, set()),
    "/desk/groups/": (DESK, set()),
    "/desk/groups/{group}/": (DESK, set()),
    "/desk/groups/new/": (
        {"admin", "lead", "process_owner"},
        DESK - {"admin", "lead", "process_owner"},
    ),
    "/desk/reports/achievement/": (DESK, set()),
    "/desk/reports/overdue/": (DESK, set()),
    "/desk/reports/satisfaction/?format=csv": (DESK, set()),
    "/requests/": (INTERNAL_READERS, set()),
    "/requests/{request}/": (INTERNAL_READERS, set()),
    "/requests/new/": (WORKERS, INTERNAL_READERS - WORKERS),
    "/requests/{request}/fulfil/": (WORKERS, INTERNAL_READERS - WORKERS),
    "/problems/": (INTERNAL_READERS, set()),
    "/problems/{problem}/": (INTERNAL_READERS, set()),
    "/problems/new/": (WORKERS, INTERNAL_READERS - WORKERS),
    "/problems/{problem}/close/": (WORKERS, INTERNAL_READERS - WORKERS),
    "/problems/trends/": (INTERNAL_READERS, set()),
    "/problems/known-errors/": (DESK, set()),
    "/problems/known-errors/{known_error}/": (DESK, set()),
    "/problems/known-errors/search/?q=cache": (DESK, set()),
    "/portal/": ({"customer"}, set()),
    "/portal/catalogue/": ({"customer"}, set()),
    "/portal/tickets/incidents/{incident}/": ({"customer"}, set()),
    "/api/v1/incidents/": (DESK | {"customer"}, set()),
    "/api/v1/incidents/{incident}/": (DESK | {"customer"}, set()),
    "/api/v1/incidents/{incident}/history/": (DESK, set()),  # internal notes are in it
    "/api/v1/service-requests/": (INTERNAL_READERS | {"customer"}, set()),
    "/api/v1/problems/": (INTERNAL_READERS, set()),
    "/api/v1/known-errors/": (DESK, set()),
    "/api/v1/support-groups/": (DESK, set()),
    "/api/v1/ticket-month-stats/": (DESK, set()),
}
NAMES = {"owner": "process_owner", "auditor": "internal_auditor", "cbauditor": "external_auditor"}


# A customer opening an internal page of their own organisation's ticket.
CUSTOMER = {"/requests/{request}/": 302, "/requests/{request}/fulfil/": 403}


def expected(persona, url: str) -> int:
    name = NAMES.get(persona.username, persona.username)
    allowed, forbidden = MATRIX[url]
    if name in allowed:
        return 200
    if name in forbidden:
        return 403
    if name == "customer" and url in CUSTOMER:
        return CUSTOMER[url]
    if url.startswith("/api/"):
        return 403  # the API's permission class refuses users without access to the resource
    return 404


@pytest.fixture
def objects(desk, acme):
    return {
        "group": desk["group"].code,
        "incident": IncidentFactory(customer=acme).pk,
        "request": ServiceRequestFactory(customer=acme).pk,
        "problem": ProblemFactory().pk,
        "known_error": KnownErrorFactory().pk,
        "other_group": SupportGroupFactory().code,
    }


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize("url", list(MATRIX))
def test_permission_matrix(persona, url, objects, client_for, api_client_for):
    client = api_client_for(persona) if url.startswith("/api/") else client_for(persona)
    response = client.get(url.format(**objects))
    assert response.status_code == expected(persona, url), response.content[:300]


def test_a_customer_never_sees_another_organisations_ticket(
    customer, acme, client_for, api_client_for
):
    from iso20k.customers.tests.factories import CustomerFactory

    theirs = IncidentFactory(customer=CustomerFactory(code="other"))
    assert client_for(customer).get(f"/portal/tickets/incidents/{theirs.pk}/").status_code == 404
    assert api_client_for(customer).get(f"/api/v1/incidents/{theirs.pk}/").status_code == 404
    ours = IncidentFactory(customer=acme)
    listed = api_client_for(customer).get("/api/v1/incidents/").json()["results"]
    assert [row["id"] for row in listed] == [ours.pk]


def test_customers_land_in_the_portal_and_staff_on_the_journey(customer, acme, agent, client_for):
    assert client_for(customer).get("/")["Location"] == "/portal/"
    assert client_for(agent).get("/").status_code == 200
