"""States of the SMS scope statement, and the history events of this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class ScopeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Awaiting approval")
    APPROVED = "approved", _("Approved")
    SUPERSEDED = "superseded", _("Superseded")


OPEN_SCOPE_STATUSES = [ScopeStatus.DRAFT, ScopeStatus.SUBMITTED]

events.register(
    {
        "organisations.organisation.created": _("Organisation created"),
        "organisations.organisation.updated": _("Organisation updated"),
        "organisations.site.added": _("Site added"),
        "organisations.site.updated": _("Site updated"),
        "organisations.scopestatement.drafted": _("Scope draft started"),
        "organisations.scopestatement.updated": _("Scope draft edited"),
        "organisations.scopestatement.submitted": _("Scope submitted for approval"),
        "organisations.scopestatement.withdrawn": _("Scope withdrawn from approval"),
        "organisations.scopestatement.approved": _("Scope approved"),
        "organisations.scopestatement.rejected": _("Scope returned for rework"),
        "organisations.scopestatement.superseded": _("Scope superseded"),
    }
)
