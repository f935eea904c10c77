"""Render a page or one of its named partials, depending on who asks."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def render_page(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """The `partial` of `template` for a non-boosted htmx request, else the whole page.

    Page and fragment share one context, so the fragment can never drift from the page.
    """
    htmx = getattr(request, "htmx", None)
    if partial and htmx and not htmx.boosted:
        template = f"{template}#{partial}"
    return render(request, template, context, status=status)
