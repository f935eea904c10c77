from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "review",
        _("Readiness"),
        "evidence:dashboard",
        "ti-gauge",
        access.can_view_readiness,
        order=5,
    )
)
register(
    NavItem(
        "certify",
        _("Readiness snapshots"),
        "evidence:snapshot-list",
        "ti-camera",
        lambda user: access.can_view_readiness(user) or access.visible_snapshots(user).exists(),
        order=50,
    )
)


def readiness_card(user):
    from django.urls import reverse

    from iso20k.core.journey import JourneyCard

    from .querysets import latest_live_evaluation

    if not access.can_view_readiness(user):
        return None
    latest = latest_live_evaluation()
    url = reverse("evidence:dashboard")
    if latest is None or latest.score is None:
        return JourneyCard(str(_("Readiness")), "todo", str(_("Not evaluated yet.")), url)
    status = "done" if latest.score >= 90 else "progress" if latest.score >= 50 else "attention"
    text = _("%(score)s%% ready, from live records.") % {"score": latest.score}
    return JourneyCard(str(_("Readiness")), status, str(text), url)


register_card("review", readiness_card)
