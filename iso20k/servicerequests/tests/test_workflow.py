"""Service request rules: the item's form, approval (never by the requester), fulfilment
tasks, fulfilment under the item's target; bad input changes nothing."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from conftest import make_person
from iso20k.accounts.choices import Role
from iso20k.servicerequests import services
from iso20k.servicerequests.models import Approval, ServiceRequest
from iso20k.slas import clocks

pytestmark = pytest.mark.django_db
T0 = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(T0, tick=False):
        yield


def codes(caught) -> dict:
    return {field: [e.code for e in errors] for field, errors in caught.value.error_dict.items()}


def submit(item, requester, **answers):
    return services.submit_request(
        actor=requester,
        item=item,
        requester=requester,
        answers={"size": "large", "purpose": "测试环境 test bed", **answers},
    )


def test_answers_are_checked_against_the_items_form_and_nothing_is_saved(item, customer, acme):
    with pytest.raises(ValidationError) as caught:
        submit(item, customer, size="huge")
    assert codes(caught) == {"size": ["invalid_choice"]}
    assert ServiceRequest.objects.count() == 0


def test_a_request_waits_for_approval_under_the_items_target(item, customer, acme):
    request = submit(item, customer)
    assert (request.status, request.customer, request.answers["size"]) == (
        "awaiting_approval",
        acme,
        "large",
    )
    # P5 has no response target in the agreement; the item's 4 hours replace its resolution.
    snapshot = clocks.snapshot_of(request)
    assert snapshot.response is None and snapshot.resolution.target_seconds == 240 * 60
    assert request.sla_breach_at == T0 + datetime.timedelta(hours=4)


def test_the_requester_cannot_approve_their_own_request(item, agent, desk):
    request = services.submit_request(
        actor=agent, item=item, requester=agent, answers={"size": "small"}
    )
    with pytest.raises(PermissionDenied):
        services.approve_request(request, actor=agent, expected_version=request.version)
    request.refresh_from_db()
    assert request.status == "awaiting_approval" and Approval.objects.count() == 0


def test_an_agent_approves_and_fulfils_once_every_task_is_done(item, customer, acme, agent):
    request = submit(item, customer)
    approved = services.approve_request(request, actor=agent, expected_version=request.version)
    assert approved.status == "new" and approved.approvals.get().decision == "approved"
    task = services.add_task(approved, actor=agent, title="Create the VM")
    with pytest.raises(ValidationError) as caught:
        services.fulfil_request(
            approved, actor=agent, expected_version=approved.version, notes="done"
        )
    assert codes(caught) == {"status": ["tasks_open"]}
    services.set_task_done(task, actor=agent, expected_version=task.version, done=True)
    fulfilled = services.fulfil_request(
        approved, actor=agent, expected_version=approved.version, notes="VM vm-042 handed over"
    )
    assert (fulfilled.status, fulfilled.sla_stage) == ("resolved", "stopped")


def test_rejection_needs_a_reason_and_cancels_the_clocks(item, customer, acme, agent):
    request = submit(item, customer)
    with pytest.raises(ValidationError) as caught:
        services.reject_request(request, actor=agent, expected_version=request.version, comment="")
    assert codes(caught) == {"comment": ["reason_required"]}
    rejected = services.reject_request(
        request, actor=agent, expected_version=request.version, comment="No budget this quarter"
    )
    assert (rejected.status, rejected.sla_stage, rejected.is_open) == (
        "rejected",
        "cancelled",
        False,
    )


def test_tasks_wait_for_the_approval(item, customer, acme, agent):
    request = submit(item, customer)
    with pytest.raises(ValidationError) as caught:
        services.add_task(request, actor=agent, title="Too early")
    assert codes(caught) == {"title": ["not_approved"]}


def test_the_service_owner_may_approve(item, customer, acme):
    owner = item.service.owner
    request = submit(item, customer)
    from iso20k.servicerequests import access

    assert access.can_approve(owner, request)
    assert not access.can_approve(make_person("someone", Role.STAFF), request)
