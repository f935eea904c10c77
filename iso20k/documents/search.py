"""Search text of documents: one normalised, lower-cased column per row, matched term by term.

Works the same on SQLite and PostgreSQL, for Chinese as for English: text is NFKC-folded
(full-width letters become ASCII), lower-cased and its white space collapsed, and each
search term must occur somewhere in it (`contains` on the normalised column).
"""

import re
import unicodedata

MAX_SEARCH_CHARS = 400_000
MAX_TERMS = 8
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text or "")).strip().lower()


def terms(query: str) -> list[str]:
    """The distinct terms of a query, at most MAX_TERMS, each normalised."""
    seen: list[str] = []
    for term in normalise(query).split(" "):
        if term and term not in seen:
            seen.append(term)
    return seen[:MAX_TERMS]


def document_text(document) -> str:
    return normalise(f"{document.code} {document.title_en} {document.title_zh_hans}")


def version_text(version, file_text: str = "") -> str:
    text = " ".join([version.change_summary, version.body_en, version.body_zh_hans, file_text])
    return normalise(text)[:MAX_SEARCH_CHARS]
