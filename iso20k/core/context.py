"""Where a change comes from: request id and channel, carried in a contextvar.

Middleware sets it for web and API requests, the command base for the CLI, the task
runner for background jobs. Only the history app reads it.
"""

import contextlib
import contextvars
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ChangeContext:
    channel: str = "cli"
    request_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    ip_address: str | None = None


_current: contextvars.ContextVar[ChangeContext | None] = contextvars.ContextVar(
    "iso20k_change_context", default=None
)


def current() -> ChangeContext:
    return _current.get() or ChangeContext()


@contextlib.contextmanager
def change_context(channel: str, *, ip_address: str | None = None) -> Iterator[ChangeContext]:
    ctx = ChangeContext(channel=channel, ip_address=ip_address)
    token = _current.set(ctx)
    try:
        yield ctx
    finally:
        _current.reset(token)
