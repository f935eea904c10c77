from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProblemsConfig(AppConfig):
    name = "iso20k.problems"
    label = "problems"
    verbose_name = _("Problems and known errors")

    def ready(self) -> None:
        from . import choices  # noqa: F401  (registers history labels)
