"""Reads of the service desk: support groups, the people who work tickets, process owners."""

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from iso20k.accounts.choices import Role, ScopeKind

from .models import SavedFilter, SupportGroup


def active_groups() -> QuerySet[SupportGroup]:
    return SupportGroup.objects.filter(is_active=True).order_by("code")


def groups_of(user) -> QuerySet[SupportGroup]:
    return SupportGroup.objects.filter(members=user, is_active=True)


def group_ids_of(user) -> list[int]:
    """The user's groups, read once per request (kept on the user object)."""
    cached = getattr(user, "_support_group_ids", None)
    if cached is None:
        cached = list(groups_of(user).values_list("pk", flat=True))
        user._support_group_ids = cached
    return cached


def for_list(groups: QuerySet[SupportGroup]) -> QuerySet[SupportGroup]:
    return groups.select_related("manager").annotate(member_count=Count("members", distinct=True))


def _active_grant_q(prefix: str = "grants__") -> Q:
    now = timezone.now()
    return Q(**{f"{prefix}revoked_at__isnull": True, f"{prefix}valid_from__lte": now}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gt": now})
    )


def agents() -> QuerySet:
    """Active users who may work tickets: agents (any scope) and administrators."""
    from iso20k.accounts.models import User

    roles = Q(grants__role__in=[Role.AGENT, Role.ADMINISTRATOR])
    return (
        User.objects.filter(_active_grant_q() & roles, is_active=True)
        .exclude(username="system")
        .distinct()
        .order_by("username")
    )


def process_owners(process: str) -> QuerySet:
    """Active owners of a process (a clause number), organisation-wide owners included."""
    from iso20k.accounts.models import User

    scope = Q(grants__scope_kind=ScopeKind.ORGANISATION) | Q(
        grants__scope_kind=ScopeKind.PROCESS, grants__scope_ref=process
    )
    return User.objects.filter(
        _active_grant_q() & Q(grants__role=Role.PROCESS_OWNER) & scope, is_active=True
    ).distinct()


def saved_filters_for(user, desk: str) -> QuerySet[SavedFilter]:
    return (
        SavedFilter.objects.filter(Q(owner=user) | Q(is_shared=True), kind=desk)
        .select_related("owner")
        .order_by("name", "pk")
    )


def attachments_of(owner_type: str, owner_ids) -> dict[str, list]:
    """{owner id: [StoredFile]} for many owners of one type, in one query."""
    from iso20k.files.models import StoredFile

    found: dict[str, list] = {}
    rows = StoredFile.objects.filter(
        owner_type=owner_type,
        owner_id__in=[str(pk) for pk in owner_ids],
        withdrawn_at__isnull=True,
    ).order_by("created_at")
    for stored in rows:
        found.setdefault(stored.owner_id, []).append(stored)
    return found


def ticket_detail(kind, ticket, comments) -> dict:
    """What every ticket page shows besides the ticket: its conversation with attachments,
    its SLA clocks (every cycle) and its headline SLA state; a handful of queries."""
    from django.utils import timezone

    from iso20k.slas import clocks
    from iso20k.slas.display import describe_rows, state_of, time_left_text

    comments = list(comments)
    comment_type = kind.comment_model._meta.label_lower
    files = attachments_of(comment_type, [c.pk for c in comments])
    now = timezone.now()
    cycles = []
    for clock in clocks.clocks_of(ticket):
        state = state_of(
            clock.stage,
            breach_at=clock.breach_at,
            warning_at=clock.warning_at,
            breached=clock.breached,
            now=now,
        )
        cycles.append({"clock": clock, "state": state})
    sla = describe_rows([ticket], now)[ticket.pk]
    return {
        "comments": [(c, files.get(str(c.pk), [])) for c in comments],
        "ticket_files": attachments_of(kind.key, [ticket.pk]).get(str(ticket.pk), []),
        "cycles": cycles,
        "sla": sla,
        "sla_text": time_left_text(sla.seconds_left),
    }
