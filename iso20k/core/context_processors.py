"""Context every page needs: the menu, the languages, the history-verification alarm."""

from django.conf import settings
from django.http import HttpRequest

from . import navigation


def shell(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"languages": settings.LANGUAGES}
    from iso20k.accounts import access
    from iso20k.history import querysets as history_queries

    alarm = None
    if access.is_administrator(user):
        alarm = history_queries.latest_failed_verification()
    return {
        "languages": settings.LANGUAGES,
        "menu": navigation.menu_for(user, request.path),
        "history_alarm": alarm,
    }
