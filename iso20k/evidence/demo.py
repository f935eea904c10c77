"""Evaluate readiness once the demo organisation is loaded, so the pages have data."""

from .services import evaluate


def load(actor) -> str:
    evaluation = evaluate(actor=actor)
    return f"readiness evaluated: {evaluation.score}%"
