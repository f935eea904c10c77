"""The service catalogue: field definitions, services and request items, the live catalogue a
customer sees, pages with the field editor, and the API over every persona."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PERSONAS, make_person
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.customers.tests.factories import CustomerFactory
from iso20k.history.models import ChangeRecord
from iso20k.servicecatalogue import fieldschema, querysets, services
from iso20k.servicecatalogue.models import RequestItem, Service

from .factories import VM_FIELDS, RequestItemFactory, ServiceFactory

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


# --- field definitions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ([{"name": "a", "type": "text", "label_en": "A"}] * 2, "duplicate_field_name"),
        ([{"name": "size", "type": "choice", "label_en": "Size"}], "choices_required"),
        (
            [
                {
                    "name": "size",
                    "type": "choice",
                    "label_en": "Size",
                    "choices": [{"value": "s"}, {"value": "s"}],
                }
            ],
            "duplicate_choice",
        ),
        ([{"name": "Size!", "type": "text", "label_en": "Size"}], "invalid_field_name"),
        ([{"name": "size", "type": "colour", "label_en": "Size"}], "unknown_field_type"),
        ([{"name": "size", "type": "text"}], "field_label_required"),
        (
            [{"name": "n", "type": "text", "label_en": "N", "choices": [{"value": "x"}]}],
            "choices_not_allowed",
        ),
        ("not a list", "invalid_fields"),
        (
            [{"name": f"f{i}", "type": "text", "label_en": "F"} for i in range(31)],
            "too_many_fields",
        ),
    ],
)
def test_malformed_field_definitions_are_refused_with_a_code(fields, code):
    with pytest.raises(ValidationError) as caught:
        fieldschema.check_definitions(fields)
    assert caught.value.error_dict["fields"][0].code == code


def test_answers_are_checked_against_the_definitions():
    definitions = fieldschema.check_definitions(VM_FIELDS)
    assert fieldschema.clean_answers(definitions, {"size": "small"}) == {
        "size": "small",
        "purpose": "",
    }
    with pytest.raises(ValidationError) as caught:
        fieldschema.clean_answers(definitions, {"size": "huge"})
    assert "size" in caught.value.error_dict


# --- services ---------------------------------------------------------------------------------


def test_a_duplicate_service_code_is_refused_whatever_its_case(lead):
    ServiceFactory(code="CLOUD-HOST")
    with pytest.raises(ValidationError) as caught:
        services.create_service(actor=lead, code="cloud-host", owner=lead, name_en="Hosting")
    assert caught.value.error_dict["code"][0].code == "duplicate_code"
    assert Service.objects.count() == 1


def test_a_service_goes_live_and_retires_with_history(lead):
    service = services.create_service(actor=lead, code="db", owner=lead, name_en="Database")
    assert service.code == "DB" and service.status == "pipeline"
    service = services.change_service_status(
        service, actor=lead, expected_version=service.version, status="live"
    )
    assert service.went_live_on is not None
    with pytest.raises(ValidationError) as caught:
        services.change_service_status(
            service, actor=lead, expected_version=service.version, status="pipeline"
        )
    assert caught.value.error_dict["status"][0].code == "invalid_transition"
    events = list(ChangeRecord.objects.values_list("event", flat=True))
    assert "servicecatalogue.service.status_changed" in events


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"fulfilment_target_minutes": 0}, "fulfilment_target_minutes", "target_not_positive"),
        ({"fulfilment_target_minutes": -5}, "fulfilment_target_minutes", "target_not_positive"),
        (
            {"fields": [{"name": "x", "type": "choice", "label_en": "X"}]},
            "fields",
            "choices_required",
        ),
    ],
)
def test_bad_request_items_are_refused_and_nothing_changes(lead, changes, field, code):
    item = RequestItemFactory()
    with pytest.raises(ValidationError) as caught:
        services.update_request_item(item, actor=lead, expected_version=item.version, **changes)
    assert caught.value.error_dict[field][0].code == code
    item.refresh_from_db()
    assert item.version == 1 and item.fulfilment_target_minutes == 480


def test_the_live_catalogue_of_a_customer():
    acme, other = CustomerFactory(code="acme"), CustomerFactory(code="other")
    mine = ServiceFactory(code="MINE")
    mine.customers.add(acme)
    everyone = ServiceFactory(code="ALL", all_customers=True)
    ServiceFactory(code="THEIRS").customers.add(other)
    ServiceFactory(code="PLANNED", pipeline=True, all_customers=True)
    ServiceFactory(code="OLD", retired=True).customers.add(acme)
    RequestItemFactory(service=mine, code="offered")
    RequestItemFactory(service=mine, code="withdrawn", is_active=False)
    live = list(querysets.live_for_customer(acme).order_by("code"))
    assert live == [everyone, mine]
    assert [i.code for i in live[1].offered] == ["offered"]
    codes = set(querysets.live_request_items_for_customer(acme).values_list("code", flat=True))
    assert codes == {"offered"}


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_catalogue_pages(persona, client_for, request):
    name = request.node.callspec.params["persona"]
    item = RequestItemFactory(service=ServiceFactory(code="HOST"), code="new-vm")
    client = client_for(persona)
    assert client.get(reverse("servicecatalogue:service-list")).status_code == expected(
        name, READERS
    )
    assert client.get("/services/HOST/").status_code == expected(name, READERS)
    assert client.get(item.get_absolute_url()).status_code == expected(name, READERS)
    for url in [
        reverse("servicecatalogue:service-create"),
        "/services/HOST/edit/",
        "/services/HOST/retire/",
        "/services/HOST/items/new/",
        "/services/HOST/items/new-vm/edit/",
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url


def test_the_owner_of_the_catalogue_process_manages_it(client_for, catalogue):
    owner = make_person("scm", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.2.4")
    assert client_for(owner).get(reverse("servicecatalogue:service-create")).status_code == 200


def _item_post(**rows) -> dict:
    data = {
        "code": "vpn",
        "name_en": "VPN access",
        "fulfilment_target_minutes": "480",
        "is_active": "on",
        "fields-TOTAL_FORMS": str(len(rows)),
        "fields-INITIAL_FORMS": "0",
        "fields-MIN_NUM_FORMS": "0",
        "fields-MAX_NUM_FORMS": "30",
    }
    for index, row in enumerate(rows.values()):
        data.update({f"fields-{index}-{k}": v for k, v in row.items()})
    return data


def test_the_field_editor_adds_a_row_without_saving(client_for, lead):
    ServiceFactory(code="DESK")
    response = client_for(lead).post(
        "/services/DESK/items/new/", {**_item_post(), "add_field": "1"}
    )
    assert response.status_code == 200
    assert 'id="field-row-1"' in response.content.decode()
    assert not RequestItem.objects.exists()


def test_a_request_item_with_its_fields_is_saved_through_the_page(client_for, lead):
    ServiceFactory(code="DESK")
    data = _item_post(
        a={
            "name": "account",
            "type": "text",
            "label_en": "User name",
            "required": "on",
            "ORDER": "2",
        },
        b={
            "name": "until",
            "type": "choice",
            "label_zh_hans": "期限",
            "choices": "week | One week | 一周\nmonth | One month | 一个月",
            "ORDER": "1",
        },
    )
    response = client_for(lead).post("/services/DESK/items/new/", data)
    assert response.status_code == 303
    item = RequestItem.objects.get(code="vpn")
    assert [f["name"] for f in item.fields] == ["until", "account"]
    assert item.fields[0]["choices"][1] == {
        "value": "month",
        "label_en": "One month",
        "label_zh_hans": "一个月",
    }


def test_a_choice_field_without_choices_is_refused_in_the_users_language(client_for, lead):
    ServiceFactory(code="DESK")
    data = _item_post(a={"name": "size", "type": "choice", "label_en": "Size"})
    response = client_for(lead).post(
        "/services/DESK/items/new/", data, headers={"Accept-Language": "zh-hans"}
    )
    assert response.status_code == 422
    assert "至少" in response.content.decode()
    assert not RequestItem.objects.exists()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_service_list_costs_the_same_queries_for_3_or_30_rows(
    rows, client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        RequestItemFactory().service.customers.add(CustomerFactory())
    client = client_for(agent)
    client.get(reverse("servicecatalogue:service-list"))
    with django_assert_num_queries(5):
        assert client.get(reverse("servicecatalogue:service-list")).status_code == 200


# --- API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "services_status", "live_count"),
    [("admin", 200, 2), ("agent", 200, 2), ("customer", 403, 1), ("outsider", 403, None)],
)
def test_who_reads_the_catalogue_and_the_live_catalogue(
    api_client_for, persona, services_status, live_count, request
):
    acme = CustomerFactory(code="acme")
    ServiceFactory(code="MINE").customers.add(acme)
    ServiceFactory(code="THEIRS").customers.add(CustomerFactory(code="other"))
    client = api_client_for(request.getfixturevalue(persona))
    assert client.get("/api/v1/services/").status_code == services_status
    live = client.get("/api/v1/live-catalogue/")
    if live_count is None:
        assert live.status_code == 403
    else:
        assert live.json()["count"] == live_count


def test_services_and_items_through_the_api(api_client_for, lead, agent):
    client = api_client_for(lead)
    created = client.post(
        "/api/v1/services/",
        {"code": "HOST", "name_en": "Hosting", "owner": lead.username},
        format="json",
    )
    assert created.status_code == 201
    duplicate = client.post(
        "/api/v1/services/", {"code": "host", "name_en": "Again", "owner": "lead"}, format="json"
    )
    assert duplicate.json()["code"][0]["code"] == "duplicate_code"
    live = client.post("/api/v1/services/HOST/go-live/", headers={"If-Match": '"1"'})
    assert live.json()["status"] == "live"
    item = client.post(
        "/api/v1/request-items/",
        {"service": "HOST", "code": "vm", "name_en": "VM", "fulfilment_target_minutes": 60},
        format="json",
    )
    assert item.status_code == 201
    bad = client.patch(
        f"/api/v1/request-items/{item.json()['id']}/",
        {"fields": [{"name": "a", "type": "text", "label_en": "A"}] * 2},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert bad.status_code == 400 and bad.json()["fields"][0]["code"] == "duplicate_field_name"
    assert api_client_for(agent).post("/api/v1/services/HOST/retire/").status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_the_service_api_list_is_constant_in_queries(
    rows, api_client_for, agent, django_assert_num_queries
):
    for _ in range(rows):
        RequestItemFactory().service.customers.add(CustomerFactory())
    client = api_client_for(agent)
    client.get("/api/v1/services/")
    with django_assert_num_queries(4):
        assert client.get("/api/v1/services/").status_code == 200
