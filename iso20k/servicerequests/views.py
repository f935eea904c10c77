"""Pages of service requests: the queue list, requesting an item for a customer, the request
page (answers, approval, fulfilment checklist, conversation, SLA), and the workflow actions."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views import View

from iso20k.core.errors import ConflictError
from iso20k.core.htmx import render_page
from iso20k.core.views import apply_validation_error, redirect_after_post
from iso20k.servicecatalogue import querysets as catalogue
from iso20k.servicecatalogue.fieldschema import build_form_class
from iso20k.servicecatalogue.models import RequestItem
from iso20k.servicedesk import forms as desk_forms
from iso20k.servicedesk.views.actions import TicketActionView, TicketCommentView
from iso20k.servicedesk.views.workspace import QueueView

from . import access, forms, querysets, services


class RequestListView(QueueView):
    desk = "requests"
    title = _("Service requests")
    subtitle = _("Requests for what the catalogue offers (clause 8.6.2).")
    create_url_name = "servicerequests:request-catalogue"
    create_label = _("New request")


class RequestDetailView(LoginRequiredMixin, View):
    template_name = "servicerequests/request_detail.html"

    def get(self, request, pk: int):
        ticket = access.get_request_for(request.user, pk)
        if access.is_customer(request.user):
            return HttpResponseRedirect(reverse("portal:ticket-detail", args=["requests", pk]))
        context = {
            "object": ticket,
            "can_work": access.can_work(request.user),
            "can_approve": ticket.status == "awaiting_approval"
            and access.can_approve(request.user, ticket)
            and ticket.requester_id != request.user.pk,
            "reply_form": desk_forms.CommentForm() if access.can_work(request.user) else None,
            "reply_url": reverse("servicerequests:request-comment", args=[ticket.pk]),
            "task_form": forms.TaskForm() if access.can_work(request.user) else None,
            **querysets.detail_of(ticket, request.user),
        }
        return render_page(request, self.template_name, context, partial=request.GET.get("partial"))


def _check_worker(user) -> None:
    if not access.can_view(user):
        raise Http404
    if not access.can_work(user):
        raise PermissionDenied


class CatalogueView(LoginRequiredMixin, View):
    """Pick the item to request on a customer's behalf."""

    def get(self, request):
        _check_worker(request.user)
        return render_page(
            request, "servicerequests/request_catalogue.html", {"services": catalogue.live()}
        )


class RequestCreateView(LoginRequiredMixin, View):
    template_name = "servicerequests/request_form.html"

    def setup_forms(self, data=None):
        _check_worker(self.request.user)
        item = get_object_or_404(
            RequestItem.objects.select_related("service"), pk=self.kwargs["item"], is_active=True
        )
        return item, forms.RequestForm(data), build_form_class(item.fields)(data)

    def respond(self, item, form, answers, status=200):
        context = {"item": item, "form": form, "answers_form": answers}
        return render_page(self.request, self.template_name, context, partial="form", status=status)

    def get(self, request, item: int):
        return self.respond(*self.setup_forms())

    def post(self, request, item: int):
        item_obj, form, answers = self.setup_forms(request.POST)
        if not (form.is_valid() & answers.is_valid()):
            return self.respond(item_obj, form, answers, status=422)
        try:
            created = services.submit_request(
                actor=request.user, item=item_obj, answers=request.POST, **form.cleaned_data
            )
        except ValidationError as exc:
            target = answers if set(exc.message_dict) & set(answers.fields) else form
            apply_validation_error(target, exc)
            return self.respond(item_obj, form, answers, status=422)
        return redirect_after_post(request, created.get_absolute_url())


def _get(user, pk, action):
    return access.get_request_for(user, pk, action)


class AssignView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.assign_request)
    form_class = desk_forms.AssignForm
    title = _("Assign")
    button_label = _("Assign")

    def initial(self):
        return {"group": self.object.assigned_group, "assignee": self.object.assignee}


class TakeView(TicketActionView):
    get_ticket = staticmethod(_get)
    title = _("Take this request")
    button_label = _("Take it")

    def perform(self, form):
        from iso20k.servicedesk.querysets import groups_of

        group = self.object.assigned_group or groups_of(self.request.user).first()
        return services.assign_request(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            group=group,
            assignee=self.request.user,
        )


class ApproveView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.approve_request)
    form_class = forms.DecisionForm
    action = "approve"
    title = _("Approve the request")
    explanation = _(
        "Fulfilment can start once it is approved. You cannot approve your own request."
    )
    button_label = _("Approve")
    button_class = "btn-success"


class RejectView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.reject_request)
    form_class = forms.RejectForm
    action = "approve"
    title = _("Reject the request")
    button_label = _("Reject")
    button_class = "btn-danger"


class HoldView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.hold_request)
    form_class = desk_forms.HoldForm
    title = _("Put on hold")
    button_label = _("Put on hold")


class ResumeView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.resume_request)
    title = _("Resume work")
    button_label = _("Resume")


class FulfilView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.fulfil_request)
    form_class = forms.FulfilForm
    title = _("Mark as fulfilled")
    explanation = _("Every fulfilment task must be done. The requester is asked to rate it.")
    button_label = _("Fulfilled")
    button_class = "btn-success"


class CloseView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.close_request)
    title = _("Close")
    button_label = _("Close")


class ReopenView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.reopen_request)
    form_class = desk_forms.ReasonForm
    title = _("Reopen")
    button_label = _("Reopen")
    button_class = "btn-warning"


class CancelView(TicketActionView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.cancel_request)
    form_class = desk_forms.ReasonForm
    title = _("Cancel the request")
    button_label = _("Cancel the request")
    button_class = "btn-danger"


class CommentView(TicketCommentView):
    get_ticket = staticmethod(_get)
    service = staticmethod(services.add_request_comment)


class TaskAddView(TicketActionView):
    get_ticket = staticmethod(_get)
    form_class = forms.TaskForm
    title = _("Add a fulfilment task")
    button_label = _("Add")

    def get_form(self, data=None, files=None):
        return self.form_class(data)

    def perform(self, form):
        services.add_task(self.object, actor=self.request.user, **form.cleaned_data)
        return self.object

    def get_success_url(self, result):
        return f"{result.get_absolute_url()}#tasks"


class TaskToggleView(LoginRequiredMixin, View):
    def post(self, request, pk: int, task: int):
        ticket = access.get_request_for(request.user, pk, "work")
        found = get_object_or_404(ticket.tasks, pk=task)
        form = forms.TaskToggleForm(request.POST)
        if form.is_valid():
            try:
                services.set_task_done(
                    found,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    done=form.cleaned_data["done"],
                )
            except (ValidationError, ConflictError) as exc:
                from django.contrib import messages

                text = (
                    " ".join(exc.messages)
                    if isinstance(exc, ValidationError)
                    else str(_("Someone changed this task meanwhile; check it and try again."))
                )
                messages.warning(request, text)
        return redirect_after_post(request, f"{ticket.get_absolute_url()}#tasks")
