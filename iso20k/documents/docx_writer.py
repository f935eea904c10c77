"""Word export of a document version: a control block, the body written in Markdown, and
the version history, in one language. Opens cleanly in Word and LibreOffice.

The Markdown goes through the same renderer and sanitiser as the page, then this module
walks the HTML: headings, paragraphs with bold / italic / code, bullet and numbered
lists (numbering restarts for each list), tables, quotes and code blocks.
"""

from html.parser import HTMLParser

import nh3
from django.utils import formats, translation
from django.utils.translation import gettext as _

from iso20k.core.exports import add_table, docx_bytes, new_document

from .rendering import ALLOWED_TAGS, markdown_to_html

VOID = {"br", "hr"}
BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "table", "blockquote", "pre"}


class Node:
    def __init__(self, tag: str, attrs: dict | None = None) -> None:
        self.tag, self.attrs, self.children = tag, attrs or {}, []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_markdown(text: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(nh3.clean(markdown_to_html(text), tags=ALLOWED_TAGS, attributes={}))
    builder.close()
    return builder.root


def _inline(paragraph, node: Node, style: frozenset = frozenset()) -> None:
    for child in node.children:
        if isinstance(child, str):
            if not child.strip("\n"):
                continue
            run = paragraph.add_run(child.replace("\n", " "))
            run.bold = "b" in style or None
            run.italic = "i" in style or None
            if "code" in style:
                run.font.name = "Consolas"
            continue
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag in {"strong", "b"}:
            _inline(paragraph, child, style | {"b"})
        elif child.tag in {"em", "i"}:
            _inline(paragraph, child, style | {"i"})
        elif child.tag == "code":
            _inline(paragraph, child, style | {"code"})
        elif child.tag not in BLOCKS and child.tag not in {"ul", "ol"}:
            _inline(paragraph, child, style)


def _new_numbering(document, style_name: str) -> int | None:
    """A fresh numbering instance of the style's list definition, starting at 1, so that
    each numbered list counts from one instead of continuing the previous list."""
    style = document.styles[style_name]
    num_pr = style.element.pPr.numPr if style.element.pPr is not None else None
    if num_pr is None or num_pr.numId is None:
        return None
    numbering = document.part.numbering_part.element
    abstract_id = numbering.num_having_numId(num_pr.numId.val).abstractNumId.val
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return num.numId


def _use_numbering(paragraph, num_id: int) -> None:
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def _list(document, node: Node, depth: int) -> None:
    ordered = node.tag == "ol"
    base = "List Number" if ordered else "List Bullet"
    style = base if depth == 0 else f"{base} {min(depth + 1, 3)}"
    num_id = _new_numbering(document, style) if ordered else None
    for item in (c for c in node.children if isinstance(c, Node) and c.tag == "li"):
        paragraph = document.add_paragraph(style=style)
        if num_id is not None:
            _use_numbering(paragraph, num_id)
        inline = Node("li")
        inline.children = [
            c for c in item.children if isinstance(c, str) or c.tag not in {"ul", "ol", "p"}
        ]
        for block in (c for c in item.children if isinstance(c, Node) and c.tag == "p"):
            inline.children.extend(block.children)
        _inline(paragraph, inline)
        for nested in (c for c in item.children if isinstance(c, Node) and c.tag in {"ul", "ol"}):
            _list(document, nested, depth + 1)


def _table(document, node: Node) -> None:
    rows = []
    for row in _descendants(node, "tr"):
        rows.append([cell.text().strip() for cell in row.children if isinstance(cell, Node)])
    if not rows:
        return
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    add_table(document, rows[0], rows[1:])
    document.add_paragraph()


def _descendants(node: Node, tag: str):
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                yield child
            else:
                yield from _descendants(child, tag)


def write_markdown(document, text: str) -> None:
    """Append the Markdown `text` to a python-docx document."""
    for node in parse_markdown(text).children:
        if isinstance(node, str):
            if node.strip():
                document.add_paragraph(node.strip())
            continue
        if node.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            document.add_heading(node.text().strip(), level=min(int(node.tag[1]), 4))
        elif node.tag == "p":
            _inline(document.add_paragraph(), node)
        elif node.tag in {"ul", "ol"}:
            _list(document, node, 0)
        elif node.tag == "table":
            _table(document, node)
        elif node.tag == "blockquote":
            for child in node.children:
                if isinstance(child, Node):
                    _inline(document.add_paragraph(style="Quote"), child)
        elif node.tag == "pre":
            run = document.add_paragraph().add_run(node.text())
            run.font.name = "Consolas"


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else "—"


def _control_rows(version, signoffs) -> list[tuple[str, str]]:
    document = version.document
    approvers = [s for s in signoffs if s.kind == "approver"]
    reviewers = [s for s in signoffs if s.kind == "reviewer"]
    return [
        (_("Code"), document.code),
        (_("Tier"), str(document.get_tier_display())),
        (_("Version"), str(version.number)),
        (_("Status"), str(version.get_status_display())),
        (_("Owner"), str(document.owner)),
        (_("Author"), str(version.author)),
        (_("Reviewed by"), ", ".join(str(s.person) for s in reviewers) or "—"),
        (_("Approved by"), ", ".join(str(s.person) for s in approvers) or "—"),
        (_("Effective from"), _date(version.effective_on)),
        (_("Next review due"), _date(version.next_review_on)),
        (_("What changed"), version.change_summary or "—"),
    ]


def version_docx(version, language: str) -> bytes:
    """The version as a Word file in `language` (en or zh-hans)."""
    with translation.override(language):
        document_row = version.document
        title = (
            document_row.title_zh_hans if language == "zh-hans" else document_row.title_en
        ) or document_row.localized("title")
        word = new_document(f"{document_row.code} {title}")
        word.add_heading(title, level=0)
        signoffs = list(version.signoffs.select_related("person"))
        add_table(word, [_("Document control"), ""], _control_rows(version, signoffs))
        if version.status != "approved":
            note = word.add_paragraph().add_run(
                _("Not an approved version: do not use it as the controlled document.")
            )
            note.bold = True
        word.add_paragraph()
        body = version.body_zh_hans if language == "zh-hans" else version.body_en
        body = body or version.body_en or version.body_zh_hans
        if body.strip():
            write_markdown(word, body)
        elif version.file_id:
            word.add_paragraph(
                _("The content of this version is the attached file “%(name)s”.")
                % {"name": version.file.original_name}
            )
        _history(word, version)
        footer = word.sections[0].footer.paragraphs[0]
        footer.text = _("%(code)s v%(number)s · printed copies are not controlled") % {
            "code": document_row.code,
            "number": version.number,
        }
        return docx_bytes(word)


def _history(word, version) -> None:
    earlier = version.document.versions.filter(approved_at__isnull=False).order_by("number")
    rows = [
        (str(v.number), _date(v.effective_on), v.change_summary or "—", str(v.get_status_display()))
        for v in earlier
    ]
    if rows:
        word.add_heading(_("Version history"), level=1)
        add_table(word, [_("Version"), _("Effective from"), _("What changed"), _("Status")], rows)
