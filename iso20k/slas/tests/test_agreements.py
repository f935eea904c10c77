"""Agreements: bad targets and settings refused with nothing changed, one active agreement per
customer/service, pages (durations typed as "4 h"), open clocks shown, API, query counts."""

import datetime
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import PERSONAS, make_person
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.calendars.tests.factories import CalendarFactory
from iso20k.customers.tests.factories import CustomerFactory
from iso20k.history.models import ChangeRecord
from iso20k.servicecatalogue.tests.factories import ServiceFactory
from iso20k.slas import clocks, services
from iso20k.slas.forms import parse_duration
from iso20k.slas.models import ServiceLevelAgreement, SlaTarget

from .factories import AgreementFactory

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
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
TARGETS = {"P1": (30, 240), "P2": (60, 480)}


def expected(name: str, allowed: set[str]) -> int:
    if name not in READERS:
        return 404
    return 200 if name in allowed else 403


def create(actor, **overrides):
    fields = {
        "code": "gold",
        "name_en": "Gold",
        "calendar": CalendarFactory(),
        "targets": TARGETS,
        "pause_statuses": ["awaiting_customer"],
        "warning_percent": 80,
        **overrides,
    }
    return services.create_agreement(actor=actor, **fields)


# --- services ---------------------------------------------------------------------------------


def test_an_agreement_is_created_with_its_targets_and_history(lead):
    agreement = create(lead)
    assert list(agreement.targets.values_list("priority", "response_minutes")) == [
        ("P1", 30),
        ("P2", 60),
    ]
    record = ChangeRecord.objects.get(event="slas.servicelevelagreement.created")
    assert record.changes["targets"][1] == "P1 30/240; P2 60/480"
    assert record.changes["calendar"][1].endswith(f"(#{agreement.calendar_id})")


@pytest.mark.parametrize(
    ("overrides", "field", "code"),
    [
        ({"targets": {"P1": (0, 240)}}, "p1_response_minutes", "target_not_positive"),
        ({"targets": {"P2": (30, -60)}}, "p2_resolution_minutes", "target_not_positive"),
        ({"targets": {"P9": (30, 60)}}, "targets", "priority_not_in_matrix"),
        ({"targets": {"P1": (300, 240)}}, "p1_response_minutes", "response_after_resolution"),
        ({"targets": {"P1": (None, None)}}, "targets", "targets_required"),
        ({"pause_statuses": ["on_lunch"]}, "pause_statuses", "unknown_pause_status"),
        ({"warning_percent": 0}, "warning_percent", "warning_percent_range"),
        ({"warning_percent": 100}, "warning_percent", "warning_percent_range"),
        (
            {"achievement_percent": Decimal(0)},
            "achievement_percent",
            "achievement_percent_range",
        ),
        (
            {"achievement_percent": Decimal("100.5")},
            "achievement_percent",
            "achievement_percent_range",
        ),
        (
            {"achievement_percent": Decimal("99.95")},
            "achievement_percent",
            "achievement_percent_range",
        ),
        ({"code": "Not A Code"}, "code", "invalid_code"),
        ({"name_en": ""}, "name_en", "name_required"),
    ],
)
def test_bad_agreements_are_refused_and_nothing_is_stored(lead, overrides, field, code):
    with pytest.raises(ValidationError) as caught:
        create(lead, **overrides)
    assert caught.value.error_dict[field][0].code == code
    assert not ServiceLevelAgreement.objects.exists() and not SlaTarget.objects.exists()


def test_a_bad_target_in_an_edit_changes_nothing(lead):
    agreement = create(lead)
    with pytest.raises(ValidationError):
        services.update_agreement(
            agreement, actor=lead, expected_version=1, name_en="New", targets={"P1": (-1, 60)}
        )
    agreement.refresh_from_db()
    assert (agreement.name_en, agreement.version) == ("Gold", 1)
    assert agreement.targets.get(priority="P1").response_minutes == 30


