from django.utils.translation import gettext_lazy as _

from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "operate",
        _("Business calendars"),
        "calendars:calendar-list",
        "ti-calendar-time",
        access.can_view,
        order=40,
    )
)
