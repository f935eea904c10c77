"""The cross-functional programme team and the RACI of processes to people."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned

from ..choices import ProgrammeRole, Raci
from ..querysets import TeamMemberQuerySet


class TeamMember(TimeStamped, Versioned):
    """A person's role in the programme team (sponsor, lead, process owner, auditor…).

    Evidence for 5.3 (roles, responsibilities and authorities are assigned) and for the
    seed's cross-functional team (department kept per membership). A person may hold
    several roles; leaving sets left_on and keeps the row.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="team",
        verbose_name=_("programme"),
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="programme_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(
        _("role in the programme"), max_length=20, choices=ProgrammeRole.choices
    )
    department = models.CharField(_("department"), max_length=100, blank=True)
    process = models.ForeignKey(
        "catalogue.Clause",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("process owned"),
    )
    responsibilities = models.TextField(_("responsibilities"), blank=True)
    joined_on = models.DateField(_("joined on"))
    left_on = models.DateField(_("left on"), null=True, blank=True)

    objects = TeamMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["role", "person__username"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "role"],
                condition=Q(left_on__isnull=True),
                name="team_member_role_once",
            ),
            models.CheckConstraint(
                condition=Q(left_on__isnull=True) | Q(left_on__gte=models.F("joined_on")),
                name="team_member_left_after_joined",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        return reverse("programme:member-detail", args=[self.pk])


class ProcessRaci(TimeStamped, Versioned):
    """Who is Responsible, Accountable, Consulted and Informed for one process (clause).

    Evidence for 5.3 and 8.1 (responsibilities for each process). The row is the unit of
    editing and locking; its assignments are replaced as a whole.
    """

    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="raci_rows",
        verbose_name=_("programme"),
    )
    clause = models.ForeignKey(
        "catalogue.Clause", on_delete=models.PROTECT, related_name="+", verbose_name=_("process")
    )
    # A readable copy of the letters ("Li Na: A; Zhang Wei: R"), so that history shows
    # who held which letter even after people leave the team.
    summary = models.TextField(_("assignments"), blank=True)

    class Meta:
        verbose_name = _("process RACI")
        verbose_name_plural = _("process RACIs")
        ordering = ["clause__sort_key"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "clause"], name="raci_one_row_per_process")
        ]

    def __str__(self) -> str:
        return str(_("RACI of %(process)s") % {"process": self.clause})

    def get_absolute_url(self) -> str:
        return reverse("programme:raci-edit", args=[self.programme_id, self.clause.number])


class RaciAssignment(models.Model):
    """One letter (R, A, C or I) for one team member in one process's RACI."""

    raci = models.ForeignKey(
        ProcessRaci, on_delete=models.CASCADE, related_name="assignments", verbose_name=_("RACI")
    )
    member = models.ForeignKey(
        TeamMember, on_delete=models.PROTECT, related_name="+", verbose_name=_("team member")
    )
    letter = models.CharField(_("RACI letter"), max_length=1, choices=Raci.choices)

    class Meta:
        verbose_name = _("RACI assignment")
        verbose_name_plural = _("RACI assignments")
        constraints = [
            models.UniqueConstraint(fields=["raci", "member"], name="raci_one_letter_per_member"),
            models.UniqueConstraint(
                fields=["raci"], condition=Q(letter="A"), name="raci_one_accountable"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.letter} · {self.member}"

    def get_absolute_url(self) -> str:
        return self.raci.get_absolute_url()
