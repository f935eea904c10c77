"""Reads of the portal: the home page, the organisation's tickets, one ticket as the
customer sees it (public replies only)."""

from django.urls import reverse
from django.utils import timezone

from iso20k.servicedesk import forms as desk_forms
from iso20k.servicedesk import kinds
from iso20k.servicedesk.querysets import attachments_of

from . import access, forms

HOME_ROWS = 8


def portal_url(desk: str, ticket) -> str:
    return reverse("portal:ticket-detail", args=[desk, ticket.pk])


def tickets_of(kind, user, state: str = "open"):
    tickets = kind.visible(user).select_related("service")
    if state == "open":
        return tickets.filter(is_open=True)
    if state == "done":
        return tickets.filter(is_open=False)
    return tickets


def home_of(user) -> dict:
    sections, to_rate = [], []
    for kind in kinds.registered():
        open_rows = list(tickets_of(kind, user).order_by("-created_at", "-id")[:HOME_ROWS])
        sections.append({"kind": kind, "rows": open_rows})
        unrated = (
            kind.visible(user)
            .filter(status__in=["resolved", "closed"], rating__isnull=True, requester=user)
            .order_by("-resolved_at")[:3]
        )
        to_rate += [(kind.desk, ticket) for ticket in unrated]
    return {
        "organisations": access.organisations_of(user),
        "sections": sections,
        "to_rate": to_rate,
    }


def ticket_of(kind, ticket, **forms_given) -> dict:
    comments = list(
        kind.comment_model.objects.filter(**{kind.comment_field: ticket}, is_public=True)
        .select_related("author")
        .order_by("at", "pk")
    )
    files = attachments_of(kind.comment_model._meta.label_lower, [c.pk for c in comments])
    context = {
        "kind": kind,
        "desk": kind.desk,
        "ticket": ticket,
        "comments": [(c, files.get(str(c.pk), [])) for c in comments],
        "ticket_files": attachments_of(kind.key, [ticket.pk]).get(str(ticket.pk), []),
        "now": timezone.now(),
        "can_reply": ticket.status not in ("closed", "cancelled", "rejected"),
        "can_rate": ticket.status in ("resolved", "closed") and ticket.rating is None,
        "can_reopen": ticket.status == "resolved",
        "reply_form": forms_given.get("reply_form") or desk_forms.CustomerCommentForm(),
        "rate_form": forms_given.get("rate_form") or desk_forms.RateForm(),
        "reopen_form": forms_given.get("reopen_form")
        or forms.ReopenForm(initial={"version": ticket.version}),
    }
    if kind.desk == "requests":
        from iso20k.servicerequests.querysets import answer_rows

        context["answers"] = answer_rows(ticket.item.fields, ticket.answers)
        context["tasks"] = list(ticket.tasks.order_by("position", "pk"))
    return context
