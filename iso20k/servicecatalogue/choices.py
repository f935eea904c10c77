"""Service status, request-item field types, and the history events of the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class ServiceStatus(models.TextChoices):
    PIPELINE = "pipeline", _("Pipeline")
    LIVE = "live", _("Live")
    RETIRED = "retired", _("Retired")


class FieldType(models.TextChoices):
    TEXT = "text", _("Text")
    LONG_TEXT = "long_text", _("Long text")
    CHOICE = "choice", _("Choice")
    DATE = "date", _("Date")
    NUMBER = "number", _("Number")
    YES_NO = "yes_no", _("Yes/no")


# Which status a service may move to from each status.
SERVICE_TRANSITIONS = {
    ServiceStatus.PIPELINE: {ServiceStatus.LIVE, ServiceStatus.RETIRED},
    ServiceStatus.LIVE: {ServiceStatus.RETIRED},
    ServiceStatus.RETIRED: {ServiceStatus.LIVE},
}

events.register(
    {
        "servicecatalogue.service.created": _("Service created"),
        "servicecatalogue.service.updated": _("Service updated"),
        "servicecatalogue.service.status_changed": _("Service status changed"),
        "servicecatalogue.requestitem.created": _("Request item created"),
        "servicecatalogue.requestitem.updated": _("Request item updated"),
    }
)
