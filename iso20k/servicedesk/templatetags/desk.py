"""Template helpers of ticket pages: the status badge and the priority badge (one colour and
one icon or word per value, defined once here). They are drawn with format_html, not an
included template: a queue page draws them for every row."""

from django import template
from django.utils.html import format_html

from iso20k.slas.choices import Priority

register = template.Library()

# status: (badge colour, icon)
STATUS_LOOK = {
    "new": ("bg-blue-lt", "ti-sparkles"),
    "in_progress": ("bg-azure-lt", "ti-tool"),
    "awaiting_approval": ("bg-purple-lt", "ti-user-check"),
    "on_hold": ("bg-yellow-lt", "ti-player-pause"),
    "resolved": ("bg-green-lt", "ti-circle-check"),
    "closed": ("bg-secondary-lt", "ti-lock"),
    "rejected": ("bg-red-lt", "ti-ban"),
}
OTHER_STATUS = ("bg-secondary-lt", "ti-x")
PRIORITY_LOOK = {
    "P1": "bg-red text-red-fg",
    "P2": "bg-orange text-orange-fg",
    "P3": "bg-yellow-lt",
    "P4": "bg-secondary-lt",
}


@register.simple_tag
def ticket_status(ticket):
    colour, icon = STATUS_LOOK.get(ticket.status, OTHER_STATUS)
    return format_html(
        '<span class="badge {} ticket-status"><i class="ti {} me-1" aria-hidden="true"></i>{}'
        "</span>",
        colour,
        icon,
        ticket.get_status_display(),
    )


@register.simple_tag
def priority_badge(priority: str):
    return format_html(
        '<span class="badge {} priority-badge" title="{}">{}</span>',
        PRIORITY_LOOK.get(priority, "bg-secondary-lt"),
        dict(Priority.choices).get(priority, priority),
        priority,
    )


@register.filter
def get_item(mapping, key):
    """`{{ counts|get_item:code }}`: a dict value in a template (None when absent)."""
    return mapping.get(key) if mapping else None


@register.filter
def get_field(form, name: str):
    """`{{ form|get_field:name }}`: a bound field by name."""
    return form[name]
