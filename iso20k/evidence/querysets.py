"""Reads of evaluations, outcomes and snapshots for the readiness pages."""

from django.db.models import QuerySet

from .models import Evaluation, EvaluationKind, EvaluationState, LatestOutcome, Outcome, Snapshot


def latest_outcomes() -> dict[str, Outcome]:
    rows = LatestOutcome.objects.select_related("outcome")
    return {row.code: row.outcome for row in rows}


def latest_live_evaluation() -> Evaluation | None:
    return (
        Evaluation.objects.filter(
            kind__in=[EvaluationKind.FULL, EvaluationKind.INCREMENTAL], state=EvaluationState.DONE
        )
        .order_by("-started_at")
        .first()
    )


def trend(limit: int = 90) -> list[tuple[str, float]]:
    """The readiness score over time: the last live evaluation of each day."""
    rows = (
        Evaluation.objects.filter(
            kind__in=[EvaluationKind.FULL, EvaluationKind.INCREMENTAL],
            state=EvaluationState.DONE,
            score__isnull=False,
        )
        .order_by("-started_at")
        .values_list("started_at", "score")[: limit * 24]
    )
    by_day: dict[str, float] = {}
    for started_at, score in rows:
        by_day.setdefault(started_at.date().isoformat(), float(score))
    return sorted(by_day.items())[-limit:]


def audit_ref_exists(ref: str) -> bool:
    return Snapshot.objects.filter(audit_ref=ref).exists()


def audit_ref_options() -> list[tuple[str, str]]:
    refs = Snapshot.objects.exclude(audit_ref="").values_list("audit_ref", flat=True).distinct()
    return [(ref, ref) for ref in sorted(refs)]


def outcomes_of(evaluation: Evaluation) -> QuerySet[Outcome]:
    return evaluation.outcomes.order_by("code")
