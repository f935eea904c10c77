"""Where a person lands after signing in, when the readiness journey is not for them.

Apps register a provider `(user) -> url | None` (the portal sends customers to their own
area); the home page asks the providers in order and redirects to the first answer.
"""

from collections.abc import Callable

_providers: list[Callable[[object], str | None]] = []


def register(provider: Callable[[object], str | None]) -> None:
    if provider not in _providers:
        _providers.append(provider)


def landing_for(user: object) -> str | None:
    for provider in _providers:
        url = provider(user)
        if url:
            return url
    return None
