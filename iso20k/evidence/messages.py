"""Render a check's outcome as text in the reader's language, from its code and figures."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from . import registry


def _formatted(params: dict) -> dict:
    shown = {}
    for key, value in params.items():
        if isinstance(value, float):
            shown[key] = number_format(value, decimal_pos=1)
        elif isinstance(value, list):
            shown[key] = ", ".join(str(v) for v in value)
        else:
            shown[key] = value
    return shown


def render(code: str, status: str, params: dict, error: str = "") -> str:
    check = registry.get(code)
    if status == "error":
        return _("The check could not run; it counts as failed until it runs again.")
    if check is None:
        return _("This check no longer exists.")
    template = check.messages.get(status)
    if template is None:
        return str(check.title)
    try:
        return str(template) % _formatted(params)
    except (KeyError, TypeError, ValueError):
        return str(check.title)


def title(code: str) -> str:
    check = registry.get(code)
    return str(check.title) if check else code
