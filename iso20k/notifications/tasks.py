"""Background sending of queued e-mail, and a periodic retry of what failed to send."""

from datetime import timedelta

from django.tasks import task

from iso20k.core import scheduling
from iso20k.core.context import change_context


@task
def send_queued_email(email_id: int) -> None:
    from .services import send_email

    with change_context("task"):
        send_email(email_id)


@task
def retry_queued_email() -> int:
    """Re-enqueue e-mail still queued after five minutes (a worker died or SMTP was down)."""
    from django.utils import timezone

    from .models import EmailStatus, OutgoingEmail

    stale = OutgoingEmail.objects.filter(
        status=EmailStatus.QUEUED, created_at__lt=timezone.now() - timedelta(minutes=5)
    )
    ids = list(stale.values_list("pk", flat=True)[:500])
    for email_id in ids:
        send_queued_email.enqueue(email_id)
    return len(ids)


scheduling.every(retry_queued_email, timedelta(minutes=10), first_delay=timedelta(minutes=10))
