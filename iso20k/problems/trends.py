"""Incident trends: services and categories with repeated incidents in a recent window, the
usual reason to raise a problem (8.6.3). One grouped query over the window's incidents."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.choices import Category

from .choices import OPEN_PROBLEM_STATUSES

WINDOWS = (7, 30, 90)
DEFAULT_WINDOW = 30
DEFAULT_THRESHOLD = 3


@dataclass(frozen=True)
class Trend:
    service: Service | None
    category: str
    total: int
    unlinked: int
    open_problems: int

    @property
    def category_label(self) -> str:
        return str(dict(Category.choices).get(self.category, self.category))


def window_start(days: int, now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(days=days)


def incidents_in(days: int, *, service_id, category: str, now=None):
    from iso20k.incidents.models import Incident

    return Incident.objects.filter(
        reported_at__gte=window_start(days, now), service_id=service_id, category=category
    )


def trends(days: int = DEFAULT_WINDOW, threshold: int = DEFAULT_THRESHOLD, now=None) -> list:
    from iso20k.incidents.models import Incident

    grouped = (
        Incident.objects.filter(reported_at__gte=window_start(days, now))
        .values("service", "category")
        .annotate(
            total=Count("id"),
            unlinked=Count("id", filter=Q(problem__isnull=True)),
            open_problems=Count(
                "problem", filter=Q(problem__status__in=OPEN_PROBLEM_STATUSES), distinct=True
            ),
        )
        .filter(total__gte=threshold)
        .order_by("-total", "service", "category")
    )
    rows = list(grouped[:50])
    services = Service.objects.in_bulk([r["service"] for r in rows if r["service"]])
    return [
        Trend(
            service=services.get(row["service"]),
            category=row["category"],
            total=row["total"],
            unlinked=row["unlinked"],
            open_problems=row["open_problems"],
        )
        for row in rows
    ]
