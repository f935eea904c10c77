"""Kinds of courses, states of sessions and attendance, and the history events of this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class CourseKind(models.TextChoices):
    AWARENESS = "awareness", _("Awareness of the standard")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor training")
    PROCESS = "process", _("Process training")
    CASE_SHARING = "case_sharing", _("Case-sharing session")
    OTHER = "other", _("Other")


# Kinds that count as awareness activities (7.3), the seed's case-sharing sessions included.
AWARENESS_KINDS = [CourseKind.AWARENESS, CourseKind.CASE_SHARING]


class SessionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    CANCELLED = "cancelled", _("Cancelled")


class AttendanceStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    ATTENDED = "attended", _("Attended")
    ABSENT = "absent", _("Absent")
    EXCUSED = "excused", _("Excused")


class Result(models.TextChoices):
    NONE = "none", _("No test")
    PENDING = "pending", _("Not marked yet")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")


class MatrixCell(models.TextChoices):
    HELD = "held", _("Held")
    MISSING = "missing", _("Required, missing")
    EXPIRED = "expired", _("Required, expired")
    EXTRA = "extra", _("Held, not required")
    NONE = "none", _("Not required")


events.register(
    {
        "training.competence.created": _("Competence defined"),
        "training.competence.updated": _("Competence edited"),
        "training.course.created": _("Course created"),
        "training.course.updated": _("Course edited"),
        "training.trainingsession.scheduled": _("Session scheduled"),
        "training.trainingsession.updated": _("Session edited"),
        "training.trainingsession.held": _("Session held"),
        "training.trainingsession.cancelled": _("Session cancelled"),
        "training.attendance.invited": _("Invited to a session"),
        "training.attendance.recorded": _("Attendance and result recorded"),
        "training.attendance.certificate_added": _("Certificate attached"),
        "training.competencerequirement.set": _("Competence required for a role"),
        "training.competencerequirement.retired": _("Competence requirement retired"),
        "training.competencerecord.recorded": _("Competence recorded"),
        "training.competencerecord.withdrawn": _("Competence record withdrawn"),
        "training.competencerecord.file_added": _("Evidence attached"),
    }
)
