"""Who may see and manage service level agreements (8.3.3).

Internal readers (agents among them) see agreements and their targets; administrators, the
certification lead and the owner of process 8.3.3 manage them. Clock state reaches
customers only through the ticket apps, which apply their own access rules.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts

from .models import ServiceLevelAgreement

PROCESS = "8.3.3"


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_manage(user) -> bool:
    return accounts.manages_process(user, PROCESS)


def check_manage(user) -> None:
    if not can_view(user):
        raise Http404
    if not can_manage(user):
        raise PermissionDenied


def visible_agreements(user) -> QuerySet[ServiceLevelAgreement]:
    if not can_view(user):
        return ServiceLevelAgreement.objects.none()
    return ServiceLevelAgreement.objects.all()


def get_agreement_for(user, code: str, action: str = "view") -> ServiceLevelAgreement:
    agreement = visible_agreements(user).filter(code=code).first()
    if agreement is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return agreement
