"""Filters of the user and grant lists (shared by pages and the API)."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import Role
from .models import Grant, User


class UserFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=Role.choices, method="with_role", empty_label=_("All roles")
    )
    is_active = django_filters.ChoiceFilter(
        label=_("Status"),
        method="with_status",
        empty_label=_("All users"),
        choices=[("active", _("Active")), ("inactive", _("Deactivated"))],
    )

    class Meta:
        model = User
        fields = ["q", "role", "is_active"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(username__icontains=value)
            | Q(display_name__icontains=value)
            | Q(email__icontains=value)
            | Q(department__icontains=value)
        )

    def with_status(self, queryset, name, value):
        return queryset.filter(is_active=value == "active")

    def with_role(self, queryset, name, value):
        return queryset.filter(pk__in=Grant.objects.active().filter(role=value).values("user_id"))


class GrantFilterSet(django_filters.FilterSet):
    role = django_filters.ChoiceFilter(
        label=_("Role"), choices=Role.choices, empty_label=_("All roles")
    )
    active = django_filters.BooleanFilter(label=_("Active now"), method="only_active")

    class Meta:
        model = Grant
        fields = ["role", "active"]

    def only_active(self, queryset, name, value):
        active = Grant.objects.active().values("pk")
        return queryset.filter(pk__in=active) if value else queryset.exclude(pk__in=active)
