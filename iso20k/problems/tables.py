"""Tables of the problem and known-error lists."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import KnownError, Problem


class ProblemTable(tables.Table):
    reference = tables.Column(
        verbose_name=_("Reference"), linkify=True, accessor="pk", order_by=("id",)
    )
    subject = tables.Column(verbose_name=_("Subject"))
    status = tables.Column(verbose_name=_("Status"))
    priority = tables.Column(verbose_name=_("Priority"))
    service = tables.Column(verbose_name=_("Service"), default="—")
    incident_count = tables.Column(verbose_name=_("Incidents"))
    assignee = tables.Column(verbose_name=_("Problem manager"), default="—")
    reported_at = tables.DateTimeColumn(verbose_name=_("Raised"), format="SHORT_DATE_FORMAT")

    class Meta:
        model = Problem
        fields = [
            "reference",
            "subject",
            "status",
            "priority",
            "service",
            "incident_count",
            "assignee",
            "reported_at",
        ]
        attrs = {"class": "table table-vcenter card-table", "id": "problem-table"}
        empty_text = _("No problems match. Raise one from an incident or from the trends page.")

    def render_reference(self, record):
        return record.reference


class KnownErrorTable(tables.Table):
    reference = tables.Column(
        verbose_name=_("Reference"), linkify=True, accessor="pk", order_by=("id",)
    )
    title = tables.Column(verbose_name=_("Title"))
    service = tables.Column(verbose_name=_("Service"), default="—")
    category = tables.Column(verbose_name=_("Category"))
    status = tables.Column(verbose_name=_("Status"))
    published_at = tables.DateTimeColumn(verbose_name=_("Published"), format="SHORT_DATE_FORMAT")

    class Meta:
        model = KnownError
        fields = ["reference", "title", "service", "category", "status", "published_at"]
        attrs = {"class": "table table-vcenter card-table", "id": "knownerror-table"}
        empty_text = _("No known errors match. Record one from a problem whose cause is known.")

    def render_reference(self, record):
        return record.reference
