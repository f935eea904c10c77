"""Scheduled verification of the history chain; a failure is shown and mailed to administrators."""

from django.conf import settings
from django.db import transaction
from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def verify_history_chain() -> dict:
    from iso20k.accounts.querysets import administrators
    from iso20k.notifications.services import queue_email

    from .services import verify_and_store

    with change_context("task"), transaction.atomic():
        outcome = verify_and_store()
        if not outcome.ok:
            for admin in administrators():
                queue_email(
                    recipient=admin,
                    template="history_broken",
                    context={"position": outcome.first_broken_seq, "reason": outcome.reason},
                    dedupe_key=f"history-broken:{outcome.pk}:{admin.pk}",
                )
    return {"ok": outcome.ok, "checked": outcome.checked, "reason": outcome.reason}


scheduling.every(verify_history_chain, settings.HISTORY_VERIFY_EVERY)
