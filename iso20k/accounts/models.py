"""People and what they may do: users with preferences, and scoped, time-limited role grants.

A grant gives one role to one user for one scope (the whole organisation, a process, an
audit or a customer) between valid_from and valid_until. Evidence for 5.3 (roles,
responsibilities and authorities). Changes go through services.py; checks through access.py.
"""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned

from .choices import Language, Role, ScopeKind


def default_time_zone() -> str:
    return settings.TIME_ZONE


PERSON_FIELDS = ("display_name", "first_name", "last_name", "username")


def person_label(values) -> str:
    """How a person is called everywhere: display name, else full name, else user name (from
    a user or from the dict of its PERSON_FIELDS when an option list reads them)."""
    full_name = f"{values['first_name']} {values['last_name']}".strip()
    return values["display_name"] or full_name or values["username"]


class User(AbstractUser, Versioned):
    """A person who signs in: staff of the organisation, a customer or an external auditor."""

    display_name = models.CharField(_("display name"), max_length=150, blank=True)
    department = models.CharField(_("department"), max_length=100, blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=Language.choices, blank=True, default=""
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default=default_time_zone)

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["username"]

    def __str__(self) -> str:
        return person_label({name: getattr(self, name) for name in PERSON_FIELDS})

    def get_absolute_url(self) -> str:
        return reverse("accounts:user-detail", args=[self.pk])


class GrantQuerySet(models.QuerySet):
    def active(self, at=None) -> "GrantQuerySet":
        at = at or timezone.now()
        return self.filter(valid_from__lte=at).filter(
            Q(valid_until__isnull=True) | Q(valid_until__gt=at),
            Q(revoked_at__isnull=True) | Q(revoked_at__gt=at),
        )

    def for_list(self) -> "GrantQuerySet":
        return self.select_related("user", "granted_by")


class Grant(TimeStamped, Versioned):
    """One role for one user in one scope, valid for a period; revoked, never deleted."""

    user = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="grants", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    scope_kind = models.CharField(
        _("scope"), max_length=16, choices=ScopeKind.choices, default=ScopeKind.ORGANISATION
    )
    scope_ref = models.CharField(
        _("scope reference"),
        max_length=64,
        blank=True,
        help_text=_("The clause number, audit or customer the grant is limited to."),
    )
    valid_from = models.DateTimeField(_("valid from"), default=timezone.now)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    granted_by = models.ForeignKey(
        User, on_delete=models.PROTECT, related_name="+", verbose_name=_("granted by")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        User,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = GrantQuerySet.as_manager()

    class Meta:
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        ordering = ["user__username", "role"]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="grant_valid_until_after_valid_from",
            ),
            models.CheckConstraint(
                condition=Q(scope_kind=ScopeKind.ORGANISATION, scope_ref="")
                | (~Q(scope_kind=ScopeKind.ORGANISATION) & ~Q(scope_ref="")),
                name="grant_scope_ref_matches_kind",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.EXTERNAL_AUDITOR) | Q(valid_until__isnull=False),
                name="grant_external_auditor_time_limited",
            ),
        ]

    def __str__(self) -> str:
        scope = self.get_scope_kind_display()
        if self.scope_ref:
            scope = f"{scope} {self.scope_ref}"
        return f"{self.user} · {self.get_role_display()} · {scope}"

    def get_absolute_url(self) -> str:
        return reverse("accounts:grant-detail", args=[self.pk])

    def is_active(self, at=None) -> bool:
        at = at or timezone.now()
        if self.revoked_at is not None or self.valid_from > at:
            return False
        return self.valid_until is None or self.valid_until > at
