from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "learn",
        _("Gap assessments"),
        "gaps:assessment-list",
        "ti-chart-dots-3",
        access.can_view,
        order=20,
    )
)
register(NavItem("learn", _("Gaps"), "gaps:gap-list", "ti-list-numbers", access.can_view, 30))


def assessment_card(user):
    from django.urls import reverse
    from django.utils.translation import ngettext

    from iso20k.core.journey import JourneyCard

    from . import querysets
    from .models import Assessment, Gap

    if not access.can_view(user):
        return None
    latest = Assessment.objects.order_by("-assessed_on", "-pk").first()
    title = str(_("Gap assessment"))
    if latest is None:
        url = reverse("gaps:assessment-list")
        return JourneyCard(title, "todo", str(_("No gap assessment yet.")), url)
    score = querysets.score(latest.ratings.values_list("rating", flat=True))
    open_gaps = Gap.objects.open().count()
    text = _("%(title)s: %(percent)s%% of the way to conforming.") % {
        "title": latest,
        "percent": score.percent,
    }
    gaps = ngettext("%(n)s open gap.", "%(n)s open gaps.", open_gaps) % {"n": open_gaps}
    if latest.is_open:
        status = "progress"
    elif open_gaps:
        status = (
            "attention" if Gap.objects.open().filter(priority="critical").exists() else ("progress")
        )
    else:
        status = "done"
    return JourneyCard(title, status, f"{text} {gaps}", latest.get_absolute_url())


register_card("learn", assessment_card)
