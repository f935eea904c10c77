"""What every page of one programme needs: the programme, its tab and the user's flags."""

from .. import access
from ..querysets import today


def programme_context(user, programme, tab: str = "") -> dict:
    return {
        "programme": programme,
        "tab": tab,
        "can_edit": access.can_edit(user),
        "can_budget": access.can_view_budget(user),
        "today": today(),
    }
