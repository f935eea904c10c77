"""Permission matrix of the account pages: every persona, expected status per page."""

import pytest
from django.urls import reverse

from conftest import PERSONAS

pytestmark = pytest.mark.django_db

ADMIN_ONLY = {p: 404 for p in PERSONAS} | {"admin": 200}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
@pytest.mark.parametrize(
    ("url_name", "expected"),
    [
        ("accounts:user-list", ADMIN_ONLY),
        ("accounts:user-create", ADMIN_ONLY),
        ("accounts:preferences", {p: 200 for p in PERSONAS}),
        ("accounts:password-change", {p: 200 for p in PERSONAS}),
    ],
)
def test_account_pages(persona, client_for, url_name, expected, request):
    name = request.node.callspec.params["persona"]
    assert client_for(persona).get(reverse(url_name)).status_code == expected[name]


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_only_administrators_see_other_users(persona, client_for, request):
    from .factories import UserFactory

    other = UserFactory(username="someone-else")
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    assert client.get(reverse("accounts:user-detail", args=[other.pk])).status_code == (
        200 if name == "admin" else 404
    )
    assert client.get(reverse("accounts:user-detail", args=[persona.pk])).status_code == 200
    assert client.get(reverse("accounts:user-edit", args=[other.pk])).status_code == (
        200 if name == "admin" else 404
    )


def test_grants_of_others_answer_404_to_non_administrators(client_for, agent, staff):
    grant = staff.grants.get()
    assert (
        client_for(agent).get(reverse("accounts:grant-detail", args=[grant.pk])).status_code == 404
    )
    assert (
        client_for(staff).get(reverse("accounts:grant-detail", args=[grant.pk])).status_code == 200
    )
    assert (
        client_for(staff).get(reverse("accounts:grant-revoke", args=[grant.pk])).status_code == 403
    )


def test_the_user_list_costs_the_same_queries_for_3_or_30_users(
    client_for, admin, django_assert_num_queries
):
    from iso20k.accounts.tests.factories import GrantFactory, UserFactory

    client = client_for(admin)

    def make(n):
        for i in range(n):
            GrantFactory(user=UserFactory(username=f"u{n}-{i}"), role="staff")

    make(3)
    client.get(reverse("accounts:user-list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:user-list"))
    make(27)
    with django_assert_num_queries(len(small.captured_queries)):
        client.get(reverse("accounts:user-list"))
