"""Roles, scopes and languages of accounts, and the history events this app writes."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class Role(models.TextChoices):
    TOP_MANAGEMENT = "top_management", _("Top management")
    CERTIFICATION_LEAD = "certification_lead", _("Certification lead")
    PROCESS_OWNER = "process_owner", _("Process owner")
    AGENT = "agent", _("Service desk agent")
    INTERNAL_AUDITOR = "internal_auditor", _("Internal auditor")
    EXTERNAL_AUDITOR = "external_auditor", _("External auditor")
    CUSTOMER = "customer", _("Customer")
    STAFF = "staff", _("Staff")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles held by people of the organisation itself (not customers or certification bodies).
INTERNAL_ROLES = frozenset(
    {
        Role.TOP_MANAGEMENT,
        Role.CERTIFICATION_LEAD,
        Role.PROCESS_OWNER,
        Role.AGENT,
        Role.INTERNAL_AUDITOR,
        Role.STAFF,
        Role.ADMINISTRATOR,
    }
)


class ScopeKind(models.TextChoices):
    ORGANISATION = "organisation", _("Whole organisation")
    PROCESS = "process", _("One process (clause)")
    AUDIT = "audit", _("One audit")
    CUSTOMER = "customer", _("One customer")


# Which scopes make sense for each role; the first is the default.
ROLE_SCOPES = {
    Role.TOP_MANAGEMENT: [ScopeKind.ORGANISATION],
    Role.CERTIFICATION_LEAD: [ScopeKind.ORGANISATION],
    Role.PROCESS_OWNER: [ScopeKind.PROCESS, ScopeKind.ORGANISATION],
    Role.AGENT: [ScopeKind.ORGANISATION, ScopeKind.PROCESS],
    Role.INTERNAL_AUDITOR: [ScopeKind.ORGANISATION, ScopeKind.AUDIT],
    Role.EXTERNAL_AUDITOR: [ScopeKind.AUDIT, ScopeKind.ORGANISATION],
    Role.CUSTOMER: [ScopeKind.CUSTOMER],
    Role.STAFF: [ScopeKind.ORGANISATION],
    Role.ADMINISTRATOR: [ScopeKind.ORGANISATION],
}


class Language(models.TextChoices):
    AUTO = "", _("Browser language")
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Simplified Chinese")


events.register(
    {
        "accounts.user.created": _("User created"),
        "accounts.user.updated": _("User updated"),
        "accounts.user.deactivated": _("User deactivated"),
        "accounts.user.reactivated": _("User reactivated"),
        "accounts.user.preferences_changed": _("Preferences changed"),
        "accounts.user.password_changed": _("Password changed"),
        "accounts.user.password_set": _("Password set by an administrator"),
        "accounts.user.logged_in": _("Logged in"),
        "accounts.user.logged_out": _("Logged out"),
        "accounts.user.login_failed": _("Login failed"),
        "accounts.user.locked_out": _("Login paused after repeated failures"),
        "accounts.grant.granted": _("Role granted"),
        "accounts.grant.updated": _("Role grant changed"),
        "accounts.grant.revoked": _("Role revoked"),
        "accounts.token.issued": _("API token issued"),
        "accounts.token.revoked": _("API token revoked"),
    }
)
