"""Evaluate the evidence checks, keep their outcomes, and freeze them into signed snapshots.

evaluate() runs checks (all, the ones whose inputs changed, or all as of a past date); a
check that raises is stored as an error for that check only and never stops the others.
take_snapshot() freezes a fresh full evaluation with the history chain head and signs it;
verify_snapshot() says whether it is intact and, if not, what differs.
"""

import hashlib
import hmac
import json
import time
import traceback
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.history import services as history
from iso20k.history.models import ChainHead, ChangeRecord

from . import access, registry, scoring
from .context import Context
from .models import Evaluation, EvaluationKind, EvaluationState, LatestOutcome, Outcome, Snapshot
from .results import CheckResult, Status


def _run(check: registry.Check, at: datetime | None) -> tuple[CheckResult, str, int]:
    started = time.perf_counter()
    try:
        result = check.function(Context(check.code, at))
        if not isinstance(result, CheckResult) or result.status not in Status.values:
            raise TypeError(f"check {check.code} returned {result!r}, not a CheckResult")
        error = ""
    except Exception as exc:  # noqa: BLE001 - a failing check must never stop the others
        result = CheckResult.of(check.code, Status.ERROR, {"exception": type(exc).__name__})
        error = "".join(traceback.format_exception_only(exc)).strip()[:2000]
    return result, error, int((time.perf_counter() - started) * 1000)


def _head_seq() -> int:
    head = ChainHead.objects.filter(pk=1).first()
    return head.seq if head else 0


def changed_checks(since_seq: int) -> list[registry.Check]:
    labels = set(
        ChangeRecord.objects.filter(seq__gt=since_seq)
        .values_list("object_type", flat=True)
        .distinct()
    )
    return registry.checks_depending_on(labels)


def evaluate(
    *,
    kind: str = EvaluationKind.FULL,
    at: datetime | None = None,
    codes: list[str] | None = None,
    actor=None,
    evaluation: Evaluation | None = None,
) -> Evaluation:
    """Run checks and store their outcomes; returns the finished Evaluation.

    Live runs (no `at`) update LatestOutcome and the readiness trend; an as-of run only
    records its own outcomes. Checks run outside the write transaction, so a long evaluation
    never blocks people saving records.
    """
    started = time.perf_counter()
    seq = _head_seq()
    moment = at or timezone.now()
    if codes is not None:
        checks = [c for c in registry.all_checks() if c.code in set(codes)]
    else:
        checks = registry.all_checks()
    results = [_run(check, at) for check in checks]
    with transaction.atomic():
        if evaluation is None:
            evaluation = Evaluation.objects.create(kind=kind, as_of=moment, requested_by=actor)
        outcomes = Outcome.objects.bulk_create(
            [
                Outcome(
                    evaluation=evaluation,
                    code=r.code,
                    status=r.status,
                    params=r.params,
                    refs=[ref.as_json() for ref in r.refs],
                    ref_count=r.ref_count,
                    error=error,
                    duration_ms=ms,
                )
                for r, error, ms in results
            ]
        )
        if at is None:
            _update_latest(outcomes, moment)
            statuses = dict(LatestOutcome.objects.values_list("code", "outcome__status"))
        else:
            statuses = {o.code: o.status for o in outcomes}
        readiness = scoring.compute(statuses, moment)
        Evaluation.objects.filter(pk=evaluation.pk).update(
            state=EvaluationState.DONE,
            finished_at=timezone.now(),
            history_seq=seq,
            duration_ms=int((time.perf_counter() - started) * 1000),
            score=readiness.overall,
            group_scores=readiness.groups,
        )
    evaluation.refresh_from_db()
    return evaluation


def _update_latest(outcomes: list[Outcome], moment: datetime) -> None:
    codes = [o.code for o in outcomes]
    LatestOutcome.objects.filter(code__in=codes).delete()
    LatestOutcome.objects.bulk_create(
        [LatestOutcome(code=o.code, outcome=o, evaluated_at=moment) for o in outcomes]
    )


def evaluate_changes(*, actor=None) -> Evaluation | None:
    """Re-run only the checks whose input records changed since the last live run."""
    last = (
        Evaluation.objects.filter(
            kind__in=[EvaluationKind.FULL, EvaluationKind.INCREMENTAL], state=EvaluationState.DONE
        )
        .order_by("-started_at")
        .first()
    )
    if last is None:
        return evaluate(kind=EvaluationKind.FULL, actor=actor)
    checks = changed_checks(last.history_seq)
    never_run = set(registry._checks) - set(LatestOutcome.objects.values_list("code", flat=True))
    codes = sorted({c.code for c in checks} | never_run)
    if not codes:
        return None
    return evaluate(kind=EvaluationKind.INCREMENTAL, codes=codes, actor=actor)


@transaction.atomic
def request_as_of(at: datetime, *, actor) -> Evaluation:
    """Queue an evaluation as things stood at `at` (run by the worker)."""
    from .tasks import run_pending_evaluation

    if at > timezone.now():
        raise ValidationError(
            {"as_of": ValidationError(_("Choose a moment in the past."), code="as_of_in_future")}
        )
    if not access.can_evaluate(actor):
        raise PermissionDenied(_("You may not run readiness evaluations."))
    evaluation = Evaluation.objects.create(
        kind=EvaluationKind.AS_OF, as_of=at, state=EvaluationState.PENDING, requested_by=actor
    )
    transaction.on_commit(lambda: run_pending_evaluation.enqueue(str(evaluation.pk)))
    return evaluation


# --- snapshots --------------------------------------------------------------------------


