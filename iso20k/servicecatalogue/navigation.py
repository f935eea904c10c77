from django.utils.translation import gettext_lazy as _

from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "operate",
        _("Service catalogue"),
        "servicecatalogue:service-list",
        "ti-layout-list",
        access.can_view,
        order=10,
    )
)
