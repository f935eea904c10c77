"""Pages of problems and known errors: lists, detail pages, raising a problem (from an
incident, a trend or proactively), the workflow actions, the trends page, and the known
error search agents use while working an incident."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.views import View

from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceFormView
from iso20k.servicedesk import forms as desk_forms
from iso20k.servicedesk.views.actions import TicketActionView

from . import access, forms, querysets, services, trends
from .filtersets import KnownErrorFilterSet, ProblemFilterSet
from .tables import KnownErrorTable, ProblemTable


class Readers:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_view(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ProblemListView(Readers, ObjectListView):
    template_name = "problems/problem_list.html"
    table_class = ProblemTable
    filterset_class = ProblemFilterSet

    def get_queryset(self):
        return querysets.for_list(access.visible_problems(self.request.user))

    def extra_context(self):
        return {"can_work": access.can_work(self.request.user)}


class ProblemDetailView(Readers, ObjectDetailView):
    template_name = "problems/problem_detail.html"

    def get_object(self):
        return access.get_problem_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {
            "can_work": access.can_work(self.request.user),
            "incidents": obj.incidents.select_related("service").order_by("-reported_at")[:100],
            "incident_count": obj.incidents.count(),
            "known_errors": obj.known_errors.order_by("-published_at"),
        }


class ProblemCreateView(ServiceFormView):
    template_name = "problems/problem_form.html"
    form_class = forms.ProblemForm

    def load(self):
        access.check_work(self.request.user)

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial=querysets.raise_initial(self.request.GET))

    def extra_context(self):
        return {
            "origin": querysets.raise_origin(
                self.request.user, self.request.GET or self.request.POST
            )
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        source, incidents = querysets.raise_links(self.request.user, data)
        return services.raise_problem(
            actor=self.request.user, source=source, incidents=incidents, **data
        )


class ProblemEditView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    service = staticmethod(services.update_problem)
    form_class = forms.ProblemEditForm
    template_name = "problems/problem_action.html"
    title = _("Edit the problem")
    button_label = _("Save")

    def initial(self):
        names = [n for n in forms.ProblemEditForm.base_fields if n != "version"]
        return {name: getattr(self.object, name) for name in names}


class InvestigateView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    service = staticmethod(services.start_investigation)
    template_name = "problems/problem_action.html"
    title = _("Start the investigation")
    button_label = _("Start")


class KnownErrorRecordView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    form_class = forms.KnownErrorRecordForm
    template_name = "problems/problem_action.html"
    title = _("Record as a known error")
    explanation = _(
        "The known error is published for agents, who find it while working "
        "an incident and can resolve with its workaround."
    )
    button_label = _("Publish the known error")

    def initial(self):
        return {
            "root_cause": self.object.root_cause,
            "workaround": self.object.workaround,
            "symptoms": self.object.description,
        }

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        services.record_known_error(
            self.object, actor=self.request.user, expected_version=version, **data
        )
        return self.object


class ResolveProblemView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    service = staticmethod(services.resolve_problem)
    form_class = forms.ResolveProblemForm
    template_name = "problems/problem_action.html"
    title = _("Resolve the problem")
    button_label = _("Resolve")
    button_class = "btn-success"

    def initial(self):
        return {"root_cause": self.object.root_cause}


class CloseProblemView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    service = staticmethod(services.close_problem)
    form_class = forms.CloseProblemForm
    template_name = "problems/problem_action.html"
    title = _("Close the problem")
    explanation = _(
        "A problem is closed with its root cause, or with a documented reason to "
        "stop looking for one."
    )
    button_label = _("Close")


class ReopenProblemView(TicketActionView):
    get_ticket = staticmethod(access.get_problem_for)
    service = staticmethod(services.reopen_problem)
    template_name = "problems/problem_action.html"
    title = _("Investigate again")
    button_label = _("Reopen")


class TrendsView(LoginRequiredMixin, View):
    def get(self, request):
        if not access.can_view(request.user):
            raise Http404
        defaults = {"days": trends.DEFAULT_WINDOW, "threshold": trends.DEFAULT_THRESHOLD}
        form = forms.TrendForm({**defaults, **request.GET.dict()})
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        days = data.get("days") or trends.DEFAULT_WINDOW
        threshold = data.get("threshold") or trends.DEFAULT_THRESHOLD
        context = {
            "form": form,
            "days": days,
            "rows": trends.trends(days, threshold),
            "can_work": access.can_work(request.user),
        }
        return render_page(request, "problems/trends.html", context)


class KnownErrorListView(ObjectListView):
    template_name = "problems/knownerror_list.html"
    table_class = KnownErrorTable
    filterset_class = KnownErrorFilterSet

    def get_queryset(self):
        if not access.can_view_known_errors(self.request.user):
            raise Http404
        return access.visible_known_errors(self.request.user).select_related("service")

    def extra_context(self):
        return {"can_work": access.can_work(self.request.user)}


class KnownErrorDetailView(ObjectDetailView):
    template_name = "problems/knownerror_detail.html"

    def get_object(self):
        return access.get_known_error_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {
            "can_work": access.can_work(self.request.user),
            "incident_count": obj.incidents.count(),
        }


class KnownErrorCreateView(ServiceFormView):
    template_name = "problems/knownerror_form.html"
    form_class = forms.KnownErrorForm

    def load(self):
        access.check_work(self.request.user)

    def perform(self, form):
        return services.publish_known_error(actor=self.request.user, **form.cleaned_data)


class KnownErrorEditView(TicketActionView):
    get_ticket = staticmethod(access.get_known_error_for)
    service = staticmethod(services.update_known_error)
    form_class = forms.KnownErrorEditForm
    template_name = "problems/problem_action.html"
    title = _("Edit the known error")
    button_label = _("Save")

    def initial(self):
        names = [n for n in forms.KnownErrorEditForm.base_fields if n != "version"]
        return {name: getattr(self.object, name) for name in names}


class KnownErrorRetireView(TicketActionView):
    get_ticket = staticmethod(access.get_known_error_for)
    service = staticmethod(services.retire_known_error)
    form_class = desk_forms.ConfirmForm
    template_name = "problems/problem_action.html"
    title = _("Retire the known error")
    explanation = _("The permanent fix is in place: agents no longer get it as a suggestion.")
    button_label = _("Retire")
    button_class = "btn-danger"


class KnownErrorSearchView(LoginRequiredMixin, View):
    """Search known errors (the incident page's panel swaps the results in place)."""

    def get(self, request):
        if not access.can_view_known_errors(request.user):
            raise Http404
        query = request.GET.get("q", "")
        incident = request.GET.get("incident")
        context = {
            "query": query,
            "results": querysets.search_known_errors(query) if query else [],
            "incident_id": int(incident) if incident and incident.isdigit() else None,
        }
        return render_page(
            request, "problems/knownerror_search.html", context, partial="known-error-results"
        )
