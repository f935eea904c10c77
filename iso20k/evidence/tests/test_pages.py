"""Readiness pages: who sees them, the drill-down to records, constant query counts."""

import pytest

from conftest import PERSONAS
from iso20k.evidence import services

pytestmark = pytest.mark.django_db

INTERNAL = {"admin", "manager", "lead", "process_owner", "agent", "internal_auditor", "staff"}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_readiness_pages(persona, client_for, catalogue, request):
    name = request.node.callspec.params["persona"]
    services.evaluate()
    client = client_for(persona)
    expected = 200 if name in INTERNAL else 404
    for url in ["/readiness/", "/readiness/clauses/4.3/", "/readiness/checks/sms.scope-approved/"]:
        assert client.get(url).status_code == expected, url


def test_a_failing_check_leads_to_its_records(client_for, lead, catalogue):
    from iso20k.organisations import services as org
    from iso20k.organisations.tests.factories import OrganisationFactory

    draft = org.start_scope_draft(OrganisationFactory(), actor=lead)
    services.evaluate()
    client = client_for(lead)
    dashboard = client.get("/readiness/").content.decode()
    assert 'id="failing"' in dashboard and "/readiness/checks/sms.scope-approved/" in dashboard
    detail = client.get("/readiness/checks/sms.scope-approved/").content.decode()
    assert "No version of the SMS scope has been approved yet." in detail
    assert f'href="{draft.get_absolute_url()}"' in detail


def test_text_is_rendered_in_the_readers_language(client_for, lead, catalogue):
    services.evaluate()
    page = (
        client_for(lead)
        .get("/readiness/checks/sms.scope-approved/", headers={"accept-language": "zh-hans"})
        .content.decode()
    )
    assert "No version of the SMS scope" not in page


def test_the_dashboard_costs_a_fixed_number_of_queries(
    client_for, lead, catalogue, django_assert_max_num_queries
):
    services.evaluate()
    services.evaluate()
    client = client_for(lead)
    client.get("/readiness/")
    with django_assert_max_num_queries(15):
        client.get("/readiness/")
