"""Recompute the history chain; name the first broken row. Exit status 1 when broken."""

from django.core.management.base import BaseCommand, CommandError

from iso20k.history.services import verify_and_store


class Command(BaseCommand):
    help = "Verify the HMAC chain of the history; print the head for backup manifests."

    def handle(self, *args, **options):
        outcome = verify_and_store()
        if not outcome.ok:
            where = f" at position {outcome.first_broken_seq}" if outcome.first_broken_seq else ""
            raise CommandError(
                f"history chain BROKEN{where}: {outcome.reason} "
                f"({outcome.checked} rows verified before it)"
            )
        from iso20k.history.models import ChainHead

        head = ChainHead.objects.filter(pk=1).first()
        head_text = f"#{head.seq} {head.hash}" if head else "#0 (empty)"
        self.stdout.write(f"history chain intact: {outcome.checked} rows; head {head_text}")
