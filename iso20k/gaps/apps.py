from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GapsConfig(AppConfig):
    name = "iso20k.gaps"
    label = "gaps"
    verbose_name = _("Gap assessments")

    def ready(self) -> None:
        from . import (
            choices,  # noqa: F401  (registers history event labels)
            owners,  # noqa: F401  (evidence files belong to clause ratings)
        )
