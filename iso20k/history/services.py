"""Write and verify the history chain.

record() appends one HMAC-chained row inside the caller's transaction; every service
calls it after its version-checked write. verify_chain() recomputes the whole chain and
names the first broken position. Reads for pages are in querysets.py.
"""

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils import timezone

from iso20k.core.context import current as current_context

from .models import ChainHead, ChainVerification, ChangeRecord

GENESIS = "0" * 64


def _normalise(value: object) -> object:
    """JSON-safe form of a value, identical after a round trip through the database."""
    return json.loads(json.dumps(value, default=_json_default, ensure_ascii=False))


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, set | frozenset):
        return sorted(str(v) for v in value)
    return str(value)


def canonical(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _payload(row: dict) -> dict:
    return {
        "seq": row["seq"],
        "recorded_at": row["recorded_at"].astimezone(UTC).isoformat(),
        "actor_id": row["actor_id"],
        "actor_label": row["actor_label"],
        "channel": row["channel"],
        "request_id": row["request_id"],
        "event": row["event"],
        "object_type": row["object_type"],
        "object_id": row["object_id"],
        "object_repr": row["object_repr"],
        "object_version": row["object_version"],
        "changes": row["changes"],
        "data": row["data"],
    }


def compute_hash(key_id: str, prev_hash: str, row: dict) -> str:
    key = settings.HISTORY_KEYS.get(key_id)
    if key is None:
        raise KeyError(key_id)
    message = prev_hash.encode() + b"|" + canonical(_payload(row))
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def diff(before: dict, after: dict) -> dict:
    """{field: [old, new]} for the fields whose value changed."""
    changes = {}
    for name, new in after.items():
        old = before.get(name)
        if _normalise(old) != _normalise(new):
            changes[name] = [old, new]
    return changes


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict:
    """Current values of `fields` (FKs as ids), to diff before and after a write."""
    values = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(str(pk) for pk in getattr(obj, name).values_list("pk", flat=True))
        else:
            values[name] = getattr(obj, field.attname)
    return values


def initial(obj: models.Model, fields: Iterable[str]) -> dict:
    """{field: [None, value]} for a newly created object, the same shape as diff()."""
    return {name: [None, value] for name, value in snapshot(obj, fields).items()}


def with_labels(model: type[models.Model], changes: dict, obj=None) -> dict:
    """`changes` with foreign-key and many-to-many ids shown as "name (#id)" for readers.

    Services call it before record() for relations, so an auditor reads "Dongfang Bank (#2)"
    rather than a bare id; the id stays in the text for exactness. `obj`: the changed
    record, whose related objects already in memory name their ids without a query.
    """
    result = dict(changes)
    for name, pair in changes.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        related = getattr(field, "related_model", None)
        if related is None or not (field.many_to_one or field.many_to_many):
            continue
        held = (
            field.get_cached_value(obj)
            if obj is not None and field.many_to_one and field.is_cached(obj)
            else None
        )

        def label(value, related=related, held=held):
            if value in (None, "", []):
                return value
            if held is not None and str(value) == str(held.pk):
                return f"{held} (#{value})"
            values = value if isinstance(value, list) else [value]
            found = related._default_manager.in_bulk([v for v in values if v is not None])
            objects = {str(pk): record for pk, record in found.items()}
            text = [f"{objects.get(str(v), v)} (#{v})" for v in values]
            return text if isinstance(value, list) else text[0]

        result[name] = [label(v) for v in pair]
    return result


def _lock_head() -> ChainHead:
    queryset = ChainHead.objects.all()
    if connection.features.has_select_for_update:
        queryset = queryset.select_for_update(
            no_key=connection.features.has_select_for_no_key_update
        )
    head = queryset.filter(pk=1).first()
    if head is None:
        head = ChainHead.objects.create(pk=1, seq=0, hash=GENESIS)
    return head


@transaction.atomic
def record(
    obj: models.Model | None,
    *,
    event: str,
    actor: object | None,
    changes: dict | None = None,
    data: dict | None = None,
    object_type: str | None = None,
    object_id: str | None = None,
    object_repr: str | None = None,
) -> ChangeRecord:
    """Append one history row for `obj` (or an explicit object reference).

    Runs inside the caller's transaction, so the change and its history commit together.
    Appends are serialised on the chain head (row lock on PostgreSQL; SQLite's IMMEDIATE
    transactions already serialise writers).
    """
    ctx = current_context()
    key_id = next(iter(settings.HISTORY_KEYS))
    head = _lock_head()
    actor_pk = getattr(actor, "pk", None)
    row = {
        "seq": head.seq + 1,
        "recorded_at": timezone.now(),
        "actor_id": actor_pk,
        "actor_label": (getattr(actor, "username", "") or "system")[:150],
        "channel": ctx.channel,
        "request_id": ctx.request_id,
        "event": event,
        "object_type": object_type or (obj._meta.label_lower if obj is not None else ""),
        "object_id": object_id or (str(obj.pk) if obj is not None else ""),
        "object_repr": (object_repr or (str(obj) if obj is not None else ""))[:200],
        "object_version": getattr(obj, "version", None),
        "changes": _normalise(changes or {}),
        "data": _normalise(data or {}),
    }
    digest = compute_hash(key_id, head.hash, row)
    entry = ChangeRecord.objects.create(key_id=key_id, prev_hash=head.hash, hash=digest, **row)
    ChainHead.objects.filter(pk=head.pk).update(seq=row["seq"], hash=digest)
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    head_seq: int
    head_hash: str
    first_broken_seq: int | None = None
    reason: str = ""


FIELDS = [
    "seq",
    "recorded_at",
    "actor_id",
    "actor_label",
    "channel",
    "request_id",
    "event",
    "object_type",
    "object_id",
    "object_repr",
    "object_version",
    "changes",
    "data",
    "key_id",
    "prev_hash",
    "hash",
]


def verify_chain(*, chunk_size: int = 5000) -> ChainReport:
    """Recompute every link; report the first row whose position, link or HMAC is wrong."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    rows = ChangeRecord.objects.order_by("seq").values(*FIELDS).iterator(chunk_size=chunk_size)
    for row in rows:
        problem = _check_row(row, expected_seq, prev_hash)
        if problem:
            return _report(False, checked, row["seq"], problem)
        checked += 1
        expected_seq, prev_hash = row["seq"] + 1, row["hash"]
    head = ChainHead.objects.filter(pk=1).first()
    if checked and (head is None or head.seq != expected_seq - 1 or head.hash != prev_hash):
        return _report(False, checked, expected_seq, "the chain head does not match the last row")
    guard_problem = missing_guards()
    if guard_problem:
        return _report(False, checked, None, guard_problem)
    return _report(True, checked, None, "")


def _check_row(row: dict, expected_seq: int, prev_hash: str) -> str:
    if row["seq"] != expected_seq:
        return f"position {expected_seq} is missing (next row is {row['seq']})"
    if row["prev_hash"] != prev_hash:
        return "the link to the previous row is broken"
    try:
        recomputed = compute_hash(row["key_id"], row["prev_hash"], row)
    except KeyError:
        return f"key {row['key_id']!r} is not configured in HISTORY_KEY"
    if not hmac.compare_digest(recomputed, row["hash"]):
        return "the row's content does not match its hash"
    return ""


def _report(ok: bool, checked: int, broken: int | None, reason: str) -> ChainReport:
    head = ChainHead.objects.filter(pk=1).first()
    return ChainReport(
        ok=ok,
        checked=checked,
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else GENESIS,
        first_broken_seq=broken,
        reason=reason,
    )


def missing_guards() -> str:
    """Say which append-only trigger is missing (a table rebuild on SQLite drops them)."""
    from .guards import TRIGGER_NAMES, installed_triggers

    missing = sorted(set(TRIGGER_NAMES[connection.vendor]) - installed_triggers())
    return f"append-only triggers missing: {', '.join(missing)}" if missing else ""


def verify_and_store() -> ChainVerification:
    """Verify the chain and keep the outcome, which administrators see in the shell."""
    report = verify_chain()
    return ChainVerification.objects.create(
        ok=report.ok,
        checked=report.checked,
        head_seq=report.head_seq,
        first_broken_seq=report.first_broken_seq,
        reason=report.reason,
    )
