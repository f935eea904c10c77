"""The catalogue is reference data: loading it is part of every demo."""

from .services import load_catalogue


def load(actor) -> str:
    report = load_catalogue(actor=actor)
    return f"{report.clauses} clauses ({'loaded' if report.changed else 'unchanged'})"
