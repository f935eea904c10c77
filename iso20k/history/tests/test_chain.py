"""The history chain: written by services, verified, and tamper-evident on both databases."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction

from iso20k.accounts.tests.factories import UserFactory
from iso20k.history import guards, services
from iso20k.history.models import AppendOnlyError, ChainHead, ChangeRecord

pytestmark = pytest.mark.django_db


def write_records(n: int = 3) -> list[ChangeRecord]:
    user = UserFactory(username="alice")
    return [
        services.record(
            user,
            event="accounts.user.updated",
            actor=user,
            changes={"display_name": ["A", f"A{i}"]},
        )
        for i in range(n)
    ]


def test_records_are_chained_in_order_and_the_head_follows():
    first, second, third = write_records(3)
    assert [second.prev_hash, third.prev_hash] == [first.hash, second.hash]
    assert third.seq == first.seq + 2
    head = ChainHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (third.seq, third.hash)


def test_a_record_keeps_who_what_and_the_channel():
    record = write_records(1)[0]
    assert record.actor.username == "alice"
    assert record.channel == "cli"
    assert record.object_type == "accounts.user"
    assert record.changes == {"display_name": ["A", "A0"]}
    assert record.key_id == "test"


def test_an_intact_chain_verifies():
    write_records(5)
    report = services.verify_chain()
    assert report.ok, report.reason
    assert report.checked == ChangeRecord.objects.count()


def test_the_model_refuses_to_change_or_delete_history():
    record = write_records(1)[0]
    record.event = "forged"
    with pytest.raises(AppendOnlyError):
        record.save()
    with pytest.raises(AppendOnlyError):
        record.delete()
    with pytest.raises(AppendOnlyError):
        ChangeRecord.objects.filter(pk=record.pk).update(event="forged")
    with pytest.raises(AppendOnlyError):
        ChangeRecord.objects.all().delete()


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE history_changerecord SET event = 'forged'",
        "DELETE FROM history_changerecord",
    ],
)
def test_the_database_refuses_direct_sql_changes(sql):
    write_records(2)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert ChangeRecord.objects.filter(event="forged").count() == 0
    assert ChangeRecord.objects.count() >= 2


def tamper(sql: str, params: list) -> None:
    """What an intruder with database access does: lift the guards, edit, put them back."""
    with guards.suspended(), connection.cursor() as cursor:
        cursor.execute(sql, params)


def test_a_row_changed_in_sql_is_caught_and_named():
    records = write_records(4)
    target = records[1]
    tamper(
        "UPDATE history_changerecord SET changes = %s WHERE seq = %s",
        ['{"display_name": ["A", "forged"]}', target.seq],
    )
    report = services.verify_chain()
    assert not report.ok
    assert report.first_broken_seq == target.seq
    assert "content" in report.reason


def test_a_row_whose_hash_was_recomputed_without_the_key_is_caught():
    import hashlib

    records = write_records(3)
    target = records[-1]
    forged = hashlib.sha256(b"attacker").hexdigest()
    tamper("UPDATE history_changerecord SET hash = %s WHERE seq = %s", [forged, target.seq])
    tamper("UPDATE history_chainhead SET hash = %s WHERE id = 1", [forged])
    report = services.verify_chain()
    assert report.first_broken_seq == target.seq


def test_a_deleted_row_is_caught_as_a_missing_position():
    records = write_records(4)
    tamper("DELETE FROM history_changerecord WHERE seq = %s", [records[1].seq])
    report = services.verify_chain()
    assert not report.ok
    assert report.first_broken_seq == records[2].seq
    assert "missing" in report.reason


def test_a_truncated_tail_is_caught_by_the_head():
    records = write_records(3)
    tamper("DELETE FROM history_changerecord WHERE seq = %s", [records[-1].seq])
    report = services.verify_chain()
    assert not report.ok
    assert "head" in report.reason


def test_missing_triggers_are_reported():
    write_records(1)
    guards.remove()
    try:
        report = services.verify_chain()
    finally:
        guards.install()
    assert not report.ok
    assert "triggers missing" in report.reason


def test_verify_history_command_names_the_first_broken_row(capsys):
    records = write_records(3)
    call_command("verify_history")
    assert "history chain intact" in capsys.readouterr().out
    tamper("UPDATE history_changerecord SET object_repr = 'x' WHERE seq = %s", [records[0].seq])
    with pytest.raises(CommandError, match=f"position {records[0].seq}"):
        call_command("verify_history")


def test_a_key_missing_from_the_settings_is_reported(settings):
    write_records(2)
    settings.HISTORY_KEYS = {"other": b"another-key-of-32-characters-long!!"}
    report = services.verify_chain()
    assert not report.ok
    assert "not configured" in report.reason


def test_rotated_keys_keep_old_rows_verifiable(settings):
    write_records(2)
    settings.HISTORY_KEYS = {"new": b"a-brand-new-key-of-enough-length-xx", **settings.HISTORY_KEYS}
    write_records(1)
    assert services.verify_chain().ok
    assert set(ChangeRecord.objects.values_list("key_id", flat=True)) == {"test", "new"}
