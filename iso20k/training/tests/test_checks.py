"""Evidence checks on competence (7.2) and awareness (7.3): passing and failing data."""

import datetime

import pytest
from django.utils import timezone

from iso20k.evidence import services as evidence
from iso20k.evidence.results import Status
from iso20k.evidence.testing import moment_between_writes, outcome
from iso20k.training import services

pytestmark = pytest.mark.django_db


def test_nothing_required_is_not_enough_data(staff):
    assert outcome("training.competence-held").status == Status.NOT_ENOUGH_DATA


def test_a_person_lacking_a_required_competence_is_named(lead, staff, auditing):
    services.require_competence(actor=lead, role="staff", competence=auditing)
    result = outcome("training.competence-held")
    assert result.status == Status.FAIL
    assert result.params == {"people": 2, "lacking": 1, "gaps": 1, "required": 1}
    assert result.refs == [["accounts.user", str(staff.pk), str(staff)]]


def test_holding_the_competence_passes(lead, staff, auditing):
    services.require_competence(actor=lead, role="staff", competence=auditing)
    services.record_competence(
        actor=lead,
        person=staff,
        competence=auditing,
        achieved_on=timezone.localdate() - datetime.timedelta(days=3),
        source="External certificate",
    )
    assert outcome("training.competence-held").status == Status.PASS


def test_a_record_entered_later_does_not_count_as_of_before(lead, staff, auditing):
    services.require_competence(actor=lead, role="staff", competence=auditing)
    before = moment_between_writes()
    services.record_competence(
        actor=lead,
        person=staff,
        competence=auditing,
        achieved_on=timezone.localdate() - datetime.timedelta(days=30),
        source="Back-dated certificate",
    )
    from iso20k.evidence.models import EvaluationKind

    then = evidence.evaluate(
        kind=EvaluationKind.AS_OF, at=before, codes=["training.competence-held"]
    ).outcomes.get()
    assert then.status == Status.FAIL
    assert outcome("training.competence-held").status == Status.PASS


def test_awareness_below_the_aim_is_flagged_and_attending_fixes_it(lead, staff):
    result = outcome("training.awareness")
    assert result.status == Status.FAIL
    assert result.params == {"people": 2, "aware": 0, "percent": 0, "target": 90}
    course = services.create_course(
        actor=lead, kind="case_sharing", title_en="Case sharing", duration_hours=1
    )
    start = timezone.now() - datetime.timedelta(days=3)
    session = services.schedule_session(
        course, actor=lead, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
    )
    attendances = services.invite(session, actor=lead, people=[lead, staff])
    session = services.hold_session(session, actor=lead, expected_version=session.version)
    for attendance in attendances:
        attendance.refresh_from_db()
        services.record_attendance(
            attendance, actor=lead, expected_version=attendance.version, status="attended"
        )
    assert outcome("training.awareness").params["aware"] == 2
