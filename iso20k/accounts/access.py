"""Who may see and do what with users and grants, and the role checks every app uses.

Active grants are read once per request and kept on the user object. Roles are checked
on the server only; an object a user may not see answers 404.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .choices import INTERNAL_ROLES, Role, ScopeKind
from .models import Grant, User


def active_grants(user) -> list[Grant]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    cached = getattr(user, "_active_grants", None)
    if cached is None:
        cached = list(Grant.objects.active().filter(user=user))
        user._active_grants = cached
    return cached


def forget_grants(user) -> None:
    if hasattr(user, "_active_grants"):
        del user._active_grants


def roles_of(user) -> set[str]:
    return {grant.role for grant in active_grants(user)}


def has_role(user, *roles: str, scope_kind: str | None = None, scope_ref: str = "") -> bool:
    """True if the user holds one of `roles` for the whole organisation or the given scope."""
    for grant in active_grants(user):
        if grant.role not in roles:
            continue
        if grant.scope_kind == ScopeKind.ORGANISATION:
            return True
        if (
            scope_kind is not None
            and grant.scope_kind == scope_kind
            and grant.scope_ref == scope_ref
        ):
            return True
    return False


def scopes_of(user, role: str, scope_kind: str) -> set[str]:
    """The scope refs of `scope_kind` for which the user holds `role`."""
    return {
        g.scope_ref for g in active_grants(user) if g.role == role and g.scope_kind == scope_kind
    }


def is_administrator(user) -> bool:
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return has_role(user, Role.ADMINISTRATOR)


def is_internal(user) -> bool:
    """Holds at least one role of the organisation's own people."""
    return is_administrator(user) or bool(roles_of(user) & INTERNAL_ROLES)


def is_external_auditor(user) -> bool:
    return Role.EXTERNAL_AUDITOR in roles_of(user)


def manages_process(user, *processes: str) -> bool:
    """May manage what one of `processes` (clause numbers) owns: administrators, the
    certification lead and the owner of that process."""
    if is_administrator(user) or has_role(user, Role.CERTIFICATION_LEAD):
        return True
    return any(
        has_role(user, Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref=process)
        for process in processes
    )


def can_read_sms(user) -> bool:
    """May read the SMS reference pages (catalogue, organisation, scope)."""
    return is_internal(user) or is_external_auditor(user)


def visible_users(user) -> QuerySet[User]:
    if not getattr(user, "is_authenticated", False):
        return User.objects.none()
    if is_administrator(user):
        return User.objects.exclude(username="system")
    return User.objects.filter(pk=user.pk)


def get_user_for(user, pk: int, action: str = "view") -> User:
    target = visible_users(user).filter(pk=pk).first()
    if target is None:
        raise Http404
    if action != "view" and not is_administrator(user):
        raise PermissionDenied
    return target


def visible_grants(user) -> QuerySet[Grant]:
    if not getattr(user, "is_authenticated", False):
        return Grant.objects.none()
    if is_administrator(user):
        return Grant.objects.all()
    return Grant.objects.filter(user=user)


def get_grant_for(user, pk: int, action: str = "view") -> Grant:
    grant = visible_grants(user).filter(pk=pk).select_related("user").first()
    if grant is None:
        raise Http404
    if action != "view" and not is_administrator(user):
        raise PermissionDenied
    return grant
