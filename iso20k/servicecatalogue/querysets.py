"""Reads of the catalogue: the live catalogue per customer (what the portal lists), lists."""

from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet

from .choices import ServiceStatus
from .models import RequestItem, Service


def _with_offered_items(services: QuerySet[Service]) -> QuerySet[Service]:
    items = RequestItem.objects.filter(is_active=True).order_by("code")
    return services.prefetch_related(Prefetch("request_items", queryset=items, to_attr="offered"))


def live() -> QuerySet[Service]:
    """Every live service, with its offered request items in `.offered` (two queries)."""
    return _with_offered_items(Service.objects.filter(status=ServiceStatus.LIVE))


def live_for_customers(customer_ids: Iterable[int]) -> QuerySet[Service]:
    ids = list(customer_ids)
    if not ids:
        return Service.objects.none()
    offered = Q(all_customers=True) | Q(customers__in=ids)
    matching = Service.objects.filter(offered, status=ServiceStatus.LIVE).values("pk")
    return _with_offered_items(Service.objects.filter(pk__in=matching))


def live_for_customer(customer) -> QuerySet[Service]:
    """The live catalogue a customer organisation sees: live services offered to it (or to
    every customer), each with its offered request items in `.offered`."""
    return live_for_customers([customer.pk])


def live_request_items_for_customer(customer) -> QuerySet[RequestItem]:
    services = live_for_customer(customer).values("pk")
    return RequestItem.objects.filter(service__in=services, is_active=True).select_related(
        "service"
    )


def for_list(services: QuerySet[Service]) -> QuerySet[Service]:
    return services.select_related("owner").annotate(
        item_count=Count("request_items", filter=Q(request_items__is_active=True), distinct=True),
        customer_count=Count("customers", distinct=True),
    )


def related_of(service: Service) -> dict:
    """What a service's page shows besides itself: customers, request items, agreements."""
    from iso20k.slas.models import ServiceLevelAgreement

    return {
        "customers": service.customers.order_by("code"),
        "items": service.request_items.order_by("-is_active", "code"),
        "agreements": ServiceLevelAgreement.objects.filter(
            Q(service=service) | Q(service__isnull=True)
        )
        .select_related("customer", "calendar")
        .order_by("status", "service", "code"),
    }
