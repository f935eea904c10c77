"""Who wants to know when calendars change, without calendars depending on them.

slas registers here (from its AppConfig.ready) to recompute the open clocks counted on a
changed calendar, and to say how many open clocks a calendar change would affect.
"""

from collections.abc import Callable, Iterable

_on_change: list[Callable[[list[int]], None]] = []
_affected: list[Callable[[list[int]], int]] = []


def register(
    *, on_change: Callable[[list[int]], None], affected: Callable[[list[int]], int]
) -> None:
    if on_change not in _on_change:
        _on_change.append(on_change)
    if affected not in _affected:
        _affected.append(affected)


def calendars_changed(calendar_ids: Iterable[int]) -> None:
    """Call after commit: each listener queues its own work."""
    ids = sorted(set(calendar_ids))
    if ids:
        for listener in _on_change:
            listener(ids)


def affected_count(calendar_ids: Iterable[int]) -> int:
    ids = sorted(set(calendar_ids))
    return sum(count(ids) for count in _affected) if ids else 0
