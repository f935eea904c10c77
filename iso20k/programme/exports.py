"""The programme plan as Word and Excel files, in the reader's language.

Both carry the charter, milestones, team, RACI and tasks; the budget only for those who
may see it. The history chain head is printed in each, so a later truncation of the
history can be detected against the file.
"""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from iso20k.core import exports
from iso20k.history.models import ChainHead

from . import querysets, raci
from .choices import Purpose


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _money(value) -> str:
    return formats.number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)


def chain_head_text() -> str:
    head = ChainHead.objects.filter(pk=1).first()
    if head is None:
        return _("History chain: empty")
    return _("History chain head: #%(seq)s %(hash)s") % {"seq": head.seq, "hash": head.hash[:16]}


def _charter_rows(programme, progress) -> list[tuple[str, str]]:
    purposes = dict(Purpose.choices)
    return [
        (_("Kind"), programme.get_kind_display()),
        (_("Status"), programme.get_status_display()),
        (_("Purposes"), "; ".join(str(purposes.get(p, p)) for p in programme.purposes)),
        (_("Objectives"), programme.localized("objectives")),
        (_("SMS scope version"), str(programme.scope_statement or "")),
        (_("Scope notes"), programme.localized("scope_note")),
        (_("Start date"), _date(programme.starts_on)),
        (_("Target certification date"), _date(programme.target_on)),
        (_("Sponsor"), str(programme.sponsor)),
        (_("Project lead"), str(programme.lead)),
        (_("Approved by"), str(programme.decided_by or "") if programme.approved_at else ""),
        (
            _("Approved at"),
            _date(timezone.localtime(programme.approved_at).date())
            if programme.approved_at
            else "",
        ),
        (_("Progress"), f"{progress.percent} % ({progress.done}/{progress.total})"),
    ]


def _milestone_rows(programme):
    for m in programme.milestones.with_task_counts():
        yield [
            m.get_stage_display(),
            str(m),
            _date(m.planned_start_on),
            _date(m.planned_end_on),
            _date(m.actual_start_on),
            _date(m.actual_end_on),
            m.get_status_display(),
            f"{m.task_done}/{m.task_total}",
        ]


def _headers():
    return {
        "milestones": [
            _("Stage"),
            _("Milestone"),
            _("Planned start"),
            _("Planned end"),
            _("Actual start"),
            _("Actual end"),
            _("Status"),
            _("Tasks done"),
        ],
        "budget": [
            _("Category"),
            _("Description"),
            _("Planned amount"),
            _("Actual amount"),
            _("Variance"),
            _("Note"),
        ],
        "team": [
            _("Person"),
            _("Role in the programme"),
            _("Department"),
            _("Process owned"),
            _("Responsibilities"),
            _("Joined on"),
            _("Left on"),
        ],
        "tasks": [
            _("Task"),
            _("Owner"),
            _("Priority"),
            _("Status"),
            _("Start date"),
            _("Due date"),
            _("Milestone"),
            _("Clause"),
        ],
    }


def _budget_rows(programme, *, numbers: bool):
    for line in programme.budget_lines.active():
        amounts = [line.planned_amount, line.actual_amount, line.variance]
        yield [
            line.get_category_display(),
            str(line),
            *(amounts if numbers else [_money(a) for a in amounts]),
            line.note,
        ]


def _team_rows(programme):
    for m in programme.team.for_list().in_role_order():
        yield [
            str(m.person),
            m.get_role_display(),
            m.department,
            m.process.number if m.process else "",
            m.responsibilities,
            _date(m.joined_on),
            _date(m.left_on),
        ]


def _task_rows(programme):
    for t in programme.tasks.for_list().order_by("due_on", "pk"):
        yield [
            t.title,
            str(t.owner),
            t.get_priority_display(),
            t.get_status_display(),
            _date(t.starts_on),
            _date(t.due_on),
            str(t.milestone or ""),
            t.clause.number if t.clause else "",
        ]


def _raci_rows(programme):
    data = raci.matrix(programme)
    headers = [_("Process"), *[str(m.person) for m in data["members"]]]
    rows = [[str(row["clause"]), *row["cells"]] for row in data["rows"] if any(row["cells"])]
    return headers, rows


def plan_docx(programme, *, with_budget: bool) -> bytes:
    progress = querysets.progress_of(programme)
    headers = _headers()
    document = exports.new_document(str(programme))
    document.add_heading(_("Certification programme plan"), level=0)
    document.add_paragraph(str(programme))
    document.add_heading(_("Charter"), level=1)
    exports.add_table(document, [_("Item"), _("Value")], _charter_rows(programme, progress))
    document.add_heading(_("Milestones"), level=1)
    exports.add_table(document, headers["milestones"], _milestone_rows(programme))
    if with_budget:
        totals = programme.budget_lines.active().totals()
        document.add_heading(_("Budget (%(currency)s)") % {"currency": programme.currency}, 1)
        rows = list(_budget_rows(programme, numbers=False))
        rows.append(
            [
                _("Total"),
                "",
                _money(totals["planned"]),
                _money(totals["actual"]),
                _money(totals["variance"]),
                "",
            ]
        )
        exports.add_table(document, headers["budget"], rows)
    document.add_heading(_("Team"), level=1)
    exports.add_table(document, headers["team"], _team_rows(programme))
    raci_headers, raci_rows = _raci_rows(programme)
    if raci_rows:
        document.add_heading(_("RACI of processes"), level=1)
        exports.add_table(document, raci_headers, raci_rows)
    document.add_heading(_("Tasks"), level=1)
    exports.add_table(document, headers["tasks"], _task_rows(programme))
    document.add_paragraph(
        _("Exported on %(when)s.")
        % {"when": formats.date_format(timezone.localtime(), "SHORT_DATETIME_FORMAT")}
    )
    document.add_paragraph(chain_head_text())
    return exports.docx_bytes(document)


def plan_xlsx(programme, *, with_budget: bool) -> bytes:
    progress = querysets.progress_of(programme)
    headers = _headers()
    book = exports.workbook()
    charter = _charter_rows(programme, progress) + [(_("Exported"), chain_head_text())]
    exports.add_sheet(book, _("Charter"), [_("Item"), _("Value")], charter, widths=[28, 80])
    exports.add_sheet(book, _("Milestones"), headers["milestones"], _milestone_rows(programme))
    if with_budget:
        sheet = exports.add_sheet(
            book, _("Budget"), headers["budget"], _budget_rows(programme, numbers=True)
        )
        last = sheet.max_row
        sheet.append(
            [
                _("Total"),
                programme.currency,
                f"=SUM(C2:C{last})",
                f"=SUM(D2:D{last})",
                f"=SUM(E2:E{last})",
                "",
            ]
        )
        for row in sheet.iter_rows(min_row=2, min_col=3, max_col=5):
            for cell in row:
                cell.number_format = "#,##0.00"
    exports.add_sheet(book, _("Team"), headers["team"], _team_rows(programme))
    raci_headers, raci_rows = _raci_rows(programme)
    exports.add_sheet(book, _("RACI"), raci_headers, raci_rows)
    exports.add_sheet(book, _("Tasks"), headers["tasks"], _task_rows(programme))
    return exports.xlsx_bytes(book)