def _canonical(value: object) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _outcome_digest(outcome: Outcome) -> str:
    return hashlib.sha256(
        _canonical(
            {
                "code": outcome.code,
                "status": outcome.status,
                "params": outcome.params,
                "refs": outcome.refs,
                "ref_count": outcome.ref_count,
            }
        )
    ).hexdigest()


def _signing_key(key_id: str) -> bytes:
    # A key of its own, derived from the history key, so the two purposes never mix.
    return hmac.new(
        settings.HISTORY_KEYS[key_id], b"iso20k-readiness-snapshot", hashlib.sha256
    ).digest()


def _sign(manifest: dict, key_id: str) -> str:
    return hmac.new(_signing_key(key_id), _canonical(manifest), hashlib.sha256).hexdigest()


def _manifest(
    snapshot_id: str, evaluation: Evaluation, head: ChainHead | None, name: str, audit_ref: str
) -> dict:
    return {
        "snapshot": snapshot_id,
        "name": name,
        "audit_ref": audit_ref,
        "evaluation": str(evaluation.pk),
        "as_of": evaluation.as_of.isoformat(),
        "score": str(evaluation.score) if evaluation.score is not None else None,
        "group_scores": evaluation.group_scores,
        "head": {"seq": head.seq if head else 0, "hash": head.hash if head else ""},
        "outcomes": {o.code: _outcome_digest(o) for o in evaluation.outcomes.all()},
    }


@transaction.atomic
def take_snapshot(
    *, actor, name: str, audit_ref: str = "", note: str = "", evaluation: Evaluation | None = None
) -> Snapshot:
    """Freeze a fresh full evaluation (or a finished as-of one) and sign it.

    Event evidence.snapshot.taken. Raises PermissionDenied for roles that may not take one.
    """
    if not access.can_take_snapshot(actor):
        raise PermissionDenied(_("You may not take readiness snapshots."))
    if not name.strip():
        raise ValidationError(
            {"name": ValidationError(_("Give the snapshot a name."), code="required")}
        )
    if evaluation is None:
        evaluation = evaluate(kind=EvaluationKind.FULL, actor=actor)
    elif evaluation.state != EvaluationState.DONE or hasattr(evaluation, "snapshot"):
        raise ValidationError(
            {
                "evaluation": ValidationError(
                    _("This evaluation cannot be frozen (unfinished or already frozen)."),
                    code="evaluation_unusable",
                )
            }
        )
    head = ChainHead.objects.filter(pk=1).first()
    key_id = next(iter(settings.HISTORY_KEYS))
    snapshot = Snapshot(
        name=name.strip(),
        audit_ref=audit_ref.strip(),
        note=note,
        evaluation=evaluation,
        taken_by=actor,
        head_seq=head.seq if head else 0,
        head_hash=head.hash if head else "",
        key_id=key_id,
        manifest={},
        signature="",
    )
    snapshot.manifest = _manifest(
        str(snapshot.pk), evaluation, head, snapshot.name, snapshot.audit_ref
    )
    snapshot.signature = _sign(snapshot.manifest, key_id)
    snapshot.save()
    history.record(
        snapshot,
        event="evidence.snapshot.taken",
        actor=actor,
        data={
            "evaluation": str(evaluation.pk),
            "score": str(evaluation.score),
            "head_seq": snapshot.head_seq,
            "signature": snapshot.signature,
        },
    )
    return snapshot


@dataclass(frozen=True)
class SnapshotCheck:
    ok: bool
    problems: list[str] = field(default_factory=list)


def verify_snapshot(snapshot: Snapshot) -> SnapshotCheck:
    """Recompute the signature and every outcome digest; name each difference found."""
    problems = []
    try:
        expected = _sign(snapshot.manifest, snapshot.key_id)
    except KeyError:
        return SnapshotCheck(
            False, [_("The signing key “%(key)s” is not configured.") % {"key": snapshot.key_id}]
        )
    if not hmac.compare_digest(expected, snapshot.signature):
        problems.append(_("The signed manifest was altered: its signature does not match."))
    evaluation = snapshot.evaluation
    current = _manifest(
        snapshot.manifest.get("snapshot", ""),
        evaluation,
        ChainHead(seq=snapshot.head_seq, hash=snapshot.head_hash),
        snapshot.name,
        snapshot.audit_ref,
    )
    signed_outcomes = snapshot.manifest.get("outcomes", {})
    for code, digest in sorted(current["outcomes"].items()):
        if code not in signed_outcomes:
            problems.append(_("Check %(code)s was added after signing.") % {"code": code})
        elif signed_outcomes[code] != digest:
            problems.append(
                _("Check %(code)s: its status, figures or records differ from what was signed.")
                % {"code": code}
            )
    for code in sorted(set(signed_outcomes) - set(current["outcomes"])):
        problems.append(_("Check %(code)s was removed after signing.") % {"code": code})
    for key, label in (
        ("score", _("readiness score")),
        ("group_scores", _("group scores")),
        ("as_of", _("evaluation date")),
        ("name", _("name")),
        ("audit_ref", _("audit reference")),
        ("head", _("history chain head")),
    ):
        if current[key] != snapshot.manifest.get(key):
            problems.append(_("The %(what)s differs from what was signed.") % {"what": label})
    row = ChangeRecord.objects.filter(seq=snapshot.head_seq).values_list("hash", flat=True).first()
    if snapshot.head_seq and row != snapshot.head_hash:
        problems.append(
            _(
                "The history chain no longer has the row #%(seq)s the snapshot was "
                "taken at: the history was rewritten."
            )
            % {"seq": snapshot.head_seq}
        )
    return SnapshotCheck(not problems, problems)
