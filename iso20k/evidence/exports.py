"""A snapshot as PDF or XLSX, in either language: what auditors file with their report.

Both carry the snapshot's signature and the history chain head, so a later truncation or
rewrite of the history can be detected against the printed copy.
"""

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from iso20k.core.exports import add_sheet, file_response, workbook, xlsx_response

from . import messages as texts
from . import scoring
from .models import Snapshot
from .results import Status


def _rows(snapshot: Snapshot) -> list[list[object]]:
    labels = dict(Status.choices)
    rows = []
    for outcome in snapshot.evaluation.outcomes.order_by("code"):
        check = texts.registry.get(outcome.code)
        rows.append(
            [
                outcome.code,
                ", ".join(check.clauses) if check else "",
                texts.title(outcome.code),
                str(labels.get(outcome.status, outcome.status)),
                texts.render(outcome.code, outcome.status, outcome.params),
                outcome.ref_count,
            ]
        )
    return rows


def _clause_rows(snapshot: Snapshot) -> list[list[object]]:
    outcomes = {o.code: o.status for o in snapshot.evaluation.outcomes.all()}
    readiness = scoring.compute(outcomes, snapshot.evaluation.as_of)
    rows = []
    for item in readiness.clauses:
        rows.append(
            [
                item.number,
                item.clause.localized("title"),
                "" if item.check_score is None else item.check_score,
                item.judgement.label if item.judgement else "",
                item.score,
            ]
        )
    return rows


def _facts(snapshot: Snapshot) -> list[tuple[str, str]]:
    evaluation = snapshot.evaluation
    return [
        (_("Snapshot"), snapshot.name),
        (_("Audit reference"), snapshot.audit_ref or "—"),
        (_("Readiness as of"), date_format(localtime(evaluation.as_of), "DATETIME_FORMAT")),
        (
            _("Taken"),
            f"{date_format(localtime(snapshot.created_at), 'DATETIME_FORMAT')} · "
            f"{snapshot.taken_by}",
        ),
        (_("Readiness score"), f"{evaluation.score} / 100"),
        (_("History chain head"), f"#{snapshot.head_seq} {snapshot.head_hash}"),
        (_("Signature (HMAC-SHA256)"), f"{snapshot.key_id}:{snapshot.signature}"),
    ]


def _xlsx(snapshot: Snapshot, filename: str) -> HttpResponse:
    book = workbook()
    add_sheet(book, _("Snapshot"), [_("Field"), _("Value")], _facts(snapshot), widths=[28, 90])
    add_sheet(
        book,
        _("Clauses"),
        [_("Clause"), _("Title"), _("Check score"), _("Gap assessment"), _("Score")],
        _clause_rows(snapshot),
        widths=[10, 60, 14, 28, 10],
    )
    add_sheet(
        book,
        _("Checks"),
        [_("Check"), _("Clauses"), _("What it checks"), _("Status"), _("Result"), _("Records")],
        _rows(snapshot),
        widths=[30, 12, 60, 16, 80, 10],
    )
    return xlsx_response(book, filename)


def _pdf(snapshot: Snapshot, filename: str) -> HttpResponse:
    import io

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=8.5, leading=11)
    heading = ParagraphStyle("heading", parent=body, fontSize=14, leading=18, spaceAfter=6)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        title=snapshot.name,
        leftMargin=36,
        rightMargin=36,
        topMargin=36,
        bottomMargin=36,
    )

    def table(rows, widths):
        cells = [[Paragraph(str(value), body) for value in row] for row in rows]
        result = Table(cells, colWidths=widths, repeatRows=1)
        result.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF7")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return result

    story = [
        Paragraph(_("ISO/IEC 20000-1 readiness snapshot"), heading),
        table([[_("Field"), _("Value")], *_facts(snapshot)], [150, 610]),
        Spacer(1, 12),
        table(
            [
                [_("Clause"), _("Title"), _("Check score"), _("Gap assessment"), _("Score")],
                *_clause_rows(snapshot),
            ],
            [50, 370, 80, 180, 80],
        ),
        Spacer(1, 12),
        table(
            [
                [
                    _("Check"),
                    _("Clauses"),
                    _("What it checks"),
                    _("Status"),
                    _("Result"),
                    _("Records"),
                ],
                *_rows(snapshot),
            ],
            [120, 50, 190, 60, 300, 40],
        ),
    ]
    document.build(story)
    return file_response(buffer.getvalue(), filename=filename, content_type="application/pdf")


def snapshot_response(snapshot: Snapshot, fmt: str, language: str) -> HttpResponse:
    if fmt not in {"pdf", "xlsx"} or language not in {"en", "zh-hans"}:
        raise Http404
    filename = f"readiness-snapshot-{snapshot.created_at:%Y%m%d}-{language}.{fmt}"
    with translation.override(language):
        return _pdf(snapshot, filename) if fmt == "pdf" else _xlsx(snapshot, filename)
