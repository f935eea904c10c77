from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServiceCatalogueConfig(AppConfig):
    name = "iso20k.servicecatalogue"
    label = "servicecatalogue"
    verbose_name = _("Service catalogue")

    def ready(self) -> None:
        from . import choices  # noqa: F401  (registers history labels)
