"""Bulk actions of the workspace: each selected ticket is changed through its own service
call, at the version the agent saw; one refusal never stops the others, and the agent is
told what was done and what was not (and why)."""

from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iso20k.core.errors import ConflictError

MAX_TICKETS = 100


@dataclass
class BulkOutcome:
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    action: str = ""


def _reason(exc: Exception) -> str:
    if isinstance(exc, ConflictError):
        return _("someone changed it after you loaded the list")
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return _("you may not change it")


def apply(kind, user, data: dict) -> BulkOutcome:
    outcome = BulkOutcome(action=data["action"])
    visible = kind.visible(user)
    for pk, version in data["tickets"][:MAX_TICKETS]:
        ticket = visible.filter(pk=pk).first()
        if ticket is None:
            continue
        try:
            with transaction.atomic():
                if data["action"] == "assign":
                    kind.service("assign")(
                        ticket,
                        actor=user,
                        expected_version=version,
                        group=data["group"],
                        assignee=data.get("assignee"),
                    )
                else:
                    kind.service("close")(ticket, actor=user, expected_version=version)
        except (ValidationError, ConflictError, PermissionDenied) as exc:
            outcome.refused.append((kind.reference(pk), _reason(exc)))
            continue
        outcome.done.append(kind.reference(pk))
    return outcome


def announce(request, kind, outcome: BulkOutcome) -> None:
    if outcome.done:
        count = len(outcome.done)
        if outcome.action == "assign":
            text = ngettext("%(count)s ticket assigned.", "%(count)s tickets assigned.", count)
        else:
            text = ngettext("%(count)s ticket closed.", "%(count)s tickets closed.", count)
        messages.success(request, text % {"count": count})
    for reference, reason in outcome.refused:
        messages.warning(
            request,
            _("%(reference)s was not changed: %(reason)s")
            % {"reference": reference, "reason": reason},
        )
