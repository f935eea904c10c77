"""Training sessions, who attends them, results and certificates.

Recording that someone attended (and, for a tested course, passed) gives them a competence
record for each competence the course develops; changing the result later withdraws it.
"""

import calendar
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.files import services as files
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.history import services as history

from ..choices import AttendanceStatus, Result, SessionStatus
from ..models import Attendance, CompetenceRecord, Course, TrainingSession
from .rules import error, require_internal

SESSION_FIELDS = ["starts_at", "ends_at", "location", "trainer", "topic", "summary"]
ATTENDANCE_FIELDS = ["status", "result", "score", "certificate_number", "note"]


def _check_session(fields: dict) -> None:
    starts, ends = fields.get("starts_at"), fields.get("ends_at")
    if starts is None or ends is None:
        raise error("starts_at", _("Give the start and the end."), "times_required")
    if ends <= starts:
        raise error("ends_at", _("The session must end after it starts."), "end_before_start")


@transaction.atomic
def schedule_session(course: Course, *, actor, **fields) -> TrainingSession:
    """Plan a session of an active course. Event training.trainingsession.scheduled."""
    if not course.is_active:
        raise error("course", _("The course is retired."), "course_retired")
    _check_session(fields)
    session = TrainingSession.objects.create(course=course, **fields)
    history.record(
        session,
        event="training.trainingsession.scheduled",
        actor=actor,
        changes=history.initial(session, ["course", *SESSION_FIELDS]),
    )
    return session


def _require_not_cancelled(session: TrainingSession) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise error("status", _("The session was cancelled."), "session_cancelled")


@transaction.atomic
def update_session(
    session: TrainingSession, *, actor, expected_version: int | None, **fields
) -> TrainingSession:
    """Edit a session's times, place, trainer, topic or summary.
    Event training.trainingsession.updated."""
    require_version(session, expected_version)
    _require_not_cancelled(session)
    merged = {name: fields.get(name, getattr(session, name)) for name in SESSION_FIELDS}
    _check_session(merged)
    names = list(fields)
    before = history.snapshot(session, names)
    for name, value in fields.items():
        setattr(session, name, value)
    save_versioned(session, fields=names, expected_version=expected_version)
    history.record(
        session,
        event="training.trainingsession.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(session, names)),
    )
    return session


@transaction.atomic
def hold_session(
    session: TrainingSession, *, actor, expected_version: int | None, summary: str = ""
) -> TrainingSession:
    """Mark a planned session as held (it must have started). Attendance can then be
    recorded. Event training.trainingsession.held."""
    require_version(session, expected_version)
    if session.status != SessionStatus.PLANNED:
        raise error("status", _("Only a planned session can be marked as held."), "wrong_status")
    if session.starts_at > timezone.now():
        raise error("status", _("The session has not started yet."), "not_started")
    session.status = SessionStatus.HELD
    names = ["status"]
    if summary:
        session.summary = summary
        names.append("summary")
    save_versioned(session, fields=names, expected_version=expected_version)
    history.record(session, event="training.trainingsession.held", actor=actor)
    return session


@transaction.atomic
def cancel_session(
    session: TrainingSession, *, actor, expected_version: int | None, reason: str
) -> TrainingSession:
    """Cancel a planned session, saying why. Event training.trainingsession.cancelled."""
    require_version(session, expected_version)
    if session.status != SessionStatus.PLANNED:
        raise error("status", _("Only a planned session can be cancelled."), "wrong_status")
    if not (reason or "").strip():
        raise error("reason", _("Say why the session is cancelled."), "reason_required")
    session.status, session.cancel_reason = SessionStatus.CANCELLED, reason
    save_versioned(session, fields=["status", "cancel_reason"], expected_version=expected_version)
    history.record(
        session, event="training.trainingsession.cancelled", actor=actor, data={"reason": reason}
    )
    return session


@transaction.atomic
def invite(session: TrainingSession, *, actor, people) -> list[Attendance]:
    """Invite people to a session; those already on the list are left as they are.
    Event training.attendance.invited for each new attendee."""
    _require_not_cancelled(session)
    people = list(people)
    if not people:
        raise error("people", _("Choose at least one person."), "people_required")
    for person in people:
        require_internal(person, "people")
    known = set(session.attendances.values_list("person_id", flat=True))
    result = Result.PENDING if session.course.has_test else Result.NONE
    created = []
    for person in people:
        if person.pk in known:
            continue
        attendance = Attendance.objects.create(session=session, person=person, result=result)
        history.record(
            attendance,
            event="training.attendance.invited",
            actor=actor,
            data={"session": session.pk},
        )
        created.append(attendance)
    return created


