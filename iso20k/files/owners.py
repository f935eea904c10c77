"""Which records may own files, and who may see each owner's files.

An app that attaches files registers its model label with a check `can_view(user, owner_id)`.
A file whose owner type nobody registered cannot be stored or downloaded.
"""

from collections.abc import Callable

_checks: dict[str, Callable[[object, str], bool]] = {}


def register(owner_type: str, can_view: Callable[[object, str], bool]) -> None:
    _checks[owner_type] = can_view


def can_view(user: object, owner_type: str, owner_id: str) -> bool:
    check = _checks.get(owner_type)
    return bool(check and check(user, owner_id))


def is_registered(owner_type: str) -> bool:
    return owner_type in _checks
