"""Queue e-mail inside the caller's transaction; the worker renders and sends it after commit.

queue_email() writes an OutgoingEmail row (idempotent when given a dedupe_key) and enqueues
the send task on commit. send_email() renders the subject and body in the recipient's own
language and time zone and sends through Django's mail backend.
"""

import zoneinfo

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from iso20k.core.tasks import enqueue_on_commit

from .models import EmailStatus, OutgoingEmail

MAX_ATTEMPTS = 5


def queue_email(
    *,
    recipient=None,
    address: str = "",
    template: str,
    context: dict,
    dedupe_key: str | None = None,
) -> OutgoingEmail | None:
    """Queue one e-mail; returns None when `dedupe_key` was already used (sent once only)."""
    from .tasks import send_queued_email

    if dedupe_key and OutgoingEmail.objects.filter(dedupe_key=dedupe_key).exists():
        return None
    try:
        with transaction.atomic():
            email = OutgoingEmail.objects.create(
                recipient=recipient,
                address=address or getattr(recipient, "email", "") or "",
                template=template,
                context=context,
                dedupe_key=dedupe_key,
            )
    except IntegrityError:
        return None
    enqueue_on_commit(send_queued_email, email.pk)
    return email


def _render(email: OutgoingEmail) -> tuple[str, str, str]:
    recipient = email.recipient
    language = recipient.language if recipient and recipient.language else settings.LANGUAGE_CODE
    zone = recipient.time_zone if recipient else settings.TIME_ZONE
    context = {**email.context, "recipient": recipient, "site_url": settings.SITE_URL}
    with translation.override(language):
        timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            base = f"notifications/email/{email.template}"
            subject = " ".join(render_to_string(f"{base}_subject.txt", context).split())
            text = render_to_string(f"{base}.txt", context)
            html = render_to_string("notifications/email/base.html", {**context, "body": text})
        finally:
            timezone.deactivate()
    return subject, text, html


def send_email(email_id: int) -> OutgoingEmail | None:
    """Send one queued e-mail (worker side). Failures are kept with the error for a retry."""
    email = OutgoingEmail.objects.filter(pk=email_id, status=EmailStatus.QUEUED).first()
    if email is None:
        return None
    if not email.address:
        OutgoingEmail.objects.filter(pk=email.pk).update(status=EmailStatus.SKIPPED)
        return email
    subject, text, html = _render(email)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [email.address])
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except OSError as exc:
        attempts = email.attempts + 1
        status = EmailStatus.FAILED if attempts >= MAX_ATTEMPTS else EmailStatus.QUEUED
        OutgoingEmail.objects.filter(pk=email.pk).update(
            attempts=attempts, status=status, error=str(exc)[:500], subject=subject
        )
        raise
    OutgoingEmail.objects.filter(pk=email.pk).update(
        status=EmailStatus.SENT,
        sent_at=timezone.now(),
        subject=subject,
        attempts=email.attempts + 1,
        error="",
    )
    return email
