"""The agent's workspace: queue pages of incidents and requests (filters shareable by URL,
keyset pages, bounded counts), bulk assign/close, saved filters, and the desk overview."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from iso20k.core.htmx import render_page
from iso20k.core.views import ServiceFormView, redirect_after_post

from .. import access, forms, kinds, querysets
from ..choices import Queue
from ..services import filters as filter_services
from ..workspace import bulk
from ..workspace.filters import QueueFilterForm
from ..workspace.options import filter_options
from ..workspace.queues import build_page

FILTER_FIELDS = [
    "status",
    "priority",
    "category",
    "service",
    "group",
    "assignee",
    "customer",
    "sla",
    "sort",
]


class QueueView(LoginRequiredMixin, View):
    """One ticket kind's queues: mine, my groups, unassigned, breaching soon, all."""

    desk: str
    title = ""
    subtitle = ""
    create_url_name = ""
    create_label = ""
    template_name = "servicedesk/queue.html"

    def queues(self, kind) -> list:
        if kind.can_work(self.request.user):
            return list(Queue.choices)
        return [(q, label) for q, label in Queue.choices if q not in (Queue.MINE, Queue.GROUP)]

    def get(self, request, *args, **kwargs):
        kind = kinds.for_desk(self.desk)
        if not kind.can_view(request.user):
            raise Http404
        options = filter_options()
        form = QueueFilterForm(request.GET or None, kind=kind, options=options)
        page = build_page(kind, request.user, form)
        context = {
            "kind": kind,
            "title": self.title,
            "subtitle": self.subtitle,
            "create_url": reverse(self.create_url_name) if self.create_url_name else "",
            "create_label": self.create_label,
            "queues": self.queues(kind),
            "filter_fields": [name for name in FILTER_FIELDS if name in form.fields],
            "form": form,
            "result": page,
            "rows": [(row, page.sla[row.pk]) for row in page.rows],
            "can_work": kind.can_work(request.user),
            "saved_filters": querysets.saved_filters_for(request.user, kind.desk),
            "query": request.GET.urlencode(),
            "bulk_form": forms.BulkForm(kind=kind, options=options)
            if kind.can_work(request.user)
            else None,
        }
        return render_page(request, self.template_name, context, partial="results")


class BulkView(LoginRequiredMixin, View):
    """Assign or close the selected tickets; each one is version-checked on its own."""

    def post(self, request, *args, **kwargs):
        kind = kinds.for_desk(self.kwargs["desk"])
        if kind is None or not kind.can_view(request.user):
            raise Http404
        if not kind.can_work(request.user):
            raise PermissionDenied
        form = forms.BulkForm(request.POST, kind=kind, options=filter_options())
        back = _safe_next(request, reverse(kind.list_url))
        if not form.is_valid():
            for errors in form.errors.values():
                messages.error(request, " ".join(errors))
            return redirect_after_post(request, back)
        outcome = bulk.apply(kind, request.user, form.cleaned_data)
        bulk.announce(request, kind, outcome)
        return redirect_after_post(request, back)


def _safe_next(request, fallback: str) -> str:
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    return fallback


class SaveFilterView(ServiceFormView):
    template_name = "servicedesk/filter_form.html"
    form_class = forms.SaveFilterForm

    def load(self):
        access.check_desk_reader(self.request.user)
        self.kind = kinds.for_desk(self.kwargs["desk"])
        if self.kind is None:
            raise Http404

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"query": self.request.GET.urlencode()})

    def extra_context(self):
        return {"kind": self.kind}

    def perform(self, form):
        return filter_services.save_filter(
            actor=self.request.user, kind=self.kind.desk, **form.cleaned_data
        )

    def get_success_url(self, result):
        messages.success(self.request, _("The filter “%(name)s” was saved.") % {"name": result})
        return result.get_absolute_url()


class DeleteFilterView(LoginRequiredMixin, View):
    def post(self, request, pk: int):
        saved = access.get_filter_for(request.user, pk, "delete")
        url = reverse(kinds.for_desk(saved.kind).list_url)
        filter_services.delete_filter(saved, actor=request.user)
        messages.success(request, _("The filter was deleted."))
        return redirect_after_post(request, url)


class DeskView(LoginRequiredMixin, View):
    """The desk overview: each kind's queues with their counts, and what breaches first."""

    def get(self, request):
        access.check_desk_reader(request.user)
        from ..workspace.overview import overview

        return render_page(request, "servicedesk/desk.html", overview(request.user))
