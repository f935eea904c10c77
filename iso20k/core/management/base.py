"""Base for iso20k commands: changes they make are recorded with channel "cli"."""

from django.core.management.base import BaseCommand

from iso20k.core.context import change_context


class ServiceCommand(BaseCommand):
    channel = "cli"

    def execute(self, *args, **options):
        with change_context(self.channel):
            return super().execute(*args, **options)
