"""Reads of customers: lookups for grants (scope kind "customer") and list pages."""

from django.db.models import Count, Q, QuerySet

from .models import Customer


def customer_code_exists(code: str) -> bool:
    return Customer.objects.filter(code=code).exists()


def customer_label(code: str) -> str:
    customer = Customer.objects.filter(code=code).first()
    return f"{customer} ({code})" if customer else code


def customer_options() -> list[tuple[str, str]]:
    return [(c.code, str(c)) for c in Customer.objects.filter(is_active=True)]


def for_list(customers: QuerySet[Customer]) -> QuerySet[Customer]:
    """Customers with the counts a list shows, in one query."""
    return customers.annotate(
        contact_count=Count("contacts", distinct=True),
        service_count=Count("services", distinct=True, filter=~Q(services__status="retired")),
    )


def related_of(customer: Customer) -> dict:
    """What a customer's page shows besides itself: services, agreements, portal users."""
    from iso20k.accounts.choices import Role, ScopeKind
    from iso20k.accounts.models import Grant
    from iso20k.servicecatalogue.models import Service
    from iso20k.slas.models import ServiceLevelAgreement

    services = Service.objects.filter(Q(customers=customer) | Q(all_customers=True)).distinct()
    grants = (
        Grant.objects.active()
        .filter(role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref=customer.code)
        .select_related("user")
    )
    return {
        "services": services.order_by("code"),
        "agreements": ServiceLevelAgreement.objects.filter(customer=customer)
        .select_related("service", "calendar")
        .order_by("status", "code"),
        "portal_grants": grants,
    }
