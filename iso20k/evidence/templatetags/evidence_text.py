"""Text of checks and outcomes, rendered in the reader's language when shown."""

from django import template

from iso20k.evidence import messages

register = template.Library()


@register.filter
def check_title(code: str) -> str:
    return messages.title(code)


@register.filter
def outcome_text(outcome) -> str:
    return messages.render(outcome.code, outcome.status, outcome.params, outcome.error)
