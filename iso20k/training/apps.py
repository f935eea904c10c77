from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrainingConfig(AppConfig):
    name = "iso20k.training"
    label = "training"
    verbose_name = _("Training and competence")

    def ready(self) -> None:
        from . import (
            choices,  # noqa: F401  (registers history event labels)
            owners,  # noqa: F401  (certificates belong to attendance records)
        )
