"""Full-text search with an index on both databases, Chinese included.

index(object_type, object_id, *texts) stores a record's searchable text (services call it
whenever that text changes); matching_ids(object_type, query) returns a subquery of the
ids whose text contains every term of the query, for `pk__in=`. One interface, two
engines, the same results:

- PostgreSQL: pg_trgm GIN indexes on the normalised text and on the token list; a term is a
  LIKE '%term%' that the trigram index answers.
- SQLite: an FTS5 table with the trigram tokenizer mirrors the entries (kept by triggers
  installed in migration core.0003); a term is a phrase query on it.

Trigrams need three characters, but most Chinese words have two. Each entry therefore also
lists its words and every pair of adjacent Chinese characters (" 服务 务器 器宕 宕机 "), and
a two-character term matches a whole token (" 宕机 "), which is three or more characters
with its spaces and so indexed too. A one-character term is ignored (too broad to help).
"""

import re
import unicodedata
from dataclasses import dataclass

from django.db import connection, models
from django.db.models.expressions import RawSQL

from .models import SearchEntry

MAX_BODY = 32_000
MIN_TERM = 2
FTS_TABLE = "core_search_fts"
# Ideographs, kana and hangul: scripts written without spaces between words.
CJK = re.compile(
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002ffff]+"
)
WORD = re.compile(r"[^\W_]+")


