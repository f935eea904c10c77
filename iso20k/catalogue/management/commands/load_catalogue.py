"""Load the ISO/IEC 20000-1 clause catalogue from the data files (idempotent)."""

from pathlib import Path

from django.core.management.base import CommandError

from iso20k.accounts.services import system_actor
from iso20k.catalogue.loader import DATA_DIR, CatalogueError
from iso20k.catalogue.services import load_catalogue
from iso20k.core.management.base import ServiceCommand


class Command(ServiceCommand):
    help = "Load the clause catalogue; a malformed file is reported by file, line and reason."

    def add_arguments(self, parser):
        parser.add_argument("--directory", type=Path, default=DATA_DIR)
        parser.add_argument("--force", action="store_true", help="Reload even if unchanged.")

    def handle(self, *args, directory: Path, force: bool, **options):
        try:
            report = load_catalogue(actor=system_actor(), directory=directory, force=force)
        except CatalogueError as exc:
            raise CommandError("the catalogue was not loaded:\n" + str(exc)) from None
        state = "loaded" if report.changed else "unchanged"
        self.stdout.write(
            f"catalogue {state}: {report.clauses} clauses, {report.practices} ITIL practices, "
            f"{report.information} items of required documented information"
        )
