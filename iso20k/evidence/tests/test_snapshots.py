"""Snapshots are signed, verifiable, tamper-evident, exportable, and shared only with an audit."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from iso20k.evidence import services
from iso20k.evidence.models import Outcome, Snapshot
from iso20k.history import guards

pytestmark = pytest.mark.django_db


@pytest.fixture
def snapshot(lead, catalogue):
    return services.take_snapshot(actor=lead, name="Stage 1", audit_ref="cb-2027-stage1")


def test_a_fresh_snapshot_is_intact(snapshot):
    report = services.verify_snapshot(snapshot)
    assert report.ok, report.problems
    assert snapshot.head_seq > 0 and len(snapshot.signature) == 64


def test_staff_and_agents_cannot_take_snapshots(staff, agent, catalogue):
    for user in (staff, agent):
        with pytest.raises(PermissionDenied):
            services.take_snapshot(actor=user, name="x")
    assert not Snapshot.objects.exists()


def test_a_changed_result_is_named(snapshot):
    outcome = snapshot.evaluation.outcomes.get(code="sms.scope-approved")
    Outcome.objects.filter(pk=outcome.pk).update(status="pass", params={"version": 9})
    report = services.verify_snapshot(Snapshot.objects.get(pk=snapshot.pk))
    assert not report.ok
    assert any("sms.scope-approved" in p for p in report.problems)


def test_a_changed_manifest_breaks_the_signature(snapshot):
    manifest = dict(snapshot.manifest, score="99.9")
    Snapshot.objects.filter(pk=snapshot.pk).update(manifest=manifest)
    report = services.verify_snapshot(Snapshot.objects.get(pk=snapshot.pk))
    assert any("signature" in p for p in report.problems)


def test_a_rewritten_history_is_reported(snapshot):
    with guards.suspended(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE history_changerecord SET hash = %s WHERE seq = %s",
            ["f" * 64, snapshot.head_seq],
        )
    report = services.verify_snapshot(snapshot)
    assert any(f"#{snapshot.head_seq}" in p for p in report.problems)


def test_the_command_reports_intact_and_tampered_snapshots(snapshot, capsys):
    call_command("verify_snapshot")
    assert "intact" in capsys.readouterr().out
    Outcome.objects.filter(evaluation=snapshot.evaluation).update(ref_count=12345)
    with pytest.raises(CommandError, match="not intact"):
        call_command("verify_snapshot", str(snapshot.pk))
    assert "TAMPERED" in capsys.readouterr().out


def test_an_as_of_evaluation_can_be_frozen(lead, catalogue):
    from iso20k.evidence.models import EvaluationKind

    evaluation = services.evaluate(kind=EvaluationKind.AS_OF, at=timezone.now() - timedelta(days=3))
    snapshot = services.take_snapshot(actor=lead, name="Back then", evaluation=evaluation)
    assert snapshot.evaluation == evaluation
    assert services.verify_snapshot(snapshot).ok


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_exports_open_in_libreoffice_in_both_languages(
    snapshot, client_for, lead, language, tmp_path
):
    from iso20k.core.testing.office import convert

    client = client_for(lead)
    pdf = client.get(f"/readiness/snapshots/{snapshot.pk}/export.pdf?lang={language}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    xlsx = client.get(f"/readiness/snapshots/{snapshot.pk}/export.xlsx?lang={language}")
    path = tmp_path / f"snapshot-{language}.xlsx"
    path.write_bytes(xlsx.content)
    from openpyxl import load_workbook

    book = load_workbook(path)
    expected = "Checks" if language == "en" else "检查"
    assert expected in book.sheetnames
    assert convert(path, "pdf").exists()


def test_external_auditors_see_only_snapshots_of_their_audit(
    snapshot, lead, client_for, api_client_for, admin
):
    from iso20k.accounts import services as account_services
    from iso20k.accounts.tests.factories import UserFactory

    other = services.take_snapshot(actor=lead, name="Internal", audit_ref="internal-q1")
    auditor = UserFactory(username="cb")
    account_services.grant_role(
        auditor,
        actor=admin,
        role="external_auditor",
        scope_kind="audit",
        scope_ref="cb-2027-stage1",
        valid_until=timezone.now() + timedelta(days=5),
    )
    client = client_for(auditor)
    assert client.get(snapshot.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert client.get("/readiness/").status_code == 404
    listed = api_client_for(auditor).get("/api/v1/snapshots/").json()["results"]
    assert [s["name"] for s in listed] == ["Stage 1"]
    assert api_client_for(auditor).get("/api/v1/readiness/").status_code == 403
