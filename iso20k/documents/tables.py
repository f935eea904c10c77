"""Tables of the document pages."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import localized

from .models import Document


class DocumentTable(tables.Table):
    code = tables.Column(
        verbose_name=_("Code"), linkify=True, attrs={"td": {"class": "text-nowrap"}}
    )
    title = tables.Column(verbose_name=_("Title"), empty_values=(), order_by=("title_en",))
    tier = tables.Column(verbose_name=_("Tier"))
    status = tables.Column(verbose_name=_("Status"))
    owner = tables.Column(verbose_name=_("Owner"), order_by=("owner__display_name",))
    clauses = tables.Column(verbose_name=_("Clauses"), empty_values=(), orderable=False)
    next_review = tables.Column(
        verbose_name=_("Next review"),
        empty_values=(),
        order_by=("current_version__next_review_on",),
    )
    reading = tables.Column(verbose_name=_("Read"), empty_values=(), orderable=False)

    class Meta:
        model = Document
        fields = ["code", "title", "tier", "status", "owner", "clauses", "next_review", "reading"]
        attrs = {"class": "table table-vcenter card-table", "id": "document-table"}
        empty_text = _(
            "No document matches. Clear the filters, register a document or generate one "
            "from a template."
        )

    def render_title(self, record):
        return localized(record, "title")

    def render_tier(self, record):
        return record.get_tier_display().split("·")[0].strip()

    def render_status(self, record):
        return render_to_string("documents/_document_status.html", {"document": record})

    def render_clauses(self, record):
        numbers = [c.number for c in record.clauses.all()]
        shown = ", ".join(numbers[:4])
        return f"{shown} +{len(numbers) - 4}" if len(numbers) > 4 else shown or "—"

    def render_next_review(self, record):
        return render_to_string("documents/_review_due.html", {"version": record.current_version})

    def render_reading(self, record):
        if not record.readers:
            return "—"
        return f"{record.readers_done}/{record.readers}"
