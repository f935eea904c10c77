"""Template filters shared by every page."""

from django import template

from iso20k.core.i18n import localized as localized_value

register = template.Library()


@register.filter
def localized(obj: object, field: str) -> str:
    """`{{ clause|localized:"title" }}`: the reader's language, else the other one."""
    return localized_value(obj, field)
