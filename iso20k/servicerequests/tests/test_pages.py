"""Service request pages: requesting an item for a customer (the item's form, errors on its
fields), approval refused to the requester, the fulfilment checklist, the conflict banner."""

import pytest

from iso20k.servicerequests import services
from iso20k.servicerequests.models import ServiceRequest

pytestmark = pytest.mark.django_db


def test_the_desk_requests_an_item_for_a_customer(agent, acme, item, client_for):
    client = client_for(agent)
    assert str(item) in client.get("/requests/new/").content.decode()
    bad = client.post(
        f"/requests/new/{item.pk}/",
        {"size": "huge", "request-customer": acme.pk, "request-impact": 3, "request-urgency": 3},
    )
    assert bad.status_code == 422 and 'id="field-size"' in bad.content.decode()
    assert not ServiceRequest.objects.exists()
    good = client.post(
        f"/requests/new/{item.pk}/",
        {"size": "small", "request-customer": acme.pk, "request-impact": 3, "request-urgency": 3},
    )
    request = ServiceRequest.objects.get()
    assert good.status_code == 303 and good["Location"] == request.get_absolute_url()
    assert (request.customer, request.status) == (acme, "awaiting_approval")


def test_the_requester_is_refused_approval_on_the_page(agent, item, client_for):
    request = services.submit_request(
        actor=agent, item=item, requester=agent, answers={"size": "small"}
    )
    page = client_for(agent).get(request.get_absolute_url()).content.decode()
    assert f"/requests/{request.pk}/approve/" not in page
    response = client_for(agent).post(
        f"/requests/{request.pk}/approve/", {"version": request.version}
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == "awaiting_approval"


def test_tasks_are_ticked_off_on_the_page(agent, customer, acme, item, client_for):
    request = services.submit_request(
        actor=customer, item=item, requester=customer, answers={"size": "small"}
    )
    request = services.approve_request(request, actor=agent, expected_version=request.version)
    client = client_for(agent)
    client.post(f"/requests/{request.pk}/tasks/add/", {"title": "创建虚机 Create the VM"})
    task = request.tasks.get()
    client.post(
        f"/requests/{request.pk}/tasks/{task.pk}/toggle/", {"version": task.version, "done": "on"}
    )
    task.refresh_from_db()
    assert task.is_done and task.done_by == agent
    stale = client.post(
        f"/requests/{request.pk}/tasks/{task.pk}/toggle/", {"version": 1, "done": ""}, follow=True
    )
    assert "changed this task" in stale.content.decode()
    request.refresh_from_db()
    fulfilled = client.post(
        f"/requests/{request.pk}/fulfil/", {"version": request.version, "notes": "VM handed over"}
    )
    assert fulfilled.status_code == 303
    request.refresh_from_db()
    assert request.status == "resolved"
