"""Keyset pagination: a page is found from the sort values of the row at its edge, never by
OFFSET, so the last page costs what the first does.

An `Ordering` is a list of sort keys ending with a unique one (the primary key). A cursor
encodes the values of the edge row; the next page asks for rows strictly after it in the
ordering. The condition is the lexicographic comparison written out, plus a plain range
filter on the first key (`created_at <= x`): without it neither database uses the index as
a range start and a deep page scans everything before it (see the performance floor notes).
Entry point: paginate(queryset, ordering, cursor=..., direction=...) -> KeysetPage.
"""

import base64
import binascii
import datetime
import json
from dataclasses import dataclass

from django.db import models
from django.db.models import Q

PAGE_SIZE = 25
NEXT, PREVIOUS, LAST = "next", "previous", "last"


class InvalidCursor(ValueError):
    """A cursor that was not made by this module for this ordering (tampered or stale)."""


@dataclass(frozen=True)
class SortKey:
    field: str
    descending: bool = False

    @property
    def expression(self) -> str:
        return f"-{self.field}" if self.descending else self.field


@dataclass(frozen=True)
class Ordering:
    """Sort keys, most significant first; the last one must be unique (usually `id`)."""

    keys: tuple[SortKey, ...]

    @classmethod
    def of(cls, *expressions: str) -> "Ordering":
        """Ordering.of("-created_at", "-id")."""
        return cls(tuple(SortKey(e.lstrip("-"), e.startswith("-")) for e in expressions))

    def order_by(self, *, reverse: bool = False) -> list[str]:
        keys = self.reversed().keys if reverse else self.keys
        return [key.expression for key in keys]

    def reversed(self) -> "Ordering":
        return Ordering(tuple(SortKey(k.field, not k.descending) for k in self.keys))


@dataclass(frozen=True)
class KeysetPage:
    rows: list
    next_cursor: str | None
    previous_cursor: str | None

    @property
    def has_next(self) -> bool:
        return self.next_cursor is not None

    @property
    def has_previous(self) -> bool:
        return self.previous_cursor is not None


def _encode_value(value: object) -> object:
    if isinstance(value, datetime.datetime):
        return {"t": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"d": value.isoformat()}
    return value


def _decode_value(model: type[models.Model], field: str, raw: object) -> object:
    if isinstance(raw, dict):
        raw = raw.get("t") or raw.get("d")
    try:
        return model._meta.get_field(field).to_python(raw)
    except Exception as exc:  # a ValidationError or a type error from a forged cursor
        raise InvalidCursor(field) from exc


def encode_cursor(row: models.Model, ordering: Ordering) -> str:
    values = [_encode_value(getattr(row, key.field)) for key in ordering.keys]
    data = json.dumps(values, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def decode_cursor(cursor: str, model: type[models.Model], ordering: Ordering) -> list:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise InvalidCursor(cursor) from exc
    if not isinstance(values, list) or len(values) != len(ordering.keys):
        raise InvalidCursor(cursor)
    decoded = [_decode_value(model, k.field, v) for k, v in zip(ordering.keys, values, strict=True)]
    if any(value is None for value in decoded):
        raise InvalidCursor(cursor)
    return decoded


def after(ordering: Ordering, values: list) -> Q:
    """Rows strictly after `values` in `ordering`: the range pre-filter on the first key
    AND the written-out lexicographic comparison."""
    first = ordering.keys[0]
    prefilter = Q(**{f"{first.field}__{'lte' if first.descending else 'gte'}": values[0]})
    branches = Q()
    for index, key in enumerate(ordering.keys):
        equal = {k.field: values[i] for i, k in enumerate(ordering.keys[:index])}
        step = {f"{key.field}__{'lt' if key.descending else 'gt'}": values[index]}
        branches |= Q(**equal, **step)
    return prefilter & branches


def paginate(
    queryset: models.QuerySet,
    ordering: Ordering,
    *,
    cursor: str | None = None,
    direction: str = NEXT,
    size: int = PAGE_SIZE,
) -> KeysetPage:
    """One page of `queryset` in `ordering`.

    direction NEXT with a cursor: the page after it; PREVIOUS: the page before it; LAST: the
    final page (read backwards, so it costs what the first page does). Without a cursor,
    NEXT is the first page. Raises InvalidCursor for a cursor this ordering cannot read.
    """
    model = queryset.model
    if direction == LAST:
        rows = list(queryset.order_by(*ordering.order_by(reverse=True))[: size + 1])
        more = len(rows) > size
        rows = rows[:size][::-1]
        return _page(rows, ordering, has_before=more, has_after=False)
    if cursor is None:
        rows = list(queryset.order_by(*ordering.order_by())[: size + 1])
        return _page(rows[:size], ordering, has_before=False, has_after=len(rows) > size)
    values = decode_cursor(cursor, model, ordering)
    if direction == PREVIOUS:
        backwards = ordering.reversed()
        rows = list(
            queryset.filter(after(backwards, values)).order_by(*backwards.order_by())[: size + 1]
        )
        more = len(rows) > size
        return _page(rows[:size][::-1], ordering, has_before=more, has_after=True)
    rows = list(queryset.filter(after(ordering, values)).order_by(*ordering.order_by())[: size + 1])
    return _page(rows[:size], ordering, has_before=True, has_after=len(rows) > size)


def _page(rows: list, ordering: Ordering, *, has_before: bool, has_after: bool) -> KeysetPage:
    return KeysetPage(
        rows=rows,
        next_cursor=encode_cursor(rows[-1], ordering) if rows and has_after else None,
        previous_cursor=encode_cursor(rows[0], ordering) if rows and has_before else None,
    )
