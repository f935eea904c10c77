"""Evaluate readiness once the demo organisation is loaded, so the pages have data."""

from .services import evaluate


def load(actor) -> str:
    from iso20k.history.services import verify_and_store

    verify_and_store()
    evaluation = evaluate(actor=actor)
    return f"readiness evaluated: {evaluation.score}%"
