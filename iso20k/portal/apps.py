from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "iso20k.portal"
    label = "portal"
    verbose_name = _("Customer portal")

    def ready(self) -> None:
        from iso20k.core import landing

        from . import access

        landing.register(access.landing_for)
