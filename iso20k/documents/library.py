"""The template set: bilingual Markdown templates for every tier, kept as data files in
templates_data/<code>.yaml, and their rendering with the organisation's own data.

A template names its tier, default document code, titles, the clauses it serves, the
documented information it covers, and a body per language with placeholders such as
{{ organisation.name }} or {{ services_table }} (see template_context.build).
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.template import Context, Engine

from iso20k.core.i18n import language_suffix

DATA = Path(__file__).resolve().parent / "templates_data"
_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")
LANGUAGES = ("en", "zh-hans")


@dataclass(frozen=True)
class DocumentTemplate:
    code: str
    tier: str
    document_code: str
    title: dict
    purpose: dict
    clauses: tuple[str, ...]
    covers: tuple[str, ...]
    review_interval_months: int
    body: dict
    position: int

    def localized(self, field: str, language: str | None = None) -> str:
        values = getattr(self, field)
        key = "zh-hans" if language_suffix(language) == "zh_hans" else "en"
        return values.get(key) or values.get("en", "")

    @property
    def title_en(self) -> str:
        return self.title.get("en", "")

    @property
    def title_zh_hans(self) -> str:
        return self.title.get("zh-hans", "")

    @property
    def purpose_en(self) -> str:
        return self.purpose.get("en", "")

    @property
    def purpose_zh_hans(self) -> str:
        return self.purpose.get("zh-hans", "")


def _load(path: Path) -> DocumentTemplate:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return DocumentTemplate(
        code=path.stem,
        tier=data["tier"],
        document_code=data["document_code"],
        title=data["title"],
        purpose=data.get("purpose") or {},
        clauses=tuple(str(c) for c in data.get("clauses") or ()),
        covers=tuple(data.get("covers") or ()),
        review_interval_months=int(data.get("review_interval_months", 12)),
        body=data["body"],
        position=int(data.get("position", 100)),
    )


@functools.cache
def all_templates() -> tuple[DocumentTemplate, ...]:
    templates = [_load(path) for path in sorted(DATA.glob("*.yaml"))]
    return tuple(sorted(templates, key=lambda t: (t.tier, t.position, t.document_code)))


def get_template(code: str) -> DocumentTemplate | None:
    return next((t for t in all_templates() if t.code == code), None)


def join_cjk_lines(text: str) -> str:
    """Join a paragraph's wrapped lines where both sides are Chinese: the line break would
    otherwise show as a stray space. Headings and table rows are never joined."""
    lines: list[str] = []
    for line in text.split("\n"):
        body = line.lstrip()
        previous = lines[-1].lstrip() if lines else ""
        joinable = previous and not previous.startswith(("#", "|")) and not body.startswith("|")
        if joinable and _CJK.match(body[:1]) and _CJK.match(previous[-1:]):
            lines[-1] += body
        else:
            lines.append(line)
    return "\n".join(lines)


@functools.cache
def _engine() -> Engine:
    # Bodies are Markdown, not HTML: no autoescaping here; the page sanitises on display.
    return Engine(autoescape=False, string_if_invalid="")


def render(template: DocumentTemplate, language: str, context: dict) -> str:
    source = join_cjk_lines(template.body.get(language) or template.body["en"])
    return _engine().from_string(source).render(Context(context, autoescape=False)).strip() + "\n"
