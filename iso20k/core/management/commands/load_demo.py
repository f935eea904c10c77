"""Load the bilingual demo organisation; running it again adds only what is missing."""

from iso20k.accounts.services import system_actor
from iso20k.core.demo_loading import demo_modules
from iso20k.core.management.base import ServiceCommand


class Command(ServiceCommand):
    help = "Create or complete the demo organisation (idempotent)."

    def handle(self, *args, **options):
        actor = system_actor()
        for module in demo_modules():
            summary = module.load(actor)
            if summary:
                self.stdout.write(f"{module.__name__.rsplit('.', 2)[-2]}: {summary}")
        from django.utils import translation

        from iso20k.accounts.demo import PASSWORD, logins

        self.stdout.write(f"\nDemo sign-ins (password {PASSWORD}):")
        with translation.override("en"):
            for username, role in logins():
                self.stdout.write(f"  {username:<12} {role}")
