from django.utils.translation import gettext_lazy as _

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "operate",
        _("Service level agreements"),
        "slas:agreement-list",
        "ti-clock-check",
        access.can_view,
        order=30,
    )
)


def service_levels_card(user):
    """Home page: are service levels set up, and is every calendar's holiday data official?"""
    from django.urls import reverse
    from django.utils import timezone

    from iso20k.calendars.models import BusinessCalendar
    from iso20k.calendars.querysets import region_warnings
    from iso20k.core.journey import JourneyCard

    from .choices import AgreementStatus
    from .models import ServiceLevelAgreement

    if not access.can_view(user):
        return None
    title = str(_("Service levels (8.3.3)"))
    active = ServiceLevelAgreement.objects.filter(status=AgreementStatus.ACTIVE).count()
    if not active:
        text = _("No agreement yet: tickets would have no SLA.")
        return JourneyCard(title, "todo", str(text), reverse("slas:agreement-list"))
    regions = set(
        BusinessCalendar.objects.filter(is_active=True)
        .exclude(holiday_region="")
        .values_list("holiday_region", flat=True)
    )
    warnings = region_warnings(regions, timezone.localdate())
    if warnings:
        region, items = next(iter(warnings.items()))
        text = _("The official %(region)s holidays of %(year)s are missing.") % {
            "region": region,
            "year": items[0]["year"],
        }
        return JourneyCard(title, "attention", str(text), reverse("calendars:schedule-list"))
    text = _("%(count)s active agreements; holiday data is official.") % {"count": active}
    return JourneyCard(title, "done", str(text), reverse("slas:agreement-list"))


register_card("operate", service_levels_card)
