from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "plan",
        _("Organisation and scope"),
        "organisations:overview",
        "ti-building",
        access.can_view,
        order=10,
    )
)


def scope_card(user):
    from django.urls import reverse

    from iso20k.core.journey import JourneyCard

    from .choices import ScopeStatus
    from .models import ScopeStatement

    if not access.can_view(user):
        return None
    latest = ScopeStatement.objects.order_by("-number").first()
    url = reverse("organisations:overview")
    if latest is None:
        return JourneyCard(str(_("SMS scope")), "todo", str(_("No scope drafted yet.")), url)
    if latest.status == ScopeStatus.APPROVED:
        text = _("Version %(n)s approved by %(who)s.") % {
            "n": latest.number,
            "who": latest.decided_by,
        }
        return JourneyCard(str(_("SMS scope")), "done", str(text), url)
    approved = ScopeStatement.objects.filter(status=ScopeStatus.APPROVED).exists()
    state = latest.get_status_display()
    text = _("Version %(n)s: %(state)s.") % {"n": latest.number, "state": state}
    return JourneyCard(str(_("SMS scope")), "progress" if approved else "todo", str(text), url)


register_card("plan", scope_card)
