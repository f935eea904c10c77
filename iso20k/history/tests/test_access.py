"""Who reads the whole history, and its list staying cheap however long it grows."""

import pytest
from django.urls import reverse

from conftest import PERSONAS
from iso20k.history import services

pytestmark = pytest.mark.django_db

READERS = {"admin", "internal_auditor"}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_history_pages(persona, client_for, request):
    name = request.node.callspec.params["persona"]
    record = services.record(persona, event="accounts.user.updated", actor=persona)
    client = client_for(persona)
    expected = 200 if name in READERS else 404
    assert client.get(reverse("history:record-list")).status_code == expected
    assert client.get(reverse("history:record-detail", args=[record.seq])).status_code == expected
    assert client.get(reverse("history:verification")).status_code == expected
    assert client.post(reverse("history:verify-now")).status_code == (
        303 if name == "admin" else 404
    )


def test_the_list_pages_by_position_with_constant_queries(
    client_for, admin, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(admin)
    for _ in range(3):
        services.record(admin, event="accounts.user.updated", actor=admin)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("history:record-list"))
    for _ in range(80):
        services.record(admin, event="accounts.user.updated", actor=admin)
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get(reverse("history:record-list"))
    assert "Older changes" in page.content.decode()
    older = client.get(reverse("history:record-list"), {"before": 40}).content.decode()
    assert 'href="/history/39/"' in older and 'href="/history/40/"' not in older
