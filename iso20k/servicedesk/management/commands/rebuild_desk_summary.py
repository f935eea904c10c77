"""Recompute the monthly ticket figures behind the lapse reports from the records."""

from iso20k.core.management.base import ServiceCommand
from iso20k.servicedesk import kinds
from iso20k.servicedesk.services import summary


class Command(ServiceCommand):
    help = "Rebuild the monthly per-service ticket figures (after an import, or to repair)."

    def handle(self, *args, **options):
        for kind in kinds.registered():
            rows = summary.rebuild(kind)
            self.stdout.write(f"{kind.key}: {rows} monthly rows")
