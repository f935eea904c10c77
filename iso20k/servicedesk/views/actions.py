"""Generic pages of ticket workflow actions (assign, hold, resolve, close, reopen…): a form
that shows the ticket it acts on, calls one service with the version the agent saw, and
on a conflict keeps the input under a banner naming who changed what and when."""

from django.utils.translation import gettext as _

from iso20k.core.views import ServiceFormView, redirect_after_post
from iso20k.servicedesk import forms


class TicketActionView(ServiceFormView):
    """Declare: get_ticket (access.get_<noun>_for), action, form_class, service, title."""

    template_name = "servicedesk/ticket_action.html"
    form_class = forms.ConfirmForm
    get_ticket = None
    service = None
    action = "work"
    title = ""
    explanation = ""
    button_label = ""
    button_class = "btn-primary"
    success_message = None

    def load(self):
        self.object = type(self).get_ticket(self.request.user, self.kwargs["pk"], self.action)

    def initial(self) -> dict:
        return {}

    def get_form(self, data=None, files=None):
        initial = {"version": self.object.version, **self.initial()}
        return self.form_class(data, files, initial=initial)

    def extra_context(self):
        return {
            "ticket": self.object,
            "title": self.title,
            "explanation": self.explanation,
            "button_label": self.button_label or _("Confirm"),
            "button_class": self.button_class,
        }

    def arguments(self, form) -> dict:
        data = dict(form.cleaned_data)
        data["expected_version"] = data.pop("version", None)
        return data

    def perform(self, form):
        return type(self).service(self.object, actor=self.request.user, **self.arguments(form))


class TicketCommentView(ServiceFormView):
    """Add a reply or a note from the ticket page; on invalid input, the form comes back
    with its errors (in place for htmx, on its own page otherwise)."""

    template_name = "servicedesk/ticket_comment.html"
    form_class = forms.CommentForm
    partial = "reply-form"
    get_ticket = None
    service = None
    action = "work"

    def load(self):
        self.object = type(self).get_ticket(self.request.user, self.kwargs["pk"], self.action)

    def get_form(self, data=None, files=None):
        return self.form_class(data, files)

    def extra_context(self):
        return {"ticket": self.object, "reply_url": self.request.path}

    def perform(self, form):
        data = form.cleaned_data
        type(self).service(
            self.object,
            actor=self.request.user,
            body=data["body"],
            is_public=data.get("is_public", True),
            uploads=data.get("uploads") or [],
        )
        return self.object

    def get_success_url(self, result):
        return f"{result.get_absolute_url()}#comments"


def post_and_return(request, ticket):
    return redirect_after_post(request, ticket.get_absolute_url())
