"""Filters of the document register, shared by the page and the API."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import DocumentStatus, ReviewDue, Tier
from .models import Document
from .querysets import internal_people


def _clause_choices():
    from iso20k.catalogue.models import Clause

    return [(c.number, f"{c.number} {c.localized('title')}") for c in Clause.objects.current()]


class DocumentFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    tier = django_filters.ChoiceFilter(
        label=_("Tier"), choices=Tier.choices, empty_label=_("All tiers")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=DocumentStatus.choices, empty_label=_("All statuses")
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=lambda request: internal_people(), empty_label=_("All owners")
    )
    clause = django_filters.ChoiceFilter(
        label=_("Clause"), choices=_clause_choices, method="serving", empty_label=_("All clauses")
    )
    review = django_filters.ChoiceFilter(
        label=_("Review"),
        choices=ReviewDue.choices,
        method="review_due",
        empty_label=_("Any review date"),
    )

    class Meta:
        model = Document
        fields = ["q", "tier", "status", "owner", "clause", "review"]

    def search(self, queryset, name, value):
        from . import access

        user = getattr(self.request, "user", None)
        return queryset.search(value, access.visible_versions(user))

    def serving(self, queryset, name, value: str):
        return queryset.serving_clause(value)

    def review_due(self, queryset, name, value):
        return queryset.review_due(value, timezone.localdate())
