"""Who may read and change the organisation, its sites and the scope statement."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role

from .models import ScopeStatement, Site


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_edit(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, Role.CERTIFICATION_LEAD)


def can_approve_scope(user) -> bool:
    return accounts.has_role(user, Role.TOP_MANAGEMENT)


def check_view(user) -> None:
    if not can_view(user):
        raise Http404


def check_edit(user) -> None:
    check_view(user)
    if not can_edit(user):
        raise PermissionDenied


def visible_scope_statements(user) -> QuerySet[ScopeStatement]:
    if not can_view(user):
        return ScopeStatement.objects.none()
    return ScopeStatement.objects.select_related("drafted_by", "decided_by")


def get_scope_for(user, number: int, action: str = "view") -> ScopeStatement:
    scope = visible_scope_statements(user).filter(number=number).first()
    if scope is None:
        raise Http404
    if action == "edit" and not can_edit(user):
        raise PermissionDenied
    if action == "decide" and not can_approve_scope(user):
        raise PermissionDenied
    return scope


def get_site_for(user, pk: int, action: str = "view") -> Site:
    check_view(user)
    site = Site.objects.filter(pk=pk).first()
    if site is None:
        raise Http404
    if action != "view" and not can_edit(user):
        raise PermissionDenied
    return site
