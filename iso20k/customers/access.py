"""Who may see and manage customers, and which customer organisations a customer user is of.

Internal readers (everyone who may read the SMS) see every customer; administrators, the
certification lead and the process owners of 8.2.4 or 8.3.3 manage them. A user holding
the customer role sees only the organisations named by their grants: ticket apps use
customer_ids_of(user) to narrow every query a customer makes.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role, ScopeKind

from .models import Customer, CustomerContact

MANAGING_PROCESSES = ("8.2.4", "8.3.3")


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_manage(user) -> bool:
    return accounts.manages_process(user, *MANAGING_PROCESSES)


def customer_codes_of(user) -> set[str]:
    """Codes of the customer organisations the user holds the customer role for."""
    return accounts.scopes_of(user, Role.CUSTOMER, ScopeKind.CUSTOMER)


def customer_ids_of(user) -> set[int]:
    """Primary keys of the user's customer organisations (empty for non-customers).

    Read once per request and kept on the user object, like the grants themselves.
    """
    cached = getattr(user, "_customer_ids", None)
    if cached is None:
        codes = customer_codes_of(user)
        cached = set(Customer.objects.filter(code__in=codes).values_list("pk", flat=True))
        if getattr(user, "is_authenticated", False):
            user._customer_ids = cached
    return cached


def customers_of(user) -> QuerySet[Customer]:
    return Customer.objects.filter(pk__in=customer_ids_of(user))


def is_customer_user(user) -> bool:
    return bool(customer_codes_of(user))


def visible_customers(user) -> QuerySet[Customer]:
    if can_view(user):
        return Customer.objects.all()
    return customers_of(user)


def get_customer_for(user, code: str, action: str = "view") -> Customer:
    customer = visible_customers(user).filter(code=code).first()
    if customer is None:
        raise Http404
    if action != "view" and not can_view(user):
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return customer


def get_contact_for(user, customer: Customer, pk: int, action: str = "view") -> CustomerContact:
    contact = customer.contacts.filter(pk=pk).first()
    if contact is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return contact


def check_manage(user) -> None:
    if not can_view(user):
        raise Http404
    if not can_manage(user):
        raise PermissionDenied
