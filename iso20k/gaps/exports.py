"""The gap report as Word and Excel files, in the reader's language.

It carries the assessment, its score per clause section, every clause's rating with notes
(not-applicable ones with their justification), and the prioritised gaps. The history
chain head is printed in each file.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from iso20k.core import exports
from iso20k.core.i18n import localized
from iso20k.history.models import ChainHead

from . import querysets


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _chain_head() -> str:
    head = ChainHead.objects.filter(pk=1).first()
    if head is None:
        return _("History chain: empty")
    return _("History chain head: #%(seq)s %(hash)s") % {"seq": head.seq, "hash": head.hash[:16]}


def _headers() -> dict:
    return {
        "summary": [_("Clause"), _("Rated"), _("Not applicable"), _("Not rated yet"), _("Score")],
        "ratings": [
            _("Clause"),
            _("Title"),
            _("Rating"),
            _("Notes"),
            _("Justification for not applicable"),
        ],
        "gaps": [
            _("Clause"),
            _("Gap"),
            _("Priority"),
            _("Owner"),
            _("Due date"),
            _("Status"),
            _("Task"),
        ],
    }


def _info(assessment, score) -> list[tuple[str, str]]:
    return [
        (_("Assessment"), str(assessment)),
        (_("Assessment date"), _date(assessment.assessed_on)),
        (_("Assessors"), ", ".join(str(a) for a in assessment.assessors.all())),
        (_("Scope"), assessment.scope),
        (_("Status"), assessment.get_status_display()),
        (_("Programme"), str(assessment.programme or "")),
        (_("Started from"), str(assessment.copied_from or "")),
        (_("Score"), f"{score.percent} %"),
        (_("Conclusions"), assessment.summary),
    ]


def _summary_rows(ratings):
    for number, rows in querysets.by_section(ratings).items():
        section = querysets.score(rows)
        yield [
            number,
            section.rated,
            section.counts["not_applicable"],
            section.unrated,
            f"{section.percent} %",
        ]


def _rating_rows(ratings):
    for r in ratings:
        yield [
            r.clause.number,
            localized(r.clause, "title"),
            r.get_rating_display(),
            r.notes,
            r.justification,
        ]


def _gap_rows(assessment):
    for gap in assessment.gaps.for_list().prioritised():
        yield [
            gap.clause.number,
            gap.description,
            gap.get_priority_display(),
            str(gap.owner or ""),
            _date(gap.due_on),
            gap.get_status_display(),
            str(gap.task or ""),
        ]


def report_docx(assessment) -> bytes:
    ratings = list(assessment.ratings.for_map())
    score = querysets.score(ratings)
    headers = _headers()
    document = exports.new_document(str(assessment))
    document.add_heading(_("Gap assessment report"), level=0)
    exports.add_table(document, [_("Item"), _("Value")], _info(assessment, score))
    document.add_heading(_("Score by clause"), level=1)
    document.add_paragraph(
        _(
            "Each clause is rated 0 (not addressed) to 3 (conforming); the score is the points "
            "reached out of the maximum for the applicable clauses."
        )
    )
    exports.add_table(document, headers["summary"], _summary_rows(ratings))
    document.add_heading(_("Prioritised gaps"), level=1)
    exports.add_table(document, headers["gaps"], _gap_rows(assessment))
    document.add_heading(_("Rating of each clause"), level=1)
    exports.add_table(document, headers["ratings"], _rating_rows(ratings))
    stamp = formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")
    document.add_paragraph(_("Exported on %(when)s.") % {"when": stamp})
    document.add_paragraph(_chain_head())
    return exports.docx_bytes(document)


def report_xlsx(assessment) -> bytes:
    ratings = list(assessment.ratings.for_map())
    score = querysets.score(ratings)
    headers = _headers()
    book = exports.workbook()
    info = [*_info(assessment, score), (_("Exported"), _chain_head())]
    exports.add_sheet(book, _("Assessment"), [_("Item"), _("Value")], info, widths=[24, 80])
    exports.add_sheet(book, _("Score by clause"), headers["summary"], _summary_rows(ratings))
    exports.add_sheet(
        book, _("Gaps"), headers["gaps"], _gap_rows(assessment), widths=[10, 60, 12, 18, 14, 16, 40]
    )
    exports.add_sheet(
        book, _("Ratings"), headers["ratings"], _rating_rows(ratings), widths=[10, 40, 24, 60, 40]
    )
    return exports.xlsx_bytes(book)
