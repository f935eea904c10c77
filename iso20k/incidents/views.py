"""Pages of incidents: the queue list, logging, the incident page, and one page per workflow
action (each a declaration on the shared ticket action view)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from iso20k.core.htmx import render_page
from iso20k.core.views import ServiceFormView
from iso20k.servicedesk import forms as desk_forms
from iso20k.servicedesk.views.actions import TicketActionView, TicketCommentView
from iso20k.servicedesk.views.workspace import QueueView

from . import access, forms, querysets, services
from .models import Incident


class IncidentListView(QueueView):
    desk = "incidents"
    title = _("Incidents")
    subtitle = _("Interruptions and degradations of the services (clause 8.6.1).")
    create_url_name = "incidents:incident-create"
    create_label = _("Log incident")


class IncidentDetailView(LoginRequiredMixin, View):
    template_name = "incidents/incident_detail.html"

    def get(self, request, pk: int):
        incident = access.get_incident_for(request.user, pk)
        if access.is_customer(request.user):
            return HttpResponseRedirect(reverse("portal:ticket-detail", args=["incidents", pk]))
        context = {
            "object": incident,
            "can_work": access.can_work(request.user),
            "can_review": access.can_review(request.user),
            "reply_form": desk_forms.CommentForm() if access.can_work(request.user) else None,
            "reply_url": reverse("incidents:incident-comment", args=[incident.pk]),
            "resolvable_id": incident.pk if incident.is_open else None,
            **querysets.detail_of(incident, request.user),
        }
        return render_page(request, self.template_name, context, partial=request.GET.get("partial"))


class IncidentCreateView(ServiceFormView):
    template_name = "incidents/incident_form.html"
    form_class = forms.IncidentForm

    def load(self):
        if not access.can_view(self.request.user):
            raise Http404
        if not access.can_work(self.request.user):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied

    def perform(self, form):
        return services.open_incident(actor=self.request.user, **form.cleaned_data)


class IncidentEditView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.update_incident)
    form_class = forms.IncidentEditForm
    title = _("Edit the incident")
    button_label = _("Save")

    def initial(self):
        names = forms.IncidentEditForm.base_fields
        return {name: getattr(self.object, name) for name in names if name != "version"}


class AssignView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.assign_incident)
    form_class = desk_forms.AssignForm
    title = _("Assign")
    button_label = _("Assign")

    def initial(self):
        return {"group": self.object.assigned_group, "assignee": self.object.assignee}


class TakeView(TicketActionView):
    """Assign to me, in the incident's group (or my only group)."""

    get_ticket = staticmethod(access.get_incident_for)
    title = _("Take this incident")
    explanation = _("It is assigned to you, in its support group.")
    button_label = _("Take it")

    def perform(self, form):
        from iso20k.servicedesk.querysets import groups_of

        group = self.object.assigned_group or groups_of(self.request.user).first()
        return services.assign_incident(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            group=group,
            assignee=self.request.user,
        )


class HoldView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.hold_incident)
    form_class = desk_forms.HoldForm
    title = _("Put on hold")
    explanation = _("Whether the SLA clocks pause depends on the agreement's pause statuses.")
    button_label = _("Put on hold")


class ResumeView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.resume_incident)
    title = _("Resume work")
    button_label = _("Resume")


class ResolveView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.resolve_incident)
    form_class = forms.ResolveForm
    title = _("Resolve")
    explanation = _("The SLA clocks stop; the requester is told and asked to rate the service.")
    button_label = _("Resolve")
    button_class = "btn-success"

    def initial(self):
        known = self.request.GET.get("known_error")
        return {"known_error": known, "resolution_code": "known_error"} if known else {}


class CloseView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.close_incident)
    title = _("Close")
    explanation = _("A closed incident takes no more replies and cannot be reopened.")
    button_label = _("Close")


class ReopenView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.reopen_incident)
    form_class = desk_forms.ReasonForm
    title = _("Reopen")
    explanation = _("A new SLA resolution cycle starts now, with the full target.")
    button_label = _("Reopen")
    button_class = "btn-warning"


class CancelView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.cancel_incident)
    form_class = desk_forms.ReasonForm
    title = _("Cancel the incident")
    explanation = _("For an incident logged by mistake; its SLA clocks are cancelled.")
    button_label = _("Cancel the incident")
    button_class = "btn-danger"


class EscalateView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.escalate_incident)
    form_class = forms.EscalateForm
    title = _("Escalate")
    explanation = _(
        "Functional: another support group takes the incident over. Hierarchical: a manager "
        "is told and takes charge; a major incident needs a review before it is closed."
    )
    button_label = _("Escalate")
    button_class = "btn-warning"


class CommentView(TicketCommentView):
    get_ticket = staticmethod(access.get_incident_for)
    service = staticmethod(services.add_incident_comment)


class ReviewView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    form_class = forms.ReviewForm
    action = "review"
    title = _("Major incident review")
    explanation = _("What happened, why, what went well and what will change.")
    button_label = _("Save the review")

    def get_form(self, data=None, files=None):
        review = getattr(self.object, "review", None)
        initial = {}
        if review is not None:
            initial = {name: getattr(review, name) for name in services.REVIEW_FIELDS}
            initial["version"] = review.version
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version", None)
        services.record_major_review(
            self.object, actor=self.request.user, expected_version=version, **data
        )
        return self.object


class LinkView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    form_class = forms.LinkForm
    title = _("Link a related incident")
    button_label = _("Link")

    def get_form(self, data=None, files=None):
        return self.form_class(data)

    def perform(self, form):
        other = _incident_by_reference(self.request.user, form.cleaned_data["reference"])
        return services.link_incidents(self.object, other, actor=self.request.user)


class ProblemLinkView(TicketActionView):
    get_ticket = staticmethod(access.get_incident_for)
    form_class = forms.ProblemLinkForm
    title = _("Link to a problem")
    button_label = _("Save")

    def perform(self, form):
        from iso20k.problems.access import problem_by_reference

        reference = form.cleaned_data["problem"]
        problem = problem_by_reference(self.request.user, reference) if reference else None
        return services.set_incident_problem(
            self.object,
            problem,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
        )


def _incident_by_reference(user, reference: str) -> Incident:
    from django.core.exceptions import ValidationError

    from iso20k.servicedesk.workspace.queues import REFERENCE

    match = REFERENCE.match(reference or "")
    found = access.visible_incidents(user).filter(pk=int(match.group(1))).first() if match else None
    if found is None:
        raise ValidationError(
            {"reference": ValidationError(_("No incident has this reference."), code="not_found")}
        )
    return found
