from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlasConfig(AppConfig):
    name = "iso20k.slas"
    label = "slas"
    verbose_name = _("Service level agreements")

    def ready(self) -> None:
        from iso20k.calendars import listeners
        from iso20k.documents import template_context

        from . import choices, documents, services, tasks  # noqa: F401  (history labels, periodic jobs)

        listeners.register(
            on_change=services.queue_calendar_recompute,
            affected=services.open_clocks_on_calendars,
        )
        template_context.register("services", documents.services)
        template_context.register("slas", documents.agreements)
