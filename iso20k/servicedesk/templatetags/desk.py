"""Template helpers of ticket pages: the status badge and the priority badge (one colour and
one icon or word per value, defined once in templates/components)."""

from django import template

from iso20k.slas.choices import Priority

register = template.Library()


@register.inclusion_tag("components/ticket_status.html")
def ticket_status(ticket):
    return {"status": ticket.status, "label": ticket.get_status_display()}


@register.inclusion_tag("components/priority_badge.html")
def priority_badge(priority: str):
    return {"priority": priority, "label": dict(Priority.choices).get(priority, priority)}


@register.filter
def get_item(mapping, key):
    """`{{ counts|get_item:code }}`: a dict value in a template (None when absent)."""
    return mapping.get(key) if mapping else None


@register.filter
def get_field(form, name: str):
    """`{{ form|get_field:name }}`: a bound field by name."""
    return form[name]
