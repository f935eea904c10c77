"""Who may read the whole history and verify the chain: administrators and auditors."""

from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role


def can_view_all(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, Role.INTERNAL_AUDITOR)


def check_view_all(user) -> None:
    if not can_view_all(user):
        raise Http404


def can_verify(user) -> bool:
    return accounts.is_administrator(user)
