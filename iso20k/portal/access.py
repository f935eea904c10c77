"""Who uses the customer portal: people holding the customer role for an organisation.

They see the live catalogue offered to their organisations and the tickets of those
organisations only (another organisation's ticket answers 404). Customers land here after
signing in; the organisation's own people use the desk instead.
"""

from django.http import Http404
from django.urls import reverse

from iso20k.accounts import access as accounts
from iso20k.customers.access import customer_ids_of, customers_of


def is_portal_user(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and customer_ids_of(user))


def check_portal_user(user) -> None:
    if not is_portal_user(user):
        raise Http404


def landing_for(user) -> str | None:
    """Customers start in the portal; anyone with an internal role starts on the journey."""
    if is_portal_user(user) and not accounts.is_internal(user):
        return reverse("portal:home")
    return None


def organisations_of(user):
    return customers_of(user).order_by("code")


def get_ticket_for(user, desk: str, pk: int, action: str = "view"):
    """A ticket of the user's organisations (404 otherwise), through the kind's access."""
    from iso20k.servicedesk import kinds

    check_portal_user(user)
    kind = kinds.for_desk(desk)
    if kind is None:
        raise Http404
    ticket = kind.get_for(user, pk, action)
    if ticket.customer_id not in customer_ids_of(user):
        raise Http404
    return kind, ticket
