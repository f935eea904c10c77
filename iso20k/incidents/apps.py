from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncidentsConfig(AppConfig):
    name = "iso20k.incidents"
    label = "incidents"
    verbose_name = _("Incidents")

    def ready(self) -> None:
        from iso20k.files import owners
        from iso20k.servicedesk import kinds

        from . import access, choices  # noqa: F401  (registers history labels)
        from .kind import KIND

        kinds.register(KIND)
        owners.register("incidents.incident", access.can_view_files_of_incident)
        owners.register("incidents.incidentcomment", access.can_view_files_of_comment)