def normalise(text: str) -> str:
    """NFKC (full-width letters become plain ones), case folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text or "").casefold().split())


def tokens_of(normalised: str) -> list[str]:
    """Words of the text and the overlapping pairs of its Chinese (CJK) runs."""
    found: set[str] = set()
    for chunk in WORD.findall(normalised):
        position = 0
        for run in CJK.finditer(chunk):
            if run.start() > position:
                found.add(chunk[position : run.start()])
            text = run.group()
            found.update(text[i : i + 2] for i in range(max(1, len(text) - 1)))
            position = run.end()
        if position < len(chunk):
            found.add(chunk[position:])
    return sorted(found)


@dataclass(frozen=True)
class Term:
    text: str

    @property
    def is_token(self) -> bool:
        """Two characters: matched as a whole word or character pair, not a substring."""
        return len(self.text) < 3


def terms_of(query: str) -> list[Term]:
    """The terms a query searches for (each at least two characters), duplicates removed."""
    seen: list[Term] = []
    for word in normalise(query).split():
        if len(word) >= MIN_TERM and Term(word) not in seen:
            seen.append(Term(word))
    return seen


def is_searchable(query: str) -> bool:
    return bool(terms_of(query))


def index(object_type: str, object_id: int, *texts: str) -> None:
    """Store (or replace) the searchable text of one record. Call inside the service's
    transaction, after every change to the texts it covers."""
    SearchEntry.objects.update_or_create(
        object_type=object_type, object_id=object_id, defaults=entry_fields(*texts)
    )


def index_new(object_type: str, object_id: int, *texts: str) -> None:
    """index() for a record created in this transaction, which has no entry yet."""
    SearchEntry.objects.create(object_type=object_type, object_id=object_id, **entry_fields(*texts))


def entry_fields(*texts: str) -> dict:
    """The stored columns (body, tokens) of an entry for `texts`; bulk loaders use it too."""
    body = normalise(" ".join(t for t in texts if t))[:MAX_BODY]
    return {"body": body, "tokens": " " + " ".join(tokens_of(body)) + " "}


def remove(object_type: str, object_id: int) -> None:
    SearchEntry.objects.filter(object_type=object_type, object_id=object_id).delete()


def _fts_phrase(term: Term) -> str:
    column, text = ("tokens", f" {term.text} ") if term.is_token else ("body", term.text)
    escaped = text.replace('"', '""')
    return f'{column} : "{escaped}"'


def matching_entries(object_type: str, query: str) -> models.QuerySet[SearchEntry]:
    """Entries of `object_type` containing every term of `query` (none if it has no term)."""
    terms = terms_of(query)
    entries = SearchEntry.objects.filter(object_type=object_type)
    if not terms:
        return entries.none()
    if connection.vendor == "sqlite":
        expression = " AND ".join(_fts_phrase(term) for term in terms)
        rowids = RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", [expression])
        return entries.filter(pk__in=rowids)
    for term in terms:
        if term.is_token:
            entries = entries.filter(tokens__contains=f" {term.text} ")
        else:
            entries = entries.filter(body__contains=term.text)
    return entries


def _window_sql(object_type: str, terms: list[Term], newest: int) -> tuple[str, list]:
    expression = " AND ".join(_fts_phrase(term) for term in terms)
    sql = (
        f"SELECT e.object_id FROM {FTS_TABLE} f JOIN core_searchentry e ON e.id = f.rowid "
        f"WHERE f.{FTS_TABLE} MATCH %s AND e.object_type = %s ORDER BY f.rowid DESC LIMIT %s"
    )
    return sql, [expression, object_type, newest]


def matching_ids(object_type: str, query: str, newest: int | None = None):
    """A subquery of object ids for `Model.objects.filter(pk__in=...)`.

    `newest`: only the ids of the newest N matching entries, where the engine can read its
    index newest first and stop (SQLite: FTS5 walks its rowids downwards, so a common word
    costs N entries instead of every match). PostgreSQL's trigram index has no order, so it
    returns every match; callers must treat the window as a lower bound either way.
    """
    terms = terms_of(query)
    if newest is not None and terms and connection.vendor == "sqlite":
        return RawSQL(*_window_sql(object_type, terms, newest))
    return matching_entries(object_type, query).values("object_id")


def window_is_full(object_type: str, query: str, newest: int) -> bool:
    """Whether more than `newest` entries match, so that a window of them may hide some
    (always False where matching_ids has no window: it returns every match there)."""
    terms = terms_of(query)
    if connection.vendor != "sqlite" or not terms:
        return False
    sql, params = _window_sql(object_type, terms, newest + 1)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({sql}) matched", params)
        return cursor.fetchone()[0] > newest


# --- the database side (migration core.0003) --------------------------------------------------

POSTGRES_INSTALL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS core_search_body_trgm ON core_searchentry "
    "USING gin (body gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS core_search_tokens_trgm ON core_searchentry "
    "USING gin (tokens gin_trgm_ops)",
]
POSTGRES_REMOVE = [
    "DROP INDEX IF EXISTS core_search_tokens_trgm",
    "DROP INDEX IF EXISTS core_search_body_trgm",
]
SQLITE_INSTALL = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5(body, tokens, "
    "content='core_searchentry', content_rowid='id', tokenize='trigram')",
    f"""CREATE TRIGGER IF NOT EXISTS core_search_ai AFTER INSERT ON core_searchentry BEGIN
        INSERT INTO {FTS_TABLE}(rowid, body, tokens) VALUES (new.id, new.body, new.tokens);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS core_search_ad AFTER DELETE ON core_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body, tokens)
            VALUES ('delete', old.id, old.body, old.tokens);
    END""",
    f"""CREATE TRIGGER IF NOT EXISTS core_search_au AFTER UPDATE ON core_searchentry BEGIN
        INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, body, tokens)
            VALUES ('delete', old.id, old.body, old.tokens);
        INSERT INTO {FTS_TABLE}(rowid, body, tokens) VALUES (new.id, new.body, new.tokens);
    END""",
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')",
]
SQLITE_REMOVE = [
    "DROP TRIGGER IF EXISTS core_search_au",
    "DROP TRIGGER IF EXISTS core_search_ad",
    "DROP TRIGGER IF EXISTS core_search_ai",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def install_indexes(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_INSTALL, "sqlite": SQLITE_INSTALL}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def remove_indexes(schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_REMOVE, "sqlite": SQLITE_REMOVE}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)
