"""The ticket types the service desk works, described once so that shared services, queues,
reports and the SLA hooks treat incidents and service requests alike.

A ticket app registers its TicketKind from AppConfig.ready() (register(kind)), which also
registers the SLA subject type built from it (subject_type_of). Everything else finds the
kind by its key ("incidents.incident") or its desk name ("incidents").
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class TicketKind:
    key: str  # app_label.model: SLA subject type, search object type, figures' kind
    desk: str  # DeskKind value: "incidents" or "requests"
    prefix: str  # reference prefix, e.g. "INC" -> INC-000042
    label: Promise | str
    model: type[models.Model]
    comment_model: type[models.Model]
    comment_field: str  # the comment's foreign key to the ticket
    statuses: type[models.TextChoices]
    transitions: Mapping[str, frozenset[str]]
    process: str  # the clause whose process owner hears about breaches, e.g. "8.6.1"
    visible: Callable[[object], models.QuerySet]  # access.visible_<plural>(user)
    can_view: Callable[[object], bool]  # reads the desk's lists of this kind
    can_work: Callable[[object], bool]  # works tickets of this kind
    list_url: str  # URL name of the queue page
    get_for: Callable  # access.get_<noun>_for(user, pk, action): 404 / PermissionDenied
    services: str  # dotted path of the app's services module
    # Shared acts -> the app's service names, e.g. {"assign": "assign_incident", ...}; the
    # workspace (bulk assign/close), the portal (reply, rate, reopen) and the API call them.
    service_names: Mapping[str, str]
    stop_statuses: frozenset[str] = frozenset({"resolved", "closed"})
    cancel_statuses: frozenset[str] = frozenset({"cancelled"})
    # Fields recorded in the history when a ticket is logged.
    logged_fields: tuple[str, ...] = field(default_factory=tuple)

    def event(self, name: str) -> str:
        return f"{self.key}.{name}"

    def reference(self, pk: int) -> str:
        return f"{self.prefix}-{pk:06d}"

    def allows(self, current: str, target: str) -> bool:
        return target in self.transitions.get(current, frozenset())

    def service(self, name: str):
        """One of the app's service functions, imported when first needed (the app's
        services import this kind, so the kind cannot import them)."""
        from django.utils.module_loading import import_string

        return import_string(f"{self.services}.{self.service_names[name]}")


_kinds: dict[str, TicketKind] = {}


def register(kind: TicketKind) -> None:
    from iso20k.slas import subjects

    from .slahooks import subject_type_of

    _kinds[kind.key] = kind
    subjects.register(subject_type_of(kind))


def get(key: str) -> TicketKind:
    try:
        return _kinds[key]
    except KeyError:
        raise ImproperlyConfigured(f"no ticket kind {key!r} registered") from None


def for_desk(desk: str) -> TicketKind | None:
    return next((kind for kind in _kinds.values() if kind.desk == desk), None)


def registered() -> list[TicketKind]:
    return sorted(_kinds.values(), key=lambda k: k.desk)


def of(ticket: models.Model) -> TicketKind:
    return get(ticket._meta.label_lower)
