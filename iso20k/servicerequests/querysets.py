"""Reads of service requests for their pages: answers with their labels, the detail page."""

from django.utils.translation import gettext as _

from iso20k.core.i18n import localized
from iso20k.history.querysets import for_object
from iso20k.servicedesk.querysets import ticket_detail

from . import access
from .kind import KIND
from .models import ServiceRequest


def answer_rows(definitions: list[dict], answers: dict) -> list[tuple[str, str]]:
    """(label, readable answer) per form field of the item, in the reader's language."""
    rows = []
    for definition in definitions:
        value = answers.get(definition["name"])
        if definition["type"] == "choice":
            labels = {c["value"]: localized(c, "label") for c in definition.get("choices", [])}
            value = labels.get(value, value)
        elif definition["type"] == "yes_no" and value is not None:
            value = _("Yes") if value else _("No")
        rows.append((localized(definition, "label"), "" if value in (None, "") else str(value)))
    return rows


def detail_of(request: ServiceRequest, user) -> dict:
    context = ticket_detail(KIND, request, access.visible_comments(user, request))
    context["answers"] = answer_rows(request.item.fields, request.answers)
    if access.is_customer(user):
        context["tasks"] = list(request.tasks.order_by("position", "pk"))
        return context
    context.update(
        approvals=list(request.approvals.select_related("approver")),
        tasks=list(request.tasks.select_related("assignee", "done_by").order_by("position", "pk")),
        history_records=for_object(request),
    )
    return context
