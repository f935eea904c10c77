"""Who sees readiness and snapshots: the organisation's people; external auditors only the
snapshots shared with their audit (a grant scoped to the snapshot's audit reference)."""

from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role, ScopeKind

from .models import Snapshot

MANAGERS = (Role.TOP_MANAGEMENT, Role.CERTIFICATION_LEAD, Role.INTERNAL_AUDITOR)


def can_view_readiness(user) -> bool:
    return accounts.is_internal(user)


def check_view_readiness(user) -> None:
    if not can_view_readiness(user):
        raise Http404


def can_evaluate(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, *MANAGERS)


def can_take_snapshot(user) -> bool:
    return can_evaluate(user)


def visible_snapshots(user) -> QuerySet[Snapshot]:
    if can_view_readiness(user):
        return Snapshot.objects.all()
    refs = accounts.scopes_of(user, Role.EXTERNAL_AUDITOR, ScopeKind.AUDIT)
    if refs:
        return Snapshot.objects.filter(audit_ref__in=refs)
    return Snapshot.objects.none()


def get_snapshot_for(user, pk) -> Snapshot:
    snapshot = (
        visible_snapshots(user).select_related("evaluation", "taken_by").filter(pk=pk).first()
    )
    if snapshot is None:
        raise Http404
    return snapshot
