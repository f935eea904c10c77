"""Training and competence (clauses 7.2 and 7.3): competences, courses, sessions, attendance,
requirements per role and the records of who holds which competence.

A competence is held through a CompetenceRecord: made by the services when someone attends
(and, for tested courses, passes) a course that develops it, or recorded by hand for
qualifications gained elsewhere. The matrix compares records with the requirements of
each person's roles.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.choices import Role
from iso20k.core.i18n import BilingualMixin
from iso20k.core.models import TimeStamped, Versioned

from .choices import AttendanceStatus, CourseKind, Result, SessionStatus


class Competence(BilingualMixin, TimeStamped, Versioned):
    """Something a person must know or be able to do, e.g. "auditing the SMS".

    Evidence for 7.2 (competence determined). `valid_months` makes records expire.
    """

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True)
    clauses = models.ManyToManyField(
        "catalogue.Clause", blank=True, related_name="+", verbose_name=_("clauses")
    )
    valid_months = models.PositiveSmallIntegerField(
        _("valid for (months)"), null=True, blank=True, help_text=_("Empty: does not expire.")
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("competence")
        verbose_name_plural = _("competences")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="competence_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(valid_months__isnull=True) | Q(valid_months__gt=0),
                name="competence_validity_positive",
            ),
        ]

    def __str__(self) -> str:
        return self.localized("name")

    def get_absolute_url(self) -> str:
        return reverse("training:competence-detail", args=[self.pk])


class Course(BilingualMixin, TimeStamped, Versioned):
    """A course or awareness activity: the standard, internal auditing, a process, or a
    case-sharing session. Evidence for 7.2 (actions to acquire competence) and 7.3."""

    kind = models.CharField(_("kind"), max_length=20, choices=CourseKind.choices)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    title_zh_hans = models.CharField(_("title (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True)
    competences = models.ManyToManyField(
        Competence, blank=True, related_name="courses", verbose_name=_("competences developed")
    )
    duration_hours = models.DecimalField(
        _("duration (hours)"), max_digits=5, decimal_places=1, default=1
    )
    has_test = models.BooleanField(
        _("has a test"), default=False, help_text=_("Competence is gained only by passing it.")
    )
    provider = models.CharField(_("provider"), max_length=200, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        ordering = ["kind", "title_en", "title_zh_hans"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_en="", title_zh_hans=""), name="course_has_a_title"
            ),
            models.CheckConstraint(condition=Q(duration_hours__gt=0), name="course_has_duration"),
        ]

    def __str__(self) -> str:
        return self.localized("title")

    def get_absolute_url(self) -> str:
        return reverse("training:course-detail", args=[self.pk])

    @property
    def is_awareness(self) -> bool:
        return self.kind in {CourseKind.AWARENESS, CourseKind.CASE_SHARING}


class TrainingSession(TimeStamped, Versioned):
    """One delivery of a course: when, where, by whom; for case-sharing, the case shared."""

    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("course")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    trainer = models.CharField(_("trainer"), max_length=200, blank=True)
    topic = models.CharField(
        _("topic or case"),
        max_length=300,
        blank=True,
        help_text=_("For a case-sharing session: the case presented."),
    )
    summary = models.TextField(_("what was covered"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("training session")
        verbose_name_plural = _("training sessions")
        ordering = ["-starts_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.course} · {self.starts_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("training:session-detail", args=[self.pk])


class Attendance(TimeStamped, Versioned):
    """A person's place in a session: invited, attended or not, result and certificate.

    Evidence for 7.2 (evidence of competence retained) and 7.3 (awareness). Certificates
    are files owned by the attendance.
    """

    session = models.ForeignKey(
        TrainingSession,
        on_delete=models.PROTECT,
        related_name="attendances",
        verbose_name=_("session"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="training_attendances",
        verbose_name=_("person"),
    )
    status = models.CharField(
        _("attendance"),
        max_length=12,
        choices=AttendanceStatus.choices,
        default=AttendanceStatus.INVITED,
    )
    result = models.CharField(
        _("result"), max_length=12, choices=Result.choices, default=Result.NONE
    )
    score = models.PositiveSmallIntegerField(_("score (0–100)"), null=True, blank=True)
    certificate_number = models.CharField(_("certificate number"), max_length=100, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance records")
        ordering = ["person__username"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="attendance_once"),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100), name="attendance_score_range"
            ),
            models.CheckConstraint(
                condition=Q(result__in=[Result.NONE, Result.PENDING])
                | Q(status=AttendanceStatus.ATTENDED),
                name="attendance_result_needs_presence",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.session}"

    def get_absolute_url(self) -> str:
        return reverse("training:attendance-detail", args=[self.pk])


class CompetenceRequirement(TimeStamped, Versioned):
    """A competence every holder of a role must have. Evidence for 7.2 (competence needed
    determined per role); retired, never deleted."""

    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        related_name="requirements",
        verbose_name=_("competence"),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("competence requirement")
        verbose_name_plural = _("competence requirements")
        ordering = ["role", "competence__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["role", "competence"],
                condition=Q(is_active=True),
                name="requirement_once_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_role_display()} · {self.competence}"

    def get_absolute_url(self) -> str:
        return reverse("training:requirement-list")


class CompetenceRecord(TimeStamped, Versioned):
    """That a person holds a competence from a date (until an expiry), and why.

    Evidence for 7.2. Made from an attendance, or recorded by hand for a qualification
    gained elsewhere (with its certificate as a file); withdrawn, never deleted.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="competence_records",
        verbose_name=_("person"),
    )
    competence = models.ForeignKey(
        Competence,
        on_delete=models.PROTECT,
        related_name="records",
        verbose_name=_("competence"),
    )
    achieved_on = models.DateField(_("achieved on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)
    attendance = models.ForeignKey(
        Attendance,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="competence_records",
        verbose_name=_("from attendance"),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_reason = models.CharField(_("reason for withdrawal"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("competence record")
        verbose_name_plural = _("competence records")
        ordering = ["-achieved_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("achieved_on")),
                name="competence_record_expires_after_achieved",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.competence}"

    def get_absolute_url(self) -> str:
        return reverse("training:record-detail", args=[self.pk])
