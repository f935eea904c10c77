"""The registry through which ticket apps tell the SLA engine about their tickets.

A ticket app registers one SubjectType per ticket model (from its AppConfig.ready):

    slas.subjects.register(SubjectType(
        key="incidents.incident",              # subject_type of its clocks (app_label.model)
        label=_("Incident"),
        stop_statuses={"resolved", "closed"},  # clocks stop here; leaving them reopens
        cancel_statuses={"cancelled"},         # clocks are cancelled here
        recipients=who_hears_about_sla,        # (subject_id, clock, event) -> users
        describe=describe_incidents,           # ([ids]) -> {id: SubjectInfo}, a few queries
        on_change=store_sla_snapshot,          # (subject_id, SlaSnapshot) -> None
    ))

`event` passed to recipients is "warning" or "breach". on_change is called inside the
transaction whenever a ticket's clocks change for any reason (ticket transitions, the
worker marking a breach, a recompute after a calendar or agreement change), so the ticket's
denormalised SLA fields stay current without the ticket app polling.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from .choices import PauseStatus


@dataclass(frozen=True)
class SubjectInfo:
    """How a ticket is named and linked in e-mails and on the SLA pages."""

    reference: str  # e.g. "INC-000123"
    title: str
    url: str  # absolute path, e.g. "/incidents/123/"


@dataclass(frozen=True)
class SubjectType:
    key: str
    label: Promise | str
    stop_statuses: frozenset[str] = field(default_factory=frozenset)
    cancel_statuses: frozenset[str] = field(default_factory=frozenset)
    recipients: Callable[[int, object, str], Iterable[object]] = lambda _id, _clock, _event: ()
    describe: Callable[[list[int]], dict[int, SubjectInfo]] = lambda ids: {}
    on_change: Callable[[int, object], None] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "stop_statuses", frozenset(self.stop_statuses))
        object.__setattr__(self, "cancel_statuses", frozenset(self.cancel_statuses))
        if self.stop_statuses & self.cancel_statuses:
            raise ImproperlyConfigured(f"{self.key}: a status cannot both stop and cancel")


_types: dict[str, SubjectType] = {}
_pause_statuses: dict[str, Promise | str] = dict(PauseStatus.choices)


def register(subject_type: SubjectType) -> None:
    _types[subject_type.key] = subject_type


def unregister(key: str) -> None:
    """For tests that register a fake ticket type."""
    _types.pop(key, None)


def get(key: str) -> SubjectType:
    try:
        return _types[key]
    except KeyError:
        raise ImproperlyConfigured(
            f"no SLA subject type {key!r}: register it with slas.subjects.register()"
        ) from None


def find(key: str) -> SubjectType | None:
    return _types.get(key)


def registered() -> list[SubjectType]:
    return sorted(_types.values(), key=lambda t: t.key)


def register_pause_status(code: str, label: Promise | str) -> None:
    """Offer another status code that agreements may choose to pause their clocks."""
    _pause_statuses[code] = label


def pause_status_choices() -> list[tuple[str, Promise | str]]:
    return list(_pause_statuses.items())
