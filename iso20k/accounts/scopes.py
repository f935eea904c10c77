"""Which scopes a grant can name: each owning app registers how to check and show its refs.

catalogue registers "process" (a clause number); later apps register "audit" and
"customer". A scope kind nobody registered is not offered and cannot be granted.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .choices import ScopeKind


@dataclass(frozen=True)
class ScopeType:
    kind: str
    exists: Callable[[str], bool]
    label: Callable[[str], str]
    options: Callable[[], list[tuple[str, str]]]


_types: dict[str, ScopeType] = {}


def register(scope_type: ScopeType) -> None:
    _types[scope_type.kind] = scope_type


def available_kinds() -> list[str]:
    return [ScopeKind.ORGANISATION, *[k for k in ScopeKind.values if k in _types]]


def get(kind: str) -> ScopeType | None:
    return _types.get(kind)


def label(kind: str, ref: str) -> str:
    scope_type = _types.get(kind)
    if scope_type is None or not ref:
        return ref
    return scope_type.label(ref)
