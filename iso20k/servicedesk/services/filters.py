"""Saved filters of the agent's workspace: save (create or replace by name) and delete."""

from urllib.parse import parse_qsl, urlencode

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.history import services as history

from ..choices import DeskKind
from ..models import SavedFilter
from .lifecycle import error

# Query parameters a filter keeps; paging cursors are never saved.
KEPT = {
    "queue",
    "status",
    "priority",
    "service",
    "group",
    "assignee",
    "customer",
    "sla",
    "q",
    "sort",
    "category",
    "major",
}


def clean_query(query: str) -> str:
    """The filter's own parameters from a query string, in a stable order."""
    pairs = [(k, v) for k, v in parse_qsl(query or "", keep_blank_values=False) if k in KEPT]
    return urlencode(sorted(pairs))


@transaction.atomic
def save_filter(*, actor, kind: str, name: str, query: str, is_shared: bool = False) -> SavedFilter:
    """Save the current filter under a name (the same name replaces the owner's earlier one).
    Event servicedesk.savedfilter.saved."""
    name = (name or "").strip()
    if not name:
        raise error("name", _("Give the filter a name."), "name_required")
    if kind not in DeskKind.values:
        raise error("kind", _("Unknown kind of tickets."), "invalid_kind")
    query = clean_query(query)
    if not query:
        raise error("query", _("Choose at least one filter before saving it."), "empty_filter")
    saved, _created = SavedFilter.objects.update_or_create(
        owner=actor, kind=kind, name=name[:100], defaults={"query": query, "is_shared": is_shared}
    )
    history.record(
        saved,
        event="servicedesk.savedfilter.saved",
        actor=actor,
        data={"query": query, "shared": is_shared},
    )
    return saved


@transaction.atomic
def delete_filter(saved: SavedFilter, *, actor) -> None:
    """Remove a saved filter (the owner's own). Event servicedesk.savedfilter.deleted."""
    history.record(saved, event="servicedesk.savedfilter.deleted", actor=actor)
    saved.delete()
