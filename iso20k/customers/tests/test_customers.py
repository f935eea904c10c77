"""Customers: services (rules, history, conflicts), the customer scope of grants, access of a
customer user to their own organisation only, pages and API over every persona."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PERSONAS, make_person
from iso20k.accounts import services as accounts
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.core.errors import ConflictError
from iso20k.customers import access, services
from iso20k.customers.models import Customer
from iso20k.history.models import ChangeRecord

from .factories import CustomerContactFactory, CustomerFactory

pytestmark = pytest.mark.django_db
READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "staff",
}
MANAGERS = {"admin", "lead"}


def expected(name: str, allowed: set[str]) -> int:
    if name not in READERS:
        return 404
    return 200 if name in allowed else 403


@pytest.fixture
def acme():
    """The organisation the `customer` persona holds the customer role for."""
    return CustomerFactory(code="acme", name_en="Acme Ltd.", name_zh_hans="艾克米有限公司")


# --- services ---------------------------------------------------------------------------------


def test_creating_a_customer_records_history(lead):
    customer = services.create_customer(actor=lead, code="Dongfang", name_zh_hans="东方银行")
    assert customer.code == "dongfang"
    record = ChangeRecord.objects.get(event="customers.customer.created")
    assert record.changes["code"] == [None, "dongfang"]


@pytest.mark.parametrize(
    ("fields", "field", "code"),
    [
        ({"code": "acme", "name_en": "Other"}, "code", "duplicate_code"),
        ({"code": "no spaces", "name_en": "X"}, "code", "invalid_code"),
        ({"code": "fresh", "name_en": "", "name_zh_hans": " "}, "name_en", "name_required"),
    ],
)
def test_bad_customers_are_refused_and_nothing_changes(lead, acme, fields, field, code):
    with pytest.raises(ValidationError) as caught:
        services.create_customer(actor=lead, **fields)
    assert caught.value.error_dict[field][0].code == code
    assert Customer.objects.count() == 1


def test_a_stale_edit_is_refused(lead, acme):
    services.update_customer(acme, actor=lead, expected_version=1, notes="first")
    with pytest.raises(ConflictError):
        services.update_customer(acme, actor=lead, expected_version=1, notes="second")
    acme.refresh_from_db()
    assert acme.notes == "first"


def test_a_new_primary_contact_replaces_the_old_one(lead, acme):
    first = services.add_contact(acme, actor=lead, name="Zhou", is_primary=True)
    second = services.add_contact(acme, actor=lead, name="Sun", is_primary=True)
    first.refresh_from_db()
    assert (first.is_primary, second.is_primary) == (False, True)
    with pytest.raises(ValidationError) as caught:
        services.add_contact(acme, actor=lead, name="Li", email="not-an-address")
    assert caught.value.error_dict["email"][0].code == "invalid_email"


def test_removing_a_contact_keeps_a_note_in_the_customers_history(lead, acme):
    contact = CustomerContactFactory(customer=acme, name="Zhou")
    services.remove_contact(contact, actor=lead, expected_version=contact.version)
    record = ChangeRecord.objects.get(event="customers.customer.contact_removed")
    assert record.object_id == str(acme.pk) and record.data["name"] == "Zhou"


# --- the customer scope -----------------------------------------------------------------------


def test_administrators_grant_the_customer_role_for_one_organisation(admin, acme):
    user = make_person("zhou", None)
    grant = accounts.grant_role(
        user, actor=admin, role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref="acme"
    )
    assert grant.scope_ref == "acme"
    with pytest.raises(ValidationError) as caught:
        accounts.grant_role(
            user, actor=admin, role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref="nope"
        )
    assert caught.value.error_dict["scope_ref"][0].code == "unknown_scope"


def test_a_customer_user_sees_only_their_own_organisation(customer, acme):
    other = CustomerFactory(code="other")
    assert access.customer_ids_of(customer) == {acme.pk}
    assert list(access.visible_customers(customer)) == [acme]
    assert other not in access.customers_of(customer)
    assert access.customer_ids_of(make_person("nobody", Role.AGENT)) == set()


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_customer_pages(persona, client_for, acme, request):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    contact = CustomerContactFactory(customer=acme)
    assert client.get(reverse("customers:customer-list")).status_code == expected(name, READERS)
    assert client.get(acme.get_absolute_url()).status_code == expected(name, READERS)
    for url in [
        reverse("customers:customer-create"),
        reverse("customers:customer-edit", args=["acme"]),
        reverse("customers:contact-create", args=["acme"]),
        reverse("customers:contact-edit", args=["acme", contact.pk]),
        reverse("customers:customer-retire", args=["acme"]),
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url


def test_a_process_owner_of_service_level_management_manages_customers(client_for, catalogue):
    owner = make_person("slm", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.3.3")
    assert client_for(owner).get(reverse("customers:customer-create")).status_code == 200


def test_a_duplicate_code_through_the_page_names_the_field(client_for, lead, acme):
    response = client_for(lead).post(
        reverse("customers:customer-create"), {"code": "acme", "name_en": "Again"}
    )
    assert response.status_code == 422
    assert "already exists" in response.content.decode()


def test_a_stale_edit_through_the_page_gets_a_banner_and_keeps_the_input(client_for, lead, acme):
    services.update_customer(acme, actor=lead, expected_version=1, notes="by someone else")
    response = client_for(lead).post(
        reverse("customers:customer-edit", args=["acme"]),
        {"version": 1, "name_en": "Acme", "notes": "mine"},
    )
    assert response.status_code == 409
    body = response.content.decode()
    assert 'id="conflict"' in body and "mine" in body


@pytest.mark.parametrize("rows", [3, 30])
def test_the_customer_list_costs_the_same_queries_for_3_or_30_rows(
    rows, client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        CustomerContactFactory()
    client = client_for(agent)
    client.get(reverse("customers:customer-list"))
    with django_assert_num_queries(5):
        response = client.get(reverse("customers:customer-list"))
    assert response.status_code == 200


# --- API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status", "count"),
    [
        ("admin", 200, 2),
        ("agent", 200, 2),
        ("external_auditor", 200, 2),
        ("customer", 200, 1),
        ("outsider", 403, None),
    ],
)
def test_who_may_list_customers_through_the_api(
    api_client_for, acme, persona, status, count, request
):
    CustomerFactory(code="other")
    response = api_client_for(request.getfixturevalue(persona)).get("/api/v1/customers/")
    assert response.status_code == status
    if count is not None:
        assert response.json()["count"] == count


def test_a_customer_gets_404_for_another_organisation(api_client_for, customer, acme):
    CustomerFactory(code="other")
    assert api_client_for(customer).get("/api/v1/customers/other/").status_code == 404
    assert api_client_for(customer).get("/api/v1/customers/acme/").status_code == 200


def test_api_changes_need_if_match_and_a_manager(api_client_for, lead, agent, acme):
    url = "/api/v1/customers/acme/"
    assert (
        api_client_for(agent)
        .patch(url, {"notes": "x"}, format="json", headers={"If-Match": '"1"'})
        .status_code
        == 403
    )
    assert api_client_for(lead).patch(url, {"notes": "x"}, format="json").status_code == 428
    ok = api_client_for(lead).patch(url, {"notes": "x"}, format="json", headers={"If-Match": '"1"'})
    assert ok.status_code == 200 and ok["ETag"] == '"2"'
    stale = api_client_for(lead).patch(
        url, {"notes": "y"}, format="json", headers={"If-Match": '"1"'}
    )
    assert stale.status_code == 412
    history = api_client_for(lead).get(url + "history/").json()
    assert history[0]["event"] == "customers.customer.updated"


def test_contacts_through_the_api(api_client_for, lead, acme):
    client = api_client_for(lead)
    created = client.post(
        "/api/v1/customer-contacts/", {"customer": "acme", "name": "Zhou"}, format="json"
    )
    assert created.status_code == 201
    url = f"/api/v1/customer-contacts/{created.json()['id']}/"
    assert client.delete(url).status_code == 428
    assert client.delete(url, headers={"If-Match": '"1"'}).status_code == 204


@pytest.mark.parametrize("rows", [3, 30])
def test_the_customer_api_list_is_constant_in_queries(
    rows, api_client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        CustomerContactFactory()
    client = api_client_for(agent)
    client.get("/api/v1/customers/")
    with django_assert_num_queries(3):
        assert client.get("/api/v1/customers/").status_code == 200