def test_only_one_active_agreement_per_customer_and_service(lead):
    customer, service = CustomerFactory(), ServiceFactory()
    create(lead, customer=customer, service=service)
    with pytest.raises(ValidationError) as caught:
        create(lead, code="silver", customer=customer, service=service)
    assert caught.value.error_dict["customer"][0].code == "duplicate_agreement"
    create(lead, code="customer-wide", customer=customer)
    create(lead, code="default")
    with pytest.raises(ValidationError):
        create(lead, code="default-2")


def test_a_retired_agreement_frees_its_place_and_cannot_start_clocks(lead):
    agreement = create(lead)
    agreement = services.set_agreement_status(
        agreement, actor=lead, expected_version=1, status="retired"
    )
    create(lead, code="successor")
    with pytest.raises(ValidationError) as caught:
        services.set_agreement_status(
            agreement, actor=lead, expected_version=agreement.version, status="active"
        )
    assert caught.value.error_dict["customer"][0].code == "duplicate_agreement"
    with pytest.raises(ValidationError) as retired:
        clocks.start_clocks(
            clocks.SubjectRef("tests.faketicket", 1),
            agreement=agreement,
            priority="P1",
            at=datetime.datetime.now(datetime.UTC),
            actor=lead,
        )
    assert retired.value.error_dict["agreement"][0].code == "agreement_retired"


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("90", 90), ("4 h", 240), ("1 h 30 min", 90), ("1:30", 90), ("4小时", 240), ("-30", -30)],
)
def test_durations_are_typed_the_way_people_write_them(text, minutes):
    assert parse_duration(text) == minutes


# --- pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_agreement_pages(persona, client_for, request):
    name = request.node.callspec.params["persona"]
    agreement = AgreementFactory(code="gold")
    client = client_for(persona)
    assert client.get(reverse("slas:agreement-list")).status_code == expected(name, READERS)
    assert client.get(agreement.get_absolute_url()).status_code == expected(name, READERS)
    for url in [
        reverse("slas:agreement-create"),
        reverse("slas:agreement-edit", args=["gold"]),
        reverse("slas:agreement-retire", args=["gold"]),
        reverse("slas:agreement-recompute", args=["gold"]),
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url


def test_the_owner_of_service_level_management_manages_agreements(client_for, catalogue):
    owner = make_person("slm", Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref="8.3.3")
    assert client_for(owner).get(reverse("slas:agreement-create")).status_code == 200


def _form(calendar, **targets) -> dict:
    data = {
        "code": "gold",
        "name_en": "Gold",
        "calendar": calendar.pk,
        "pause_statuses": ["awaiting_customer"],
        "warning_percent": "75",
        "achievement_percent": "99.5",
    }
    return {**data, **targets}


def test_an_agreement_is_created_through_the_page_with_typed_durations(client_for, lead):
    calendar = CalendarFactory()
    data = _form(calendar, p1_response_minutes="15 min", p1_resolution_minutes="4 h")
    response = client_for(lead).post(reverse("slas:agreement-create"), data)
    assert response.status_code == 303
    target = SlaTarget.objects.get(priority="P1")
    assert (target.response_minutes, target.resolution_minutes) == (15, 240)
    assert ServiceLevelAgreement.objects.get().achievement_percent == Decimal("99.5")
    edit = client_for(lead).get(reverse("slas:agreement-edit", args=["gold"])).content.decode()
    assert 'value="4 h"' in edit


def test_a_negative_target_through_the_page_is_refused_on_its_field(client_for, lead):
    calendar = CalendarFactory()
    data = _form(calendar, p1_response_minutes="-30", p1_resolution_minutes="4 h")
    response = client_for(lead).post(reverse("slas:agreement-create"), data)
    assert response.status_code == 422
    assert "above zero" in response.content.decode()
    assert not ServiceLevelAgreement.objects.exists()


def test_the_edit_page_warns_about_the_open_clocks_it_affects(client_for, lead, tickets):
    agreement = AgreementFactory(code="gold")
    at = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(at, tick=False):
        clocks.start_clocks(
            tickets.new().ref, agreement=agreement, priority="P1", at=at, actor=lead
        )
    page = client_for(lead).get(reverse("slas:agreement-edit", args=["gold"])).content.decode()
    assert 'id="affected"' in page and "2 open clocks" in page
    detail = client_for(lead).get(agreement.get_absolute_url()).content.decode()
    assert "FAKE-1" in detail and "data-sla-state=" in detail


def test_recompute_is_queued_from_the_page(client_for, lead, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    AgreementFactory(code="gold")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(lead).post(reverse("slas:agreement-recompute", args=["gold"]))
    assert response.status_code == 303
    assert DBTaskResult.objects.filter(task_path__endswith="recompute_agreement_clocks").exists()


@pytest.mark.parametrize("rows", [3, 30])
def test_the_agreement_list_costs_the_same_queries_for_3_or_30_rows(
    rows, client_for, agent, django_assert_num_queries
):
    for number in range(rows):
        AgreementFactory(customer=CustomerFactory(), service=ServiceFactory(), code=f"a{number}")
    client = client_for(agent)
    client.get(reverse("slas:agreement-list"))
    with django_assert_num_queries(6):
        assert client.get(reverse("slas:agreement-list")).status_code == 200


# --- API --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("admin", 200),
        ("agent", 200),
        ("external_auditor", 200),
        ("customer", 403),
        ("outsider", 403),
    ],
)
def test_who_reads_agreements_through_the_api(api_client_for, persona, status, request):
    AgreementFactory()
    client = api_client_for(request.getfixturevalue(persona))
    assert client.get("/api/v1/agreements/").status_code == status
    assert client.get("/api/v1/sla-clocks/").status_code == status


