"""The organisation and scope API: If-Match, workflow actions, errors in the caller's language."""

import pytest

from iso20k.organisations import services

from .factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory()


def test_reading_the_organisation_returns_an_etag(api_client_for, agent, organisation):
    response = api_client_for(agent).get("/api/v1/organisation/")
    assert response.status_code == 200
    assert response["ETag"] == '"1"'
    assert response.json()["name_zh_hans"] == "示例服务有限公司"


def test_a_change_without_if_match_gets_428_and_changes_nothing(api_client_for, lead, organisation):
    response = api_client_for(lead).patch("/api/v1/organisation/", {"phone": "123"}, format="json")
    assert response.status_code == 428
    organisation.refresh_from_db()
    assert organisation.phone == ""


def test_a_stale_if_match_gets_412(api_client_for, lead, organisation):
    client = api_client_for(lead)
    ok = client.patch(
        "/api/v1/organisation/", {"phone": "1"}, format="json", headers={"If-Match": '"1"'}
    )
    assert ok.status_code == 200 and ok["ETag"] == '"2"'
    stale = client.patch(
        "/api/v1/organisation/", {"phone": "2"}, format="json", headers={"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    assert stale.json()["current_version"] == 2


def test_bad_input_names_the_field_and_the_reason(api_client_for, lead, organisation):
    response = api_client_for(lead).patch(
        "/api/v1/organisation/",
        {"name_en": "", "name_zh_hans": ""},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert response.status_code == 400
    assert response.json()["name_en"][0]["code"] == "name_required"


def test_errors_come_in_the_callers_language(api_client_for, lead, organisation):
    response = api_client_for(lead).patch(
        "/api/v1/organisation/",
        {"name_en": "", "name_zh_hans": ""},
        format="json",
        headers={"If-Match": '"1"', "Accept-Language": "zh-hans"},
    )
    assert response.json()["name_en"][0]["message"] != "Give a name in at least one language."


def test_the_scope_workflow_through_the_api(api_client_for, lead, manager, organisation):
    site = SiteFactory(organisation=organisation)
    lead_api, top_api = api_client_for(lead), api_client_for(manager)
    draft = lead_api.post("/api/v1/scope-statements/").json()
    url = f"/api/v1/scope-statements/{draft['number']}/"
    draft = lead_api.patch(
        url,
        {"statement_en": "Hosting", "sites": [site.pk]},
        format="json",
        headers={"If-Match": '"1"'},
    ).json()
    submitted = lead_api.post(url + "submit/", headers={"If-Match": f'"{draft["version"]}"'})
    assert submitted.status_code == 200
    version = submitted.json()["version"]
    assert lead_api.post(url + "approve/", headers={"If-Match": f'"{version}"'}).status_code == 403
    approved = top_api.post(
        url + "approve/", {"note": "ok"}, format="json", headers={"If-Match": f'"{version}"'}
    )
    assert approved.json()["status"] == "approved"
    history = top_api.get(url + "history/").json()
    assert [r["event"] for r in history][:2] == [
        "organisations.scopestatement.approved",
        "organisations.scopestatement.submitted",
    ]


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("admin", 200),
        ("manager", 200),
        ("lead", 200),
        ("agent", 200),
        ("external_auditor", 200),
        ("staff", 200),
        ("customer", 403),
        ("outsider", 403),
    ],
)
def test_who_may_read_scope_statements(
    api_client_for, organisation, lead, persona, status, request
):
    services.start_scope_draft(organisation, actor=lead)
    user = request.getfixturevalue(persona)
    assert api_client_for(user).get("/api/v1/scope-statements/").status_code == status


def test_anonymous_callers_are_refused(api_client_for, organisation):
    assert api_client_for(None).get("/api/v1/organisation/").status_code in (401, 403)
