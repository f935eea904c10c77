"""The demo service desk: months of tickets told through the services, loaded twice without
duplicates, with what `make run` should show (open and breached tickets, a reviewed major
incident, known errors, ratings, requests with approvals and tasks)."""

import pytest
from django.core.management import call_command
from django.db.models import Count

from iso20k.history.models import ChangeRecord
from iso20k.incidents.models import Incident, MajorIncidentReview
from iso20k.problems.models import KnownError, Problem
from iso20k.servicedesk.models import TicketMonthStat
from iso20k.servicerequests.models import Approval, FulfilmentTask, ServiceRequest

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return tuple(m.objects.count() for m in (Incident, ServiceRequest, Problem, KnownError))


def test_the_demo_desk_is_alive_and_loads_once(catalogue, settings):
    settings.DEMO_SCALE = 0.15
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first and first[0] > 40 and first[1] > 10
    statuses = dict(Incident.objects.values_list("status").annotate(n=Count("pk")))
    assert statuses.get("closed", 0) > 20 and Incident.objects.filter(is_open=True).exists()
    assert Incident.objects.filter(sla_ever_breached=True).exists()
    assert Incident.objects.filter(rating__isnull=False).exists()
    assert MajorIncidentReview.objects.count() == 1
    assert Incident.objects.filter(is_major=True, status="resolved", review__isnull=True).exists()
    assert KnownError.objects.count() == 3
    assert Incident.objects.filter(resolution_code="known_error").exists()
    assert Approval.objects.exists() and FulfilmentTask.objects.exists()
    spread = Incident.objects.dates("reported_at", "month")
    assert len(spread) >= 6  # six months of operation
    assert TicketMonthStat.objects.filter(resolution_met__gt=0).exists()
    # Business times are back-dated; the system time of every record is the load time.
    first_incident = Incident.objects.order_by("reported_at").first()
    assert (first_incident.created_at - first_incident.reported_at).days >= 150
    assert ChangeRecord.objects.filter(event="incidents.incident.resolved").exists()