def _check_attendance(attendance: Attendance, fields: dict) -> None:
    course = attendance.session.course
    status, result, score = fields.get("status"), fields.get("result"), fields.get("score")
    if status not in AttendanceStatus.values:
        raise error("status", _("Choose whether the person attended."), "invalid_choice")
    if result not in Result.values:
        raise error("result", _("Choose a result."), "invalid_choice")
    if not course.has_test and result != Result.NONE:
        raise error(
            "result",
            _("This course has no test; leave the result as “No test”."),
            "course_has_no_test",
        )
    if course.has_test and result == Result.NONE:
        raise error("result", _("This course has a test; record its result."), "result_required")
    if result in {Result.PASSED, Result.FAILED} and status != AttendanceStatus.ATTENDED:
        raise error(
            "result", _("Only someone who attended can pass or fail."), "result_needs_attendance"
        )
    if score is not None and not 0 <= score <= 100:
        raise error("score", _("A score is between 0 and 100."), "score_out_of_range")


def _gains_competence(attendance: Attendance) -> bool:
    if attendance.status != AttendanceStatus.ATTENDED:
        return False
    return attendance.result in {Result.NONE, Result.PASSED}


def add_months(day: date, months: int) -> date:
    """The same day `months` later, or the month's last day when it is shorter."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _expiry(competence, achieved_on: date) -> date | None:
    if competence.valid_months is None:
        return None
    return add_months(achieved_on, competence.valid_months)


def sync_competence_records(attendance: Attendance, *, actor) -> None:
    """Give or withdraw the competences of the course after an attendance change."""
    existing = {
        r.competence_id: r for r in attendance.competence_records.filter(withdrawn_at__isnull=True)
    }
    session = attendance.session
    achieved_on = timezone.localdate(session.starts_at)
    if _gains_competence(attendance):
        for competence in session.course.competences.all():
            if competence.pk in existing:
                continue
            record = CompetenceRecord.objects.create(
                person=attendance.person,
                competence=competence,
                achieved_on=achieved_on,
                expires_on=_expiry(competence, achieved_on),
                attendance=attendance,
                source=str(session.course),
                recorded_by=actor,
            )
            history.record(
                record,
                event="training.competencerecord.recorded",
                actor=actor,
                data={"attendance": attendance.pk},
            )
        return
    for record in existing.values():
        record.withdrawn_at, record.withdrawn_reason = timezone.now(), _("Attendance changed")
        save_versioned(
            record, fields=["withdrawn_at", "withdrawn_reason"], expected_version=record.version
        )
        history.record(
            record,
            event="training.competencerecord.withdrawn",
            actor=actor,
            data={"attendance": attendance.pk},
        )


@transaction.atomic
def record_attendance(
    attendance: Attendance, *, actor, expected_version: int | None, **fields
) -> Attendance:
    """Record whether someone attended a held session, their result and certificate number.

    Raises ValidationError (session_not_held, course_has_no_test, result_required,
    result_needs_attendance, score_out_of_range). Event training.attendance.recorded; may
    record or withdraw competence records.
    """
    require_version(attendance, expected_version)
    if attendance.session.status != SessionStatus.HELD:
        raise error(
            "status", _("Mark the session as held before recording attendance."), "session_not_held"
        )
    merged = {name: fields.get(name, getattr(attendance, name)) for name in ATTENDANCE_FIELDS}
    _check_attendance(attendance, merged)
    names = list(fields)
    before = history.snapshot(attendance, names)
    for name, value in fields.items():
        setattr(attendance, name, value)
    save_versioned(attendance, fields=names, expected_version=expected_version)
    history.record(
        attendance,
        event="training.attendance.recorded",
        actor=actor,
        changes=history.diff(before, history.snapshot(attendance, names)),
    )
    sync_competence_records(attendance, actor=actor)
    return attendance


@transaction.atomic
def add_certificate(attendance: Attendance, *, actor, upload):
    """Attach a certificate (PDF, image…) to an attendance, checked by content.
    Event training.attendance.certificate_added."""
    stored = files.store_upload(
        upload, actor=actor, owner=attendance, purpose="certificate", allowed=EVIDENCE_KINDS
    )
    history.record(
        attendance,
        event="training.attendance.certificate_added",
        actor=actor,
        data={"file": str(stored.pk), "name": stored.original_name},
    )
    return stored
