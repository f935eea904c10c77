"""Kinds of documented information and ITIL practice groups; history events of the catalogue."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class InformationKind(models.TextChoices):
    DOCUMENT = "document", _("Document to maintain")
    RECORD = "record", _("Record to retain")


class PracticeGroup(models.TextChoices):
    GENERAL = "general", _("General management practices")
    SERVICE = "service", _("Service management practices")
    TECHNICAL = "technical", _("Technical management practices")


events.register({"catalogue.catalogue.loaded": _("Clause catalogue loaded")})
