"""Who may read and change training and competence records.

The organisation's people see courses and sessions and their own training; the lead,
top management, the administrator and auditors (internal and external) read everyone's
records and the competence matrix; the lead and the administrator manage them.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role

from .models import Attendance, Competence, CompetenceRecord, Course, TrainingSession


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_view_all(user) -> bool:
    if accounts.is_administrator(user):
        return True
    return accounts.has_role(
        user,
        Role.CERTIFICATION_LEAD,
        Role.TOP_MANAGEMENT,
        Role.INTERNAL_AUDITOR,
        Role.EXTERNAL_AUDITOR,
    )


def can_manage(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, Role.CERTIFICATION_LEAD)


def check_view(user) -> None:
    if not can_view(user):
        raise Http404


def check_view_all(user) -> None:
    if not can_view_all(user):
        raise Http404


def check_manage(user) -> None:
    check_view(user)
    if not can_manage(user):
        raise PermissionDenied


def visible_courses(user) -> QuerySet[Course]:
    return Course.objects.all() if can_view(user) else Course.objects.none()


def visible_sessions(user) -> QuerySet[TrainingSession]:
    if not can_view(user):
        return TrainingSession.objects.none()
    return TrainingSession.objects.select_related("course")


def visible_competences(user) -> QuerySet[Competence]:
    return Competence.objects.all() if can_view(user) else Competence.objects.none()


def visible_attendances(user) -> QuerySet[Attendance]:
    if can_view_all(user):
        return Attendance.objects.select_related("person", "session__course")
    if can_view(user):
        return Attendance.objects.select_related("person", "session__course").filter(person=user)
    return Attendance.objects.none()


def visible_records(user) -> QuerySet[CompetenceRecord]:
    records = CompetenceRecord.objects.select_related("person", "competence", "recorded_by")
    if can_view_all(user):
        return records
    if can_view(user):
        return records.filter(person=user)
    return CompetenceRecord.objects.none()


def _get(queryset, pk, user, action: str):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    if action == "manage" and not can_manage(user):
        raise PermissionDenied
    return obj


def get_course_for(user, pk: int, action: str = "view") -> Course:
    return _get(visible_courses(user), pk, user, action)


def get_session_for(user, pk: int, action: str = "view") -> TrainingSession:
    return _get(visible_sessions(user), pk, user, action)


def get_competence_for(user, pk: int, action: str = "view") -> Competence:
    return _get(visible_competences(user), pk, user, action)


def get_attendance_for(user, pk: int, action: str = "view") -> Attendance:
    return _get(visible_attendances(user), pk, user, action)


def get_record_for(user, pk: int, action: str = "view") -> CompetenceRecord:
    return _get(visible_records(user), pk, user, action)
