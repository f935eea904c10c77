"""The accounts API: own profile, users and grants for administrators, tokens."""

import pytest

from conftest import PERSONAS
from iso20k.accounts.models import Grant

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_administrators_list_users(persona, api_client_for, request):
    name = request.node.callspec.params["persona"]
    assert api_client_for(persona).get("/api/v1/users/").status_code == (
        200 if name == "admin" else 403
    )
    assert api_client_for(persona).get("/api/v1/me/").status_code == 200


def test_everyone_sees_only_their_own_grants(api_client_for, staff, agent):
    body = api_client_for(staff).get("/api/v1/grants/").json()
    assert [g["user"] for g in body["results"]] == [staff.pk]
    other = agent.grants.get()
    assert api_client_for(staff).get(f"/api/v1/grants/{other.pk}/").status_code == 404


def test_granting_through_the_api_follows_the_same_rules(api_client_for, admin, staff):
    api = api_client_for(admin)
    bad = api.post("/api/v1/grants/", {"user": staff.pk, "role": "external_auditor"}, format="json")
    assert bad.status_code == 400
    assert bad.json()["valid_until"][0]["code"] == "external_auditor_unlimited"
    unknown = api.post("/api/v1/grants/", {"user": staff.pk, "role": "pope"}, format="json")
    assert unknown.status_code == 400 and "role" in unknown.json()
    ok = api.post("/api/v1/grants/", {"user": staff.pk, "role": "agent"}, format="json")
    assert ok.status_code == 201 and ok["ETag"] == '"1"'
    grant_id = ok.json()["id"]
    assert api.post(f"/api/v1/grants/{grant_id}/revoke/", {}, format="json").status_code == 428
    assert (
        api.post(
            f"/api/v1/grants/{grant_id}/revoke/", {}, format="json", headers={"If-Match": '"9"'}
        ).status_code
        == 412
    )
    revoked = api.post(
        f"/api/v1/grants/{grant_id}/revoke/",
        {"reason": "test"},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert revoked.status_code == 200 and revoked.json()["is_active"] is False
    history = api.get(f"/api/v1/grants/{grant_id}/history/").json()
    assert [r["event"] for r in history] == ["accounts.grant.revoked", "accounts.grant.granted"]


def test_non_administrators_cannot_grant(api_client_for, lead, staff):
    response = api_client_for(lead).post(
        "/api/v1/grants/", {"user": staff.pk, "role": "agent"}, format="json"
    )
    assert response.status_code == 403
    assert not Grant.objects.filter(user=staff, role="agent").exists()


def test_changing_own_preferences_needs_if_match(api_client_for, staff):
    api = api_client_for(staff)
    assert (
        api.patch(
            "/api/v1/me/", {"language": "zh-hans", "time_zone": "UTC"}, format="json"
        ).status_code
        == 428
    )
    response = api.patch(
        "/api/v1/me/",
        {"language": "zh-hans", "time_zone": "UTC"},
        format="json",
        headers={"If-Match": f'"{staff.version}"'},
    )
    assert response.status_code == 200 and response.json()["language"] == "zh-hans"
    bad = api.patch(
        "/api/v1/me/",
        {"language": "xx", "time_zone": "UTC"},
        format="json",
        headers={"If-Match": response["ETag"]},
    )
    assert bad.status_code == 400 and "language" in bad.json()


def test_a_token_from_basic_auth_then_calls_the_api(client, db):
    import base64

    from rest_framework.test import APIClient

    from iso20k.accounts.tests.factories import PASSWORD, UserFactory

    UserFactory(username="scripter")
    api = APIClient()
    credentials = base64.b64encode(f"scripter:{PASSWORD}".encode()).decode()
    token = api.post("/api/v1/auth/token/", headers={"Authorization": f"Basic {credentials}"})
    assert token.status_code == 200
    api = APIClient(headers={"Authorization": f"Token {token.json()['token']}"})
    assert api.get("/api/v1/me/").json()["username"] == "scripter"
    assert api.post("/api/v1/auth/token/logout/").status_code == 204
    assert api.get("/api/v1/me/").status_code in (401, 403)


def test_the_schema_and_docs_are_served_without_outside_assets(client_for, staff):
    client = client_for(staff)
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"/api/v1/clauses/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger" in docs.lower()
    assert "http://" not in docs.replace("http://www.w3.org", "") and "https://" not in docs
