import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from iso20k.servicecatalogue.tests.factories import RequestItemFactory
from iso20k.servicerequests.models import FulfilmentTask, ServiceRequest


class ServiceRequestFactory(DjangoModelFactory[ServiceRequest]):
    """Arranged directly (no clocks, no history): for lists, access and query counts."""

    class Meta:
        model = ServiceRequest

    item = factory.SubFactory(RequestItemFactory)
    service = factory.LazyAttribute(lambda r: r.item.service)
    subject = factory.Sequence(lambda n: f"Request {n}")
    status = "new"
    impact = 3
    urgency = 3
    priority = "P5"
    answers = factory.LazyFunction(lambda: {"size": "small", "purpose": ""})
    reported_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


class FulfilmentTaskFactory(DjangoModelFactory[FulfilmentTask]):
    class Meta:
        model = FulfilmentTask

    request = factory.SubFactory(ServiceRequestFactory)
    title = factory.Sequence(lambda n: f"Step {n}")
