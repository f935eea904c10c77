"""Who may see and manage the service catalogue (8.2.4).

Internal readers see every service; administrators, the certification lead and the owner
of process 8.2.4 manage it. Customers never use these pages: the portal lists what
querysets.live_for_customer() returns for their organisations.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.customers import access as customers

from . import querysets
from .models import RequestItem, Service

PROCESS = "8.2.4"


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_manage(user) -> bool:
    return accounts.manages_process(user, PROCESS)


def visible_services(user) -> QuerySet[Service]:
    if not can_view(user):
        return Service.objects.none()
    return Service.objects.all()


def live_services_for(user) -> QuerySet[Service]:
    """The live catalogue the user may browse: all live services for internal readers,
    the services offered to their organisations for customers."""
    if can_view(user):
        return querysets.live()
    return querysets.live_for_customers(customers.customer_ids_of(user))


def get_service_for(user, code: str, action: str = "view") -> Service:
    service = visible_services(user).filter(code__iexact=code).first()
    if service is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return service


def get_item_for(user, service: Service, code: str, action: str = "view") -> RequestItem:
    item = service.request_items.filter(code=code).first()
    if item is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return item
