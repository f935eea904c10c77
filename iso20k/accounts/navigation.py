from django.utils.translation import gettext_lazy as _

from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "admin",
        _("Users and roles"),
        "accounts:user-list",
        "ti-users",
        access.is_administrator,
        order=10,
    )
)
