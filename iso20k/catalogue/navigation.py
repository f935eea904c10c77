from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "learn",
        _("Clause catalogue"),
        "catalogue:clause-list",
        "ti-book",
        access.can_view,
        order=10,
    )
)


def catalogue_card(user):
    from django.urls import reverse
    from django.utils.translation import ngettext

    from iso20k.core.journey import JourneyCard

    from .models import Clause

    if not access.can_view(user):
        return None
    total = Clause.objects.current().count()
    url = reverse("catalogue:clause-list")
    if not total:
        return JourneyCard(str(_("Clause catalogue")), "attention", str(_("Not loaded.")), url)
    text = ngettext(
        "%(n)s clause to learn, with our own summary of each.",
        "%(n)s clauses to learn, with our own summary of each.",
        total,
    ) % {"n": total}
    return JourneyCard(str(_("Clause catalogue")), "done", text, url)


register_card("learn", catalogue_card)
