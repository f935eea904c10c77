"""Who may read the clause catalogue: the organisation's people and external auditors."""

from django.http import Http404

from iso20k.accounts import access as accounts


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def check_view(user) -> None:
    if not can_view(user):
        raise Http404
