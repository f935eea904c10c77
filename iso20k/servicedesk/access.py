"""Who may work tickets, read the desk, and manage support groups and saved filters.

Agents (organisation-wide, or scoped to one ticket process) and administrators work
tickets; top management, the certification lead and both kinds of auditors read them; the
process owner of 8.6.1, 8.6.2 or 8.6.3 reads (and steers) their own process. Customers
never use the desk pages: the portal shows them their organisation's tickets. Ticket apps
build their access.py on these predicates.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role, ScopeKind

from .models import SavedFilter, SupportGroup

PROCESSES = ("8.6.1", "8.6.2", "8.6.3")
READER_ROLES = (
    Role.TOP_MANAGEMENT,
    Role.CERTIFICATION_LEAD,
    Role.INTERNAL_AUDITOR,
    Role.EXTERNAL_AUDITOR,
)


def can_work(user) -> bool:
    """Works tickets of at least one process."""
    if accounts.is_administrator(user):
        return True
    return Role.AGENT in accounts.roles_of(user)


def can_work_process(user, process: str) -> bool:
    if accounts.is_administrator(user):
        return True
    return accounts.has_role(user, Role.AGENT, scope_kind=ScopeKind.PROCESS, scope_ref=process)


def owns_process(user, process: str) -> bool:
    return accounts.has_role(
        user, Role.PROCESS_OWNER, scope_kind=ScopeKind.PROCESS, scope_ref=process
    )


def can_view_process(user, process: str) -> bool:
    if can_work_process(user, process):
        return True
    if accounts.has_role(user, *READER_ROLES):
        return True
    return owns_process(user, process)


def can_view_desk(user) -> bool:
    return any(can_view_process(user, process) for process in PROCESSES)


def can_manage_groups(user) -> bool:
    if accounts.is_administrator(user):
        return True
    if accounts.has_role(user, Role.CERTIFICATION_LEAD):
        return True
    return any(owns_process(user, process) for process in PROCESSES)


def check_desk_reader(user) -> None:
    if not can_view_desk(user):
        raise Http404


def visible_groups(user) -> QuerySet[SupportGroup]:
    if not can_view_desk(user):
        return SupportGroup.objects.none()
    return SupportGroup.objects.all()


def get_group_for(user, code: str, action: str = "view") -> SupportGroup:
    group = visible_groups(user).filter(code=code).first()
    if group is None:
        raise Http404
    if action != "view" and not can_manage_groups(user):
        raise PermissionDenied
    return group


def check_manage_groups(user) -> None:
    check_desk_reader(user)
    if not can_manage_groups(user):
        raise PermissionDenied


def visible_filters(user, desk: str) -> QuerySet[SavedFilter]:
    if not can_view_desk(user):
        return SavedFilter.objects.none()
    return SavedFilter.objects.filter(Q(owner=user) | Q(is_shared=True), kind=desk)


def get_filter_for(user, pk: int, action: str = "view") -> SavedFilter:
    saved = SavedFilter.objects.filter(Q(owner=user) | Q(is_shared=True), pk=pk).first()
    if saved is None or not can_view_desk(user):
        raise Http404
    if action != "view" and saved.owner_id != user.pk:
        raise PermissionDenied
    return saved


def is_customer_side(user, ticket) -> bool:
    """The person writes as the customer: the requester, or a user of the ticket's
    customer organisation, who does not work tickets."""
    from iso20k.customers.access import customer_ids_of

    if can_work(user):
        return False
    if ticket.requester_id == user.pk:
        return True
    return ticket.customer_id is not None and ticket.customer_id in customer_ids_of(user)
