from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "iso20k.organisations"
    label = "organisations"
    verbose_name = _("Organisation")

    def ready(self) -> None:
        from . import choices  # noqa: F401  (registers history event labels)
