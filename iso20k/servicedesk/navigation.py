from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from iso20k.core.journey import register as register_card
from iso20k.core.navigation import NavItem, register

from . import access


def _can(kind_desk: str):
    def check(user) -> bool:
        from . import kinds

        kind = kinds.for_desk(kind_desk)
        return kind is not None and kind.can_view(user)

    return check


def _problems(user) -> bool:
    from iso20k.problems import access as problems

    return problems.can_view(user)


def _known_errors(user) -> bool:
    from iso20k.problems import access as problems

    return problems.can_view_known_errors(user)


register(
    NavItem(
        "operate",
        _("Service desk"),
        "servicedesk:desk",
        "ti-layout-dashboard",
        access.can_view_desk,
        order=40,
    )
)
register(
    NavItem(
        "operate",
        _("Incidents"),
        "incidents:incident-list",
        "ti-alert-circle",
        _can("incidents"),
        order=41,
    )
)
register(
    NavItem(
        "operate",
        pgettext_lazy("service requests", "Service requests"),
        "servicerequests:request-list",
        "ti-shopping-cart",
        _can("requests"),
        order=42,
    )
)
register(NavItem("operate", _("Problems"), "problems:problem-list", "ti-bug", _problems, order=43))
register(
    NavItem(
        "operate",
        _("Known errors"),
        "problems:knownerror-list",
        "ti-books",
        _known_errors,
        order=44,
    )
)
register(
    NavItem(
        "operate",
        _("Lapse reports"),
        "servicedesk:report-achievement",
        "ti-report-analytics",
        access.can_view_desk,
        order=45,
    )
)
register(
    NavItem(
        "operate",
        _("Support groups"),
        "servicedesk:group-list",
        "ti-users-group",
        access.can_view_desk,
        order=46,
    )
)


def service_desk_card(user):
    """Home page: open tickets, tickets past their deadline, resolutions late this month."""
    from django.db.models import Sum
    from django.urls import reverse
    from django.utils import timezone

    from iso20k.core.counting import bounded_count
    from iso20k.core.journey import JourneyCard

    from . import kinds
    from .models import TicketMonthStat
    from .reporting.lapses import overdue_q

    readable = [k for k in kinds.registered() if k.can_view(user)]
    if not readable:
        return None
    now = timezone.now()
    title = str(_("Service desk (8.6)"))
    open_count = sum(bounded_count(k.visible(user).filter(is_open=True)).value for k in readable)
    overdue = sum(bounded_count(k.visible(user).filter(overdue_q(now))).value for k in readable)
    late = (
        TicketMonthStat.objects.filter(
            kind__in=[k.key for k in readable], month=timezone.localdate().replace(day=1)
        ).aggregate(late=Sum("resolution_missed"))["late"]
        or 0
    )
    if not open_count and not late:
        text = _("No open ticket. Log incidents and requests as they come in.")
        return JourneyCard(title, "todo", str(text), reverse("servicedesk:desk"))
    text = _(
        "%(open)s open tickets, %(overdue)s past their deadline; %(late)s resolved late this month."
    ) % {"open": open_count, "overdue": overdue, "late": late}
    status = "attention" if overdue else "progress"
    return JourneyCard(title, status, str(text), reverse("servicedesk:report-overdue"))


register_card("operate", service_desk_card)
