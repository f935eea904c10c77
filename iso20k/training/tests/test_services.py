"""Training rules: sessions, attendance and results, competences gained and withdrawn,
manual records, requirements, and the matrix of who lacks what."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.training import querysets, services
from iso20k.training.models import CompetenceRecord, Course
from iso20k.training.services.sessions import add_months

pytestmark = pytest.mark.django_db
D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


def test_add_months_keeps_the_day_or_the_months_end():
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 11, 15), 36) == D(2027, 11, 15)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"title_en": "", "title_zh_hans": ""}, {"title_en": ["title_required"]}),
        ({"duration_hours": 0}, {"duration_hours": ["invalid_duration"]}),
        ({"duration_hours": "lots"}, {"duration_hours": ["invalid_duration"]}),
        ({"kind": "party"}, {"kind": ["invalid_choice"]}),
    ],
)
def test_bad_courses_are_refused(lead, fields, expected):
    data = {"kind": "awareness", "title_en": "Awareness", "duration_hours": 2, **fields}
    with pytest.raises(ValidationError) as exc:
        services.create_course(actor=lead, **data)
    assert codes(exc.value) == expected
    assert not Course.objects.exists()


def test_competence_codes_are_unique(lead, auditing):
    with pytest.raises(ValidationError) as exc:
        services.create_competence(actor=lead, code="iso20000-auditing", name_en="Again")
    assert codes(exc.value) == {"code": ["code_taken"]}


def test_a_session_ends_after_it_starts(lead, auditor_course):
    start = timezone.now()
    with pytest.raises(ValidationError) as exc:
        services.schedule_session(auditor_course, actor=lead, starts_at=start, ends_at=start)
    assert codes(exc.value) == {"ends_at": ["end_before_start"]}


def test_attendance_is_recorded_only_for_held_sessions(lead, auditor_course, staff):
    start = timezone.now() + datetime.timedelta(days=3)
    session = services.schedule_session(
        auditor_course, actor=lead, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    [attendance] = services.invite(session, actor=lead, people=[staff])
    with pytest.raises(ValidationError) as exc:
        services.record_attendance(
            attendance, actor=lead, expected_version=1, status="attended", result="passed"
        )
    assert codes(exc.value) == {"status": ["session_not_held"]}
    with pytest.raises(ValidationError) as exc:
        services.hold_session(session, actor=lead, expected_version=session.version)
    assert codes(exc.value) == {"status": ["not_started"]}


def test_passing_a_tested_course_gives_its_competences_with_expiry(
    held_session, lead, internal_auditor, auditing
):
    attendance = held_session.attendances.get(person=internal_auditor)
    assert attendance.result == "pending"
    attendance = services.record_attendance(
        attendance,
        actor=lead,
        expected_version=attendance.version,
        status="attended",
        result="passed",
        score=88,
        certificate_number="IA-2025-001",
    )
    record = CompetenceRecord.objects.get(person=internal_auditor)
    achieved = timezone.localdate(held_session.starts_at)
    assert (record.competence, record.achieved_on, record.expires_on) == (
        auditing,
        achieved,
        add_months(achieved, 36),
    )
    attendance = services.record_attendance(
        attendance, actor=lead, expected_version=attendance.version, result="failed"
    )
    record.refresh_from_db()
    assert record.withdrawn_at is not None
    events = set(
        ChangeRecord.objects.filter(object_type="training.competencerecord").values_list(
            "event", flat=True
        )
    )
    assert events == {"training.competencerecord.recorded", "training.competencerecord.withdrawn"}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": "absent", "result": "passed"}, {"result": ["result_needs_attendance"]}),
        ({"status": "attended", "result": "none"}, {"result": ["result_required"]}),
        (
            {"status": "attended", "result": "passed", "score": 101},
            {"score": ["score_out_of_range"]},
        ),
        ({"status": "here", "result": "passed"}, {"status": ["invalid_choice"]}),
    ],
)
def test_bad_results_are_refused(held_session, lead, staff, fields, expected):
    attendance = held_session.attendances.get(person=staff)
    with pytest.raises(ValidationError) as exc:
        services.record_attendance(attendance, actor=lead, expected_version=1, **fields)
    assert codes(exc.value) == expected
    assert not CompetenceRecord.objects.exists()


def test_an_untested_course_gives_competence_for_attending(lead, staff):
    awareness = services.create_competence(
        actor=lead, code="sms-awareness", name_en="SMS awareness"
    )
    course = services.create_course(
        actor=lead,
        kind="case_sharing",
        title_zh_hans="案例分享会",
        duration_hours=1,
        competences=[awareness],
    )
    start = timezone.now() - datetime.timedelta(days=1)
    session = services.schedule_session(
        course,
        actor=lead,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        topic="Major incident of March",
    )
    [attendance] = services.invite(session, actor=lead, people=[staff])
    session = services.hold_session(session, actor=lead, expected_version=session.version)
    with pytest.raises(ValidationError) as exc:
        services.record_attendance(
            attendance, actor=lead, expected_version=1, status="attended", result="passed"
        )
    assert codes(exc.value) == {"result": ["course_has_no_test"]}
    services.record_attendance(attendance, actor=lead, expected_version=1, status="attended")
    assert CompetenceRecord.objects.get().expires_on is None
    assert querysets.awareness_coverage().aware == 1


def test_requirements_and_the_matrix(lead, internal_auditor, staff, auditing, held_session):
    with pytest.raises(ValidationError) as exc:
        services.require_competence(actor=lead, role="wizard", competence=auditing)
    assert codes(exc.value) == {"role": ["invalid_choice"]}
    requirement = services.require_competence(
        actor=lead, role="internal_auditor", competence=auditing
    )
    with pytest.raises(ValidationError) as exc:
        services.require_competence(actor=lead, role="internal_auditor", competence=auditing)
    assert codes(exc.value) == {"competence": ["already_required"]}
    matrix = querysets.competence_matrix([internal_auditor, staff])
    states = {row.person.pk: row.cells[0][1] for row in matrix.rows}
    assert states == {internal_auditor.pk: "missing", staff.pk: "none"}
    assert matrix.people_lacking == 1
    attendance = held_session.attendances.get(person=internal_auditor)
    services.record_attendance(
        attendance,
        actor=lead,
        expected_version=attendance.version,
        status="attended",
        result="passed",
    )
    matrix = querysets.competence_matrix([internal_auditor, staff])
    assert matrix.rows[0].cells[0][1] == "held" and matrix.people_lacking == 0
    later = add_months(timezone.localdate(), 40)
    expired = querysets.competence_matrix([internal_auditor], at=later)
    assert expired.rows[0].cells[0][1] == "expired"
    services.retire_requirement(requirement, actor=lead, expected_version=1)
    assert querysets.competence_matrix([internal_auditor]).rows[0].cells[0][1] == "extra"


def test_manual_records_need_a_source_and_a_past_date(lead, staff, customer, auditing):
    base = {"competence": auditing, "source": "BSI certificate"}
    with pytest.raises(ValidationError) as exc:
        services.record_competence(actor=lead, person=customer, achieved_on=D(2024, 1, 1), **base)
    assert codes(exc.value) == {"person": ["not_internal"]}
    with pytest.raises(ValidationError) as exc:
        services.record_competence(actor=lead, person=staff, achieved_on=D(2999, 1, 1), **base)
    assert codes(exc.value) == {"achieved_on": ["date_in_future"]}
    with pytest.raises(ValidationError) as exc:
        services.record_competence(
            actor=lead, person=staff, achieved_on=D(2024, 1, 1), competence=auditing, source=" "
        )
    assert codes(exc.value) == {"source": ["source_required"]}
    record = services.record_competence(actor=lead, person=staff, achieved_on=D(2024, 1, 1), **base)
    assert record.expires_on == D(2027, 1, 1)
    services.add_record_file(record, actor=lead, upload=SimpleUploadedFile("cert.pdf", PDF))
    with pytest.raises(ValidationError) as exc:
        services.add_record_file(record, actor=lead, upload=SimpleUploadedFile("cert.png", PDF))
    assert codes(exc.value) == {"file": ["file_type_mismatch"]}
    services.withdraw_record(record, actor=lead, expected_version=1, reason="Wrong person")
    with pytest.raises(ConflictError):
        services.withdraw_record(record, actor=lead, expected_version=1, reason="again")


def test_certificates_are_checked_and_kept(held_session, lead, staff, settings):
    attendance = held_session.attendances.get(person=staff)
    services.add_certificate(attendance, actor=lead, upload=SimpleUploadedFile("c.pdf", PDF))
    settings.UPLOAD_MAX_BYTES = 5
    with pytest.raises(ValidationError) as exc:
        services.add_certificate(attendance, actor=lead, upload=SimpleUploadedFile("c.pdf", PDF))
    assert codes(exc.value) == {"file": ["file_too_large"]}
