"""Incidents arranged directly (no SLA clocks, no history): for list, access and query-count
tests. Tests of behaviour log incidents through incidents.services."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from iso20k.incidents.models import Incident


class IncidentFactory(DjangoModelFactory[Incident]):
    class Meta:
        model = Incident

    subject = factory.Sequence(lambda n: f"Incident {n}")
    description = "Something is wrong."
    status = "new"
    category = "software"
    impact = 2
    urgency = 2
    priority = "P3"
    reported_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    class Params:
        resolved = factory.Trait(
            status="resolved",
            resolution_code="fixed",
            resolution_notes="Restarted.",
            resolved_at=factory.LazyFunction(timezone.now),
        )
