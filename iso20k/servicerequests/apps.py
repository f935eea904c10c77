from django.apps import AppConfig
from django.utils.translation import pgettext_lazy


class ServiceRequestsConfig(AppConfig):
    name = "iso20k.servicerequests"
    label = "servicerequests"
    verbose_name = pgettext_lazy("service requests", "Service requests")

    def ready(self) -> None:
        from iso20k.files import owners
        from iso20k.servicedesk import kinds

        from . import access, choices  # noqa: F401  (registers history labels)
        from .kind import KIND

        kinds.register(KIND)
        owners.register("servicerequests.servicerequest", access.can_view_files_of_request)
        owners.register("servicerequests.requestcomment", access.can_view_files_of_comment)
