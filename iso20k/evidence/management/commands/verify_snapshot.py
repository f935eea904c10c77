"""Verify readiness snapshots: signature, every check outcome, and the history chain head."""

from django.core.management.base import BaseCommand, CommandError

from iso20k.evidence.models import Snapshot
from iso20k.evidence.services import verify_snapshot


class Command(BaseCommand):
    help = "Verify one snapshot (by id) or all of them; exit status 1 if any is not intact."

    def add_arguments(self, parser):
        parser.add_argument("snapshot", nargs="?", help="Snapshot id; all snapshots if omitted.")

    def handle(self, *args, snapshot=None, **options):
        snapshots = Snapshot.objects.select_related("evaluation").order_by("created_at")
        if snapshot:
            snapshots = snapshots.filter(pk=snapshot)
            if not snapshots.exists():
                raise CommandError(f"no snapshot {snapshot}")
        broken = 0
        for item in snapshots:
            report = verify_snapshot(item)
            if report.ok:
                self.stdout.write(f"intact   {item.pk}  {item.name}")
                continue
            broken += 1
            self.stdout.write(f"TAMPERED {item.pk}  {item.name}")
            for problem in report.problems:
                self.stdout.write(f"         - {problem}")
        if broken:
            raise CommandError(f"{broken} snapshot(s) are not intact")
