"""Reads of problems and known errors: lists, the known errors an incident suggests, search."""

from django.db.models import Count, Q, QuerySet

from iso20k.core import search

from .choices import OPEN_PROBLEM_STATUSES, KnownErrorStatus
from .models import KnownError, Problem

SUGGESTED = 5


def active_known_errors() -> QuerySet[KnownError]:
    return KnownError.objects.filter(status=KnownErrorStatus.ACTIVE).order_by("-published_at")


def suggestions_for(incident, limit: int = SUGGESTED) -> list[KnownError]:
    """Active known errors of the incident's service or category, newest first."""
    match = Q(category=incident.category)
    if incident.service_id:
        match |= Q(service_id=incident.service_id)
    return list(active_known_errors().filter(match).select_related("service")[:limit])


def search_known_errors(query: str, limit: int = 20) -> QuerySet[KnownError]:
    ids = search.matching_ids("problems.knownerror", query)
    return (
        KnownError.objects.filter(pk__in=ids)
        .select_related("service")
        .order_by("status", "-published_at")[:limit]
    )


def for_list(problems: QuerySet[Problem]) -> QuerySet[Problem]:
    return problems.select_related("service", "assigned_group", "assignee").annotate(
        incident_count=Count("incidents", distinct=True)
    )


def open_problems() -> QuerySet[Problem]:
    return Problem.objects.filter(status__in=OPEN_PROBLEM_STATUSES)


def _int(value) -> int | None:
    return int(value) if str(value or "").isdigit() else None


def raise_initial(params) -> dict:
    """Prefill for raising a problem from an incident (?incident=) or a trend
    (?trend_service=&trend_category=&trend_days=)."""
    from django.utils.translation import gettext as _

    from iso20k.incidents.models import Incident
    from iso20k.servicecatalogue.models import Service
    from iso20k.servicedesk.choices import Category

    incident = Incident.objects.filter(pk=_int(params.get("incident"))).first()
    if incident is not None:
        return {
            "incident": incident.pk,
            "subject": incident.subject,
            "description": incident.description,
            "category": incident.category,
            "service": incident.service_id,
            "impact": incident.impact,
            "urgency": incident.urgency,
        }
    category = params.get("trend_category", "")
    if category not in Category.values:
        return {}
    service = Service.objects.filter(pk=_int(params.get("trend_service"))).first()
    days = _int(params.get("trend_days")) or 30
    label = dict(Category.choices)[category]
    subject = _("Repeated %(category)s incidents on %(service)s") % {
        "category": label,
        "service": service or _("no service"),
    }
    return {
        "trend_service": service.pk if service else None,
        "trend_category": category,
        "trend_days": days,
        "subject": subject,
        "category": category,
        "service": service.pk if service else None,
    }


def raise_origin(user, params) -> dict:
    """What the new problem will be linked to, for the form page to say so."""
    from iso20k.incidents import access as incident_access

    incident = (
        incident_access.visible_incidents(user).filter(pk=_int(params.get("incident"))).first()
    )
    if incident is not None:
        return {"incident": incident}
    if params.get("trend_category"):
        from .trends import incidents_in

        days = _int(params.get("trend_days")) or 30
        count = (
            incidents_in(
                days,
                service_id=_int(params.get("trend_service")),
                category=params.get("trend_category"),
            )
            .filter(problem__isnull=True)
            .count()
        )
        return {"trend": True, "count": count, "days": days}
    return {}


def raise_links(user, data: dict) -> tuple[str, list]:
    """Pop the origin fields from a cleaned form: (source, incidents to link)."""
    from iso20k.incidents import access as incident_access

    from .choices import ProblemSource
    from .trends import incidents_in

    incident_id = data.pop("incident", None)
    service_id = data.pop("trend_service", None)
    category = data.pop("trend_category", "")
    days = data.pop("trend_days", None) or 30
    visible = incident_access.visible_incidents(user)
    if incident_id:
        return ProblemSource.INCIDENT, list(visible.filter(pk=incident_id))
    if category:
        trend = incidents_in(days, service_id=service_id, category=category)
        return ProblemSource.TREND, list(
            visible.filter(pk__in=trend.filter(problem__isnull=True).values("pk"))[:500]
        )
    return ProblemSource.PROACTIVE, []
