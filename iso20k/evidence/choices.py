"""History events of the evidence engine."""

from django.utils.translation import gettext_lazy as _

from iso20k.history import events

events.register(
    {
        "evidence.snapshot.taken": _("Readiness snapshot taken"),
    }
)
