from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "iso20k.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Each app's navigation.py and tasks.py register menu entries and periodic jobs.
        autodiscover_modules("navigation")
        autodiscover_modules("tasks")
