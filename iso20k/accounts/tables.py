"""Tables of the administration pages."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Grant, User


class UserTable(tables.Table):
    username = tables.Column(verbose_name=_("User name"), linkify=True)
    display_name = tables.Column(verbose_name=_("Display name"))
    department = tables.Column(verbose_name=_("Department"))
    roles = tables.Column(verbose_name=_("Roles"), empty_values=(), orderable=False)
    is_active = tables.BooleanColumn(verbose_name=_("Active"))
    last_login = tables.DateTimeColumn(verbose_name=_("Last login"), format="SHORT_DATETIME_FORMAT")

    class Meta:
        model = User
        fields = ["username", "display_name", "department", "roles", "is_active", "last_login"]
        attrs = {"class": "table table-vcenter card-table", "id": "user-table"}
        empty_text = _("No users match. Clear the filters or create a user.")

    def render_roles(self, record):
        return render_to_string("accounts/_role_badges.html", {"grants": record.active_grant_list})


class GrantTable(tables.Table):
    role = tables.Column(verbose_name=_("Role"), linkify=True)
    scope = tables.Column(verbose_name=_("Scope"), empty_values=(), orderable=False)
    valid_from = tables.DateTimeColumn(verbose_name=_("Valid from"), format="SHORT_DATETIME_FORMAT")
    valid_until = tables.DateTimeColumn(
        verbose_name=_("Valid until"), format="SHORT_DATETIME_FORMAT", default="—"
    )
    state = tables.Column(verbose_name=_("State"), empty_values=(), orderable=False)

    class Meta:
        model = Grant
        fields = ["role", "scope", "valid_from", "valid_until", "state"]
        attrs = {"class": "table table-vcenter card-table", "id": "grant-table"}
        empty_text = _("No roles granted yet.")

    def render_scope(self, record):
        from . import scopes

        text = record.get_scope_kind_display()
        return (
            f"{text} · {scopes.label(record.scope_kind, record.scope_ref)}"
            if record.scope_ref
            else text
        )

    def render_state(self, record):
        return render_to_string("accounts/_grant_state.html", {"grant": record})
