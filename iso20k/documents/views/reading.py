"""Read acknowledgement pages: who must read a document and who has, assigning reading,
confirming one's own reading, and each person's reading list."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iso20k.core.htmx import render_page
from iso20k.core.views import ServiceActionView, ServiceFormView
from iso20k.history.querysets import for_object as history_for

from .. import access, forms, services
from ..querysets import outstanding_acknowledgements


class DocumentReadingView(ServiceFormView):
    template_name = "documents/document_reading.html"
    form_class = forms.AssignReadingForm

    def load(self):
        action = "edit" if self.request.method == "POST" else "reading"
        self.object = access.get_document_for(self.request.user, self.kwargs["pk"], action)

    def get_form(self, data=None, files=None):
        return self.form_class(data)

    def extra_context(self):
        document, current = self.object, self.object.current_version
        acknowledgements = (
            current.acknowledgements.filter(cancelled_at__isnull=True).select_related("person")
            if current
            else []
        )
        assignments = document.read_assignments.select_related("assigned_by", "revoked_by")
        return {
            "current": current,
            "acknowledgements": acknowledgements,
            "assignments": assignments.prefetch_related("people"),
            "can_assign": access.can_edit_document(self.request.user, document),
            "history_records": history_for(document),
        }

    def perform(self, form):
        result = services.assign_reading(self.object, actor=self.request.user, **form.cleaned_data)
        self.success_message = ngettext(
            "%(n)s person was asked to read the document.",
            "%(n)s people were asked to read the document.",
            result.asked,
        ) % {"n": result.asked}
        return self.object

    def get_success_url(self, result):
        return reverse("documents:document-reading", args=[result.pk])


class AcknowledgeView(ServiceActionView):
    form_class = forms.ConfirmForm
    button_class = "btn-success"

    def load(self):
        self.object = access.get_acknowledgement_for(
            self.request.user, self.kwargs["pk"], "acknowledge"
        )
        version = self.object.document_version
        self.title = _("Confirm you have read %(version)s") % {"version": version}
        self.explanation = _(
            "By confirming, you state that you have read version %(number)s of “%(title)s” "
            "and will work as it says. Your confirmation is recorded with the time."
        ) % {"number": version.number, "title": version.document.localized("title")}
        self.button_label = _("I have read it")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.acknowledge_reading(
            self.object, actor=self.request.user, expected_version=form.cleaned_data["version"]
        )

    def get_success_url(self, result):
        return reverse("documents:my-reading")


class EndAssignmentView(ServiceActionView):
    form_class = forms.ConfirmForm
    button_class = "btn-warning"

    def load(self):
        self.object = access.get_assignment_for(self.request.user, self.kwargs["pk"], "edit")
        self.title = _("End the reading assignment “%(assignment)s”") % {"assignment": self.object}
        self.explanation = _(
            "Its people are no longer asked to read new versions; their open requests lapse "
            "unless another assignment still covers them. Confirmed readings stay on record."
        )
        self.button_label = _("End the assignment")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.end_assignment(
            self.object, actor=self.request.user, expected_version=form.cleaned_data["version"]
        )


@login_required
def my_reading(request: HttpRequest) -> HttpResponse:
    """What the signed-in person is asked to read, and what they confirmed recently."""
    if not access.can_view_register(request.user):
        raise Http404
    mine = access.visible_acknowledgements(request.user).filter(person=request.user)
    related = ("document_version__document", "document_version__document__owner")
    context = {
        "outstanding": outstanding_acknowledgements()
        .filter(person=request.user)
        .select_related(*related),
        "done": mine.filter(acknowledged_at__isnull=False)
        .select_related(*related)
        .order_by("-acknowledged_at")[:30],
    }
    return render_page(request, "documents/my_reading.html", context)
