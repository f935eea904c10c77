"""Show document content in the browser, safely.

Bodies are Markdown, rendered with `markdown` and sanitised with `nh3` (no scripts, no
styles, no images, links only to http(s) and mail). Uploaded DOCX and XLSX files are read
on the server and shown as escaped HTML: paragraphs, headings, lists and tables of a Word
file, the cells of each sheet of a workbook. PDF files open in the browser through the
sandboxed download view instead. `file_text` gives the plain text used for search.
"""

import logging

import markdown
import nh3
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from iso20k.files.choices import FileKind

logger = logging.getLogger(__name__)

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "strong", "em", "b", "i", "u",
    "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
    "td", "a", "del", "sup", "sub",
}  # fmt: skip
MAX_BLOCKS = 3000
MAX_ROWS = 500
MAX_COLUMNS = 40
MAX_SHEETS = 20
MAX_TEXT = 400_000


def markdown_to_html(text: str) -> str:
    """Markdown as HTML, before sanitising (the DOCX writer reads the same HTML)."""
    return markdown.markdown(text or "", extensions=["tables", "sane_lists"])


def _demote_headings(html: str) -> str:
    """The page has its own h1: a body's headings start at h2 (h6 stays h6)."""
    for level in range(5, 0, -1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return html


def markdown_html(text: str) -> SafeString:
    clean = nh3.clean(
        markdown_to_html(text),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(_demote_headings(clean))  # noqa: S308  (sanitised by nh3 just above)


def _open(stored):
    return stored.file.open("rb")


def _docx_blocks(stored):
    """(kind, payload) for each paragraph and table of a Word file, in order."""
    from docx import Document as WordDocument
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    with _open(stored) as handle:
        word = WordDocument(handle)
    for count, child in enumerate(word.element.body.iterchildren()):
        if count >= MAX_BLOCKS:
            yield "truncated", None
            return
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, word)
            style = paragraph.style.name if paragraph.style is not None else ""
            yield "paragraph", (style, paragraph.text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, word)
            rows = [[cell.text for cell in row.cells] for row in table.rows[:MAX_ROWS]]
            yield "table", rows


def _heading_level(style: str) -> int | None:
    if style == "Title":
        return 1
    if style.startswith("Heading"):
        digits = style.removeprefix("Heading").strip()
        return int(digits) if digits.isdigit() else 1
    return None


def _table_html(rows: list[list[str]], *, header: bool = True) -> str:
    if not rows:
        return ""
    head, body = (rows[0], rows[1:]) if header else ([], rows)
    head_html = format_html_join("", "<th>{}</th>", ((c,) for c in head))
    body_html = format_html_join(
        "",
        "<tr>{}</tr>",
        ((format_html_join("", "<td>{}</td>", ((c,) for c in row)),) for row in body),
    )
    thead = format_html("<thead><tr>{}</tr></thead>", head_html) if head else ""
    return format_html(
        '<div class="table-responsive"><table class="table table-sm table-bordered">'
        "{}<tbody>{}</tbody></table></div>",
        thead,
        body_html,
    )


def docx_html(stored) -> str:
    parts, items = [], []
    for kind, payload in _docx_blocks(stored):
        if kind == "paragraph" and payload[0].startswith("List"):
            items.append(payload[1])
            continue
        if items:
            parts.append(
                format_html(
                    "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items))
                )
            )
            items = []
        if kind == "paragraph":
            style, text = payload
            if not text.strip():
                continue
            level = _heading_level(style)
            tag = f"h{min(level + 1, 6)}" if level else "p"
            parts.append(format_html("<{0}>{1}</{0}>", mark_safe(tag), text))  # noqa: S308
        elif kind == "table":
            parts.append(_table_html(payload))
        else:
            parts.append(format_html('<p class="text-secondary">{}</p>', "…"))
    if items:
        parts.append(
            format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((i,) for i in items)))
        )
    return "".join(str(p) for p in parts)


def _sheets(stored):
    from openpyxl import load_workbook

    with _open(stored) as handle:
        book = load_workbook(handle, read_only=True, data_only=True)
        try:
            for sheet in book.worksheets[:MAX_SHEETS]:
                rows = []
                for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True):
                    cells = ["" if value is None else str(value) for value in row]
                    while cells and not cells[-1]:
                        cells.pop()
                    rows.append(cells)
                while rows and not rows[-1]:
                    rows.pop()
                width = max((len(r) for r in rows), default=0)
                yield sheet.title, [r + [""] * (width - len(r)) for r in rows]
        finally:
            book.close()


def xlsx_html(stored) -> str:
    parts = []
    for title, rows in _sheets(stored):
        parts.append(str(format_html('<h3 class="h4 mt-3">{}</h3>', title)))
        parts.append(str(_table_html(rows, header=False)) or "<p>—</p>")
    return "".join(parts)


def file_html(stored) -> SafeString | None:
    """The file's content as HTML, or None when it cannot be shown in the page."""
    renderers = {FileKind.DOCX: docx_html, FileKind.XLSX: xlsx_html}
    renderer = renderers.get(stored.kind)
    if renderer is None:
        return None
    try:
        return mark_safe(renderer(stored))  # noqa: S308  (built with format_html: escaped)
    except Exception:  # a damaged file must not break the page
        logger.warning("could not render stored file %s", stored.pk, exc_info=True)
        return None


def file_text(stored) -> str:
    """Plain text of a DOCX or XLSX file for search; empty for other kinds."""
    try:
        if stored.kind == FileKind.DOCX:
            chunks = []
            for kind, payload in _docx_blocks(stored):
                if kind == "paragraph":
                    chunks.append(payload[1])
                elif kind == "table":
                    chunks.extend(" ".join(row) for row in payload)
            return "\n".join(chunks)[:MAX_TEXT]
        if stored.kind == FileKind.XLSX:
            return "\n".join(" ".join(row) for _title, rows in _sheets(stored) for row in rows)[
                :MAX_TEXT
            ]
    except Exception:
        logger.warning("could not read text of stored file %s", stored.pk, exc_info=True)
    return ""
