from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "plan",
        _("Certification programme"),
        "programme:programme-list",
        "ti-route",
        access.can_view,
        order=20,
    )
)
register(NavItem("plan", _("My tasks"), "programme:my-tasks", "ti-checklist", access.can_view, 30))


def programme_card(user):
    from django.urls import reverse
    from django.utils.translation import ngettext

    from iso20k.core.journey import JourneyCard

    from . import querysets
    from .choices import ProgrammeStatus
    from .models import Programme

    if not access.can_view(user):
        return None
    programme = Programme.objects.current()
    title = str(_("Certification programme"))
    if programme is None:
        url = reverse("programme:programme-list")
        return JourneyCard(title, "todo", str(_("No programme started yet.")), url)
    progress = querysets.progress_of(programme)
    text = _("%(title)s: %(percent)s%% done, target %(target)s.") % {
        "title": programme,
        "percent": progress.percent,
        "target": programme.target_on.isoformat(),
    }
    if progress.overdue:
        status = "attention"
        overdue = ngettext(
            "%(n)s milestone or task is overdue.",
            "%(n)s milestones or tasks are overdue.",
            progress.overdue,
        ) % {"n": progress.overdue}
        text = f"{text} {overdue}"
    elif programme.status == ProgrammeStatus.APPROVED:
        status = "progress"
    else:
        status = "todo"
        text = f"{text} {programme.get_status_display()}."
    return JourneyCard(title, status, str(text), programme.get_absolute_url())


register_card("plan", programme_card)
