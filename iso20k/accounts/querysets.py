"""Reads of users for lists (with their active grants, in two queries whatever the count)."""

from django.db.models import Prefetch, QuerySet

from .models import Grant, User


def with_active_grants(users: QuerySet[User]) -> QuerySet[User]:
    return users.prefetch_related(
        Prefetch(
            "grants", queryset=Grant.objects.active().order_by("role"), to_attr="active_grant_list"
        )
    )


def administrators() -> QuerySet[User]:
    """Active users who hold the administrator role now (or are superusers)."""
    from django.db.models import Q

    from .choices import Role

    holders = Grant.objects.active().filter(role=Role.ADMINISTRATOR).values("user_id")
    return User.objects.filter(is_active=True).filter(Q(pk__in=holders) | Q(is_superuser=True))
