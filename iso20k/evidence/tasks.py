"""Readiness is re-evaluated by the worker: changed checks every minute, all checks hourly."""

from datetime import timedelta

from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def evaluate_changes() -> str:
    from . import services

    with change_context("task"):
        evaluation = services.evaluate_changes()
    return str(evaluation.pk) if evaluation else ""


@task
def evaluate_all() -> str:
    from . import services

    with change_context("task"):
        return str(services.evaluate().pk)


@task
def run_pending_evaluation(evaluation_id: str) -> str:
    from . import services
    from .models import Evaluation, EvaluationState

    evaluation = Evaluation.objects.filter(pk=evaluation_id, state=EvaluationState.PENDING).first()
    if evaluation is None:
        return ""
    with change_context("task"):
        services.evaluate(kind=evaluation.kind, at=evaluation.as_of, evaluation=evaluation)
    return evaluation_id


scheduling.every(evaluate_changes, timedelta(minutes=1))
scheduling.every(evaluate_all, timedelta(hours=1), first_delay=timedelta(minutes=2))
