from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgrammeConfig(AppConfig):
    name = "iso20k.programme"
    label = "programme"
    verbose_name = _("Certification programme")

    def ready(self) -> None:
        from . import choices  # noqa: F401  (registers history event labels)
