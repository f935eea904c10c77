from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CalendarsConfig(AppConfig):
    name = "iso20k.calendars"
    label = "calendars"
    verbose_name = _("Business calendars")

    def ready(self) -> None:
        from . import choices, tasks  # noqa: F401  (history labels, periodic jobs)
