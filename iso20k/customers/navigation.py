from django.utils.translation import gettext_lazy as _

from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "operate",
        _("Customers"),
        "customers:customer-list",
        "ti-building-store",
        access.can_view,
        order=20,
    )
)
