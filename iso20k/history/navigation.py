from django.utils.translation import gettext_lazy as _

from iso20k.core.navigation import NavItem, register

from . import access

register(
    NavItem(
        "admin", _("History"), "history:record-list", "ti-history", access.can_view_all, order=20
    )
)
register(
    NavItem(
        "admin",
        _("History verification"),
        "history:verification",
        "ti-shield-check",
        access.can_view_all,
        order=30,
    )
)
