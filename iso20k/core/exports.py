"""Word and Excel exports that open cleanly in Microsoft Office and LibreOffice.

Every app builds its DOCX with `new_document()` (Chinese fonts set for East Asian text) and
its XLSX with `workbook()` / `add_sheet()`; cells pass through `neutralise()`, so a value
starting with = + - @ is never run as a formula. Responses carry RFC 6266 file names.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import quote

from django.http import HttpResponse
from django.utils import timezone

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LATIN_FONT = "Calibri"
EAST_ASIAN_FONT = "Microsoft YaHei"


def neutralise(value: object) -> object:
    """A cell value that spreadsheet programs show as text, never evaluate as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    if isinstance(value, datetime):
        return timezone.localtime(value).replace(tzinfo=None) if timezone.is_aware(value) else value
    return value


def content_disposition(filename: str, *, inline: bool = False) -> str:
    ascii_name = filename.encode("ascii", "replace").decode().replace('"', "").replace("?", "_")
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def file_response(content: bytes, *, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- XLSX -------------------------------------------------------------------------------


def workbook():
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    return book


def add_sheet(
    book,
    title: str,
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    widths: Sequence[int] | None = None,
):
    """A sheet with a bold, frozen, filterable header row and neutralised cells."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = book.create_sheet(title=_sheet_title(title))
    sheet.append([str(h) for h in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="E8EEF7")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    count = 0
    for row in rows:
        sheet.append([_xlsx_value(v) for v in row])
        count += 1
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
    for index, header in enumerate(headers, start=1):
        width = widths[index - 1] if widths else max(12, min(60, len(str(header)) * 2 + 4))
        sheet.column_dimensions[get_column_letter(index)].width = width
    return sheet


def _sheet_title(title: str) -> str:
    cleaned = "".join(ch for ch in str(title) if ch not in "[]:*?/\\")
    return cleaned[:31] or "Sheet"


def _xlsx_value(value: object) -> object:
    value = neutralise(value)
    if value is None or isinstance(value, int | float | Decimal | date | str | bool):
        return value
    return str(value)


def xlsx_bytes(book) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_response(book, filename: str) -> HttpResponse:
    return file_response(xlsx_bytes(book), filename=filename, content_type=XLSX_TYPE)


# --- CSV --------------------------------------------------------------------------------


def csv_response(headers: Sequence[str], rows: Iterable[Sequence[object]], filename: str):
    """UTF-8 with BOM (Excel opens Chinese correctly), RFC 4180 quoting, neutralised cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([str(h) for h in headers])
    for row in rows:
        writer.writerow(["" if v is None else neutralise(v) for v in row])
    content = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return file_response(content, filename=filename, content_type="text/csv; charset=utf-8")


# --- DOCX -------------------------------------------------------------------------------


def new_document(title: str = ""):
    """A Word document whose styles render Chinese and English with suitable fonts."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Heading 3", "Table Grid"):
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.font.name = LATIN_FONT
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), EAST_ASIAN_FONT)
    document.styles["Normal"].font.size = Pt(10.5)
    if title:
        document.core_properties.title = title
    return document


def add_table(document, headers: Sequence[str], rows: Iterable[Sequence[object]]):
    """A bordered table with a bold header row that repeats on each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rows = list(rows)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    header_cells = table.rows[0].cells
    for cell, text in zip(header_cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    row_properties = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row_properties.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = "" if value is None else str(value)
    return table


def docx_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_response(document, filename: str) -> HttpResponse:
    return file_response(docx_bytes(document), filename=filename, content_type=DOCX_TYPE)
