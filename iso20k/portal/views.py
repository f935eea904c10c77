"""Pages of the customer portal: home, the live catalogue and request forms, reporting a
problem, the organisation's tickets, and one ticket with its public conversation, reply,
reopen and rating. Every page checks that the user is a customer of the organisation."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views import View

from iso20k.core import keyset
from iso20k.core.errors import ConflictError
from iso20k.core.htmx import render_page
from iso20k.core.views import apply_validation_error, redirect_after_post
from iso20k.servicecatalogue import access as catalogue_access
from iso20k.servicecatalogue.fieldschema import build_form_class
from iso20k.servicecatalogue.models import RequestItem
from iso20k.servicedesk import forms as desk_forms
from iso20k.servicedesk import kinds
from iso20k.servicedesk.choices import TicketSource

from . import access, forms, querysets

PAGE = 20


class PortalView(LoginRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            access.check_portal_user(request.user)
        return super().dispatch(request, *args, **kwargs)


class HomeView(PortalView):
    def get(self, request):
        return render_page(request, "portal/home.html", querysets.home_of(request.user))


class CatalogueView(PortalView):
    def get(self, request):
        services = catalogue_access.live_services_for(request.user)
        return render_page(request, "portal/catalogue.html", {"services": services})


class RequestItemView(PortalView):
    template_name = "portal/item_form.html"

    def item(self) -> RequestItem:
        services = catalogue_access.live_services_for(self.request.user).values("pk")
        return get_object_or_404(
            RequestItem.objects.select_related("service"),
            pk=self.kwargs["pk"],
            is_active=True,
            service__in=services,
        )

    def respond(self, item, answers, details, status=200):
        context = {"item": item, "answers_form": answers, "details_form": details}
        return render_page(self.request, self.template_name, context, partial="form", status=status)

    def get(self, request, pk: int):
        item = self.item()
        return self.respond(item, build_form_class(item.fields)(), forms.RequestDetailsForm())

    def post(self, request, pk: int):
        from iso20k.servicerequests.services import submit_request

        item = self.item()
        answers = build_form_class(item.fields)(request.POST)
        details = forms.RequestDetailsForm(request.POST)
        if not (answers.is_valid() & details.is_valid()):
            return self.respond(item, answers, details, status=422)
        try:
            ticket = submit_request(
                actor=request.user,
                item=item,
                answers=request.POST,
                requester=request.user,
                description=details.cleaned_data["description"],
                source=TicketSource.PORTAL,
            )
        except ValidationError as exc:
            apply_validation_error(answers, exc)
            return self.respond(item, answers, details, status=422)
        messages.success(request, _("Your request %(ref)s was sent.") % {"ref": ticket.reference})
        return redirect_after_post(request, querysets.portal_url("requests", ticket))


class ReportView(PortalView):
    template_name = "portal/report.html"

    def form(self, data=None, files=None):
        services = catalogue_access.live_services_for(self.request.user)
        return forms.ReportForm(data, files, services=services)

    def get(self, request):
        return render_page(request, self.template_name, {"form": self.form()}, partial="form")

    def post(self, request):
        from iso20k.incidents.services import open_incident

        form = self.form(request.POST, request.FILES)
        if form.is_valid():
            try:
                ticket = open_incident(
                    actor=request.user,
                    requester=request.user,
                    category="other",
                    source=TicketSource.PORTAL,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(
                    request, _("We have your report %(ref)s.") % {"ref": ticket.reference}
                )
                return redirect_after_post(request, querysets.portal_url("incidents", ticket))
        return render_page(request, self.template_name, {"form": form}, partial="form", status=422)


class TicketListView(PortalView):
    def get(self, request, desk: str = "incidents"):
        kind = kinds.for_desk(desk)
        if kind is None:
            raise Http404
        state = request.GET.get("state", "open")
        tickets = querysets.tickets_of(kind, request.user, state)
        ordering = keyset.Ordering.of("-created_at", "-id")
        direction = keyset.PREVIOUS if request.GET.get("before") else keyset.NEXT
        cursor = request.GET.get("before") or request.GET.get("after")
        try:
            page = keyset.paginate(tickets, ordering, cursor=cursor, direction=direction, size=PAGE)
        except keyset.InvalidCursor:
            page = keyset.paginate(tickets, ordering, size=PAGE)
        context = {"kind": kind, "desk": desk, "state": state, "page": page}
        return render_page(request, "portal/ticket_list.html", context, partial="results")


class TicketDetailView(PortalView):
    template_name = "portal/ticket_detail.html"

    def get(self, request, desk: str, pk: int):
        kind, ticket = access.get_ticket_for(request.user, desk, pk)
        return render_page(request, self.template_name, querysets.ticket_of(kind, ticket))


class TicketActView(PortalView):
    """Reply, rate or reopen: one service call; invalid input comes back on the page."""

    act = ""

    def post(self, request, desk: str, pk: int):
        kind, ticket = access.get_ticket_for(request.user, desk, pk, self.act)
        form = self.bind(request)
        if form.is_valid():
            try:
                self.perform(kind, ticket, form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            except ConflictError:
                form.add_error(None, _("The service desk changed this meanwhile; look again."))
            except PermissionDenied as exc:
                form.add_error(None, str(exc) if exc.args else _("Not allowed."))
            else:
                messages.success(request, self.done)
                return redirect_after_post(request, querysets.portal_url(desk, ticket))
        context = querysets.ticket_of(kind, ticket, **{f"{self.act}_form": form})
        return render_page(request, "portal/ticket_detail.html", context, status=422)


class ReplyView(TicketActView):
    act = "reply"
    done = property(lambda self: _("Your message was sent."))

    def bind(self, request):
        return desk_forms.CustomerCommentForm(request.POST, request.FILES)

    def perform(self, kind, ticket, data):
        kind.service("comment")(
            ticket,
            actor=self.request.user,
            body=data["body"],
            is_public=True,
            uploads=data.get("uploads") or [],
        )


class RateView(TicketActView):
    act = "rate"
    done = property(lambda self: _("Thank you for your rating."))

    def bind(self, request):
        return desk_forms.RateForm(request.POST)

    def perform(self, kind, ticket, data):
        kind.service("rate")(ticket, actor=self.request.user, **data)


class ReopenView(TicketActView):
    act = "reopen"
    done = property(lambda self: _("It is reopened; the service desk is on it again."))

    def bind(self, request):
        return forms.ReopenForm(request.POST)

    def perform(self, kind, ticket, data):
        kind.service("reopen")(
            ticket,
            actor=self.request.user,
            expected_version=data["version"],
            reason=data["reason"],
        )