def test_agreements_through_the_api(api_client_for, lead, agent):
    calendar = CalendarFactory(code="office")
    client = api_client_for(lead)
    body = {
        "code": "gold",
        "name_en": "Gold",
        "calendar": "office",
        "targets": [{"priority": "P1", "response_minutes": 30, "resolution_minutes": 240}],
    }
    assert client.post("/api/v1/agreements/", body, format="json").status_code == 201
    bad = client.patch(
        "/api/v1/agreements/gold/",
        {"targets": [{"priority": "P7", "response_minutes": 30}]},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert bad.status_code == 400 and bad.json()["targets"][0]["code"] == "priority_not_in_matrix"
    zero = client.patch(
        "/api/v1/agreements/gold/",
        {"targets": [{"priority": "P1", "response_minutes": 0, "resolution_minutes": 60}]},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert zero.json()["p1_response_minutes"][0]["code"] == "target_not_positive"
    assert client.get("/api/v1/agreements/applicable/").json()["code"] == "gold"
    matrix = client.get("/api/v1/agreements/priority-matrix/").json()
    assert {"impact": 1, "urgency": 1, "priority": "P1"} in matrix["cells"]
    assert api_client_for(agent).post("/api/v1/agreements/gold/recompute/").status_code == 403
    assert client.post("/api/v1/agreements/gold/recompute/").status_code == 202
    assert calendar.agreements.count() == 1


def test_clocks_through_the_api(api_client_for, agent, tickets):
    agreement = AgreementFactory()
    ticket = tickets.new()
    at = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=SHANGHAI)
    with time_machine.travel(at, tick=False):
        clocks.start_clocks(ticket.ref, agreement=agreement, priority="P2", at=at, actor=agent)
    listed = api_client_for(agent).get(
        f"/api/v1/sla-clocks/?subject_type=tests.faketicket&subject_id={ticket.pk}"
    )
    assert listed.json()["count"] == 2
    detail = api_client_for(agent).get(f"/api/v1/sla-clocks/{listed.json()['results'][0]['id']}/")
    assert detail.json()["events"][0]["kind"] == "started"


@pytest.mark.parametrize("rows", [3, 30])
def test_the_agreement_api_list_is_constant_in_queries(
    rows, api_client_for, agent, django_assert_num_queries
):
    for number in range(rows):
        AgreementFactory(customer=CustomerFactory(), code=f"a{number}")
    client = api_client_for(agent)
    client.get("/api/v1/agreements/")
    with django_assert_num_queries(3):
        assert client.get("/api/v1/agreements/").status_code == 200
