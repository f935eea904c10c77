"""The scheduled verification runs on the worker and alarms administrators when broken."""

import pytest
from django.core import mail

from iso20k.history import guards, services
from iso20k.history.models import ChainVerification
from iso20k.history.tasks import verify_history_chain

pytestmark = pytest.mark.django_db


def test_scheduled_verification_stores_an_intact_result(admin, run_tasks):
    services.record(admin, event="accounts.user.updated", actor=admin)
    verify_history_chain.enqueue()
    run_tasks()
    latest = ChainVerification.objects.first()
    assert latest.ok
    assert mail.outbox == []


def test_a_broken_chain_alarms_administrators_once(
    admin, client_for, run_tasks, django_capture_on_commit_callbacks
):
    record = services.record(admin, event="accounts.user.updated", actor=admin)
    from django.db import connection

    with guards.suspended(), connection.cursor() as cursor:
        cursor.execute("UPDATE history_changerecord SET event = 'x' WHERE seq = %s", [record.seq])
    with django_capture_on_commit_callbacks(execute=True):
        verify_history_chain.enqueue()
        run_tasks()
    run_tasks()
    assert not ChainVerification.objects.first().ok
    assert len(mail.outbox) == 1
    assert "history chain" in mail.outbox[0].subject.lower()
    page = client_for(admin).get("/")
    assert b'id="history-alarm"' in page.content
