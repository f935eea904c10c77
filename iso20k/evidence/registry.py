"""The registry of evidence checks: each app's checks.py registers functions against clauses.

    @check("sms.scope-approved", clauses=["4.3"], depends_on=["organisations.scopestatement"],
           title=_("The SMS scope is approved"), messages={...})
    def scope_approved(ctx: Context) -> Outcome: ...

A registration naming a clause that is not in the catalogue stops start-up with the check's
name. `depends_on` lists the model labels whose changes make the check worth re-running.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise


@dataclass(frozen=True)
class Check:
    code: str
    clauses: tuple[str, ...]
    depends_on: tuple[str, ...]
    title: Promise
    messages: dict[str, Promise]
    function: Callable = field(compare=False)
    drilldown: Callable | None = field(default=None, compare=False)


_checks: dict[str, Check] = {}


@cache
def catalogue_numbers() -> frozenset[str]:
    """Clause numbers of the shipped catalogue files (parsed once per process)."""
    from iso20k.catalogue.loader import parse_catalogue

    return frozenset(c["number"] for c in parse_catalogue().clauses)


def check(
    code: str,
    *,
    clauses: list[str],
    depends_on: list[str],
    title: Promise,
    messages: dict[str, Promise],
):
    """Register a check function; validated against the catalogue when the app is ready."""

    def register(function: Callable) -> Callable:
        if code in _checks and _checks[code].function is not function:
            raise ImproperlyConfigured(f"evidence check {code!r} is registered twice")
        _checks[code] = Check(
            code=code,
            clauses=tuple(clauses),
            depends_on=tuple(depends_on),
            title=title,
            messages=messages,
            function=function,
        )
        return function

    return register


def validate() -> None:
    """Stop start-up if any check names a clause the catalogue does not have."""
    numbers = catalogue_numbers()
    for registered in _checks.values():
        unknown = [n for n in registered.clauses if n not in numbers]
        if unknown:
            raise ImproperlyConfigured(
                f"evidence check {registered.code!r} ({registered.function.__module__}."
                f"{registered.function.__name__}) names unknown clause(s): {', '.join(unknown)}"
            )
        if not registered.clauses:
            raise ImproperlyConfigured(f"evidence check {registered.code!r} names no clause")


def all_checks() -> list[Check]:
    return sorted(_checks.values(), key=lambda c: c.code)


def get(code: str) -> Check | None:
    return _checks.get(code)


def checks_for_clause(number: str) -> list[Check]:
    return [c for c in all_checks() if number in c.clauses]


def checks_depending_on(labels: set[str]) -> list[Check]:
    return [c for c in all_checks() if labels & set(c.depends_on)]
