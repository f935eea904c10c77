"""Choices the workspace's filter and bulk forms offer (lazy querysets, one query each)."""

from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service

from ..querysets import active_groups, agents


def filter_options() -> dict:
    return {
        "services": Service.objects.exclude(status="retired").order_by("code"),
        "groups": active_groups(),
        "agents": agents(),
        "customers": Customer.objects.filter(is_active=True).order_by("code"),
    }
