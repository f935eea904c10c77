"""Excel exports of the register (the master list auditors ask for) and of the mandatory
documented information overview. Built with core.exports (cells neutralised)."""

from django.utils.translation import gettext as _

from iso20k.core import exports

from . import coverage


def register_workbook(documents):
    book = exports.workbook()
    headers = [
        _("Code"), _("Tier"), _("Title (Chinese)"), _("Title (English)"), _("Status"),
        _("Version in force"), _("Effective from"), _("Next review due"), _("Owner"), _("Clauses"),
    ]  # fmt: skip
    rows = (
        [
            d.code,
            d.get_tier_display(),
            d.title_zh_hans,
            d.title_en,
            d.get_status_display(),
            d.current_version.number if d.current_version else "",
            d.current_version.effective_on if d.current_version else None,
            d.current_version.next_review_on if d.current_version else None,
            str(d.owner),
            ", ".join(c.number for c in d.clauses.all()),
        ]
        for d in documents
    )
    widths = [16, 22, 36, 40, 12, 10, 14, 14, 20, 30]
    exports.add_sheet(book, _("Document register"), headers, rows, widths=widths)
    return book


def coverage_workbook(summary: coverage.Summary):
    labels = {
        coverage.COVERED: _("Covered"),
        coverage.OVERDUE: _("Review overdue"),
        coverage.DRAFT_ONLY: _("Draft only"),
        coverage.MISSING: _("Missing"),
    }
    rows = [
        [
            group.clause.number,
            item.information.localized("title"),
            item.information.get_kind_display(),
            labels[item.state],
            ", ".join(f"{d.code} ({d.get_status_display()})" for d in item.documents),
        ]
        for group in summary.groups
        for item in group.items
    ]
    book = exports.workbook()
    headers = [_("Clause"), _("Documented information"), _("Kind"), _("State"), _("Documents")]
    exports.add_sheet(book, _("Mandatory information"), headers, rows, widths=[10, 50, 18, 16, 60])
    return book
