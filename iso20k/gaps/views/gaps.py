"""Pages of gaps: the prioritised list, raising from a clause, detail, edit, close, reopen,
turning gaps into tasks, and attaching evidence to a rating."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST

from iso20k.core.views import (
    ObjectDetailView,
    ObjectListView,
    ServiceActionView,
    ServiceFormView,
    apply_validation_error,
    redirect_after_post,
)

from .. import access, services
from .. import forms as gap_forms
from ..filtersets import GapFilterSet
from ..tables import GapTable
from .assessments import rating_context


class GapListView(ObjectListView):
    template_name = "gaps/gap_list.html"
    table_class = GapTable
    filterset_class = GapFilterSet

    def get_queryset(self):
        access.check_view(self.request.user)
        return access.visible_gaps(self.request.user).prioritised()

    def extra_context(self):
        return {"can_manage": access.can_manage(self.request.user)}


class GapDetailView(ObjectDetailView):
    template_name = "gaps/gap_detail.html"

    def get_object(self):
        return access.get_gap_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {"can_manage": access.can_manage(self.request.user)}


class GapRaiseView(ServiceFormView):
    """Raise a gap from a clause's rating page (the form sits on that page)."""

    template_name = "gaps/rating_form.html"
    form_class = gap_forms.GapForm
    partial = "gap-form"
    success_message = gettext_lazy("The gap was raised.")

    def load(self):
        self.rating = access.get_rating_for(
            self.request.user, self.kwargs["pk"], self.kwargs["number"], "rate"
        )

    def respond(self, form, *, status=200, conflict=None):
        from iso20k.core.htmx import render_page

        context = {
            **rating_context(self.request.user, self.rating),
            "object": self.rating,
            "form": gap_forms.RatingForm(initial={"version": self.rating.version}),
            "gap_form": form,
        }
        return render_page(
            self.request, self.template_name, context, partial=self.partial, status=status
        )

    def get_form(self, data=None, files=None):
        initial = {"clause": self.rating.clause.number}
        return self.form_class(data, initial=initial, fixed_clause=True)

    def perform(self, form):
        data = {**form.cleaned_data, "clause": self.rating.clause}
        return services.raise_gap(self.rating.assessment, actor=self.request.user, **data)

    def get_success_url(self, result):
        return self.rating.get_absolute_url()


class GapEditView(ServiceFormView):
    template_name = "gaps/gap_form.html"
    form_class = gap_forms.GapEditForm
    success_message = gettext_lazy("The gap was saved.")

    def load(self):
        self.object = access.get_gap_for(self.request.user, self.kwargs["pk"], "manage")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.GAP_FIELDS}
        initial.update(clause=self.object.clause.number, version=self.object.version)
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_gap(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class GapCloseView(ServiceActionView):
    form_class = gap_forms.NoteForm
    reopen = False

    def load(self):
        self.object = access.get_gap_for(self.request.user, self.kwargs["pk"], "manage")
        if self.reopen:
            self.title = _("Reopen the gap")
            self.explanation = _("The gap becomes open again; say why.")
            self.button_class = "btn-warning"
        else:
            self.title = _("Close the gap")
            self.explanation = _("Say how the gap was addressed; the note stays on record.")
            self.button_class = "btn-success"
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        service = services.reopen_gap if self.reopen else services.close_gap
        data = form.cleaned_data
        return service(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            note=data["note"],
        )


class GapsToTasksView(ServiceFormView):
    """Turn the gaps chosen on the list into programme tasks in one action."""

    template_name = "gaps/gaps_to_tasks.html"
    form_class = gap_forms.GapsToTasksForm

    def load(self):
        access.check_manage(self.request.user)
        self.ids = self.request.POST.getlist("gaps") or self.request.GET.getlist("gaps")

    def get_form(self, data=None, files=None):
        gaps = access.visible_gaps(self.request.user)
        return self.form_class(data, gaps=gaps, initial=_to_task_initial(self.ids))

    def extra_context(self):
        ids = [i for i in self.ids if str(i).isdigit()]
        return {"chosen": access.visible_gaps(self.request.user).filter(pk__in=ids)}

    def perform(self, form):
        data = form.cleaned_data
        self.report = services.create_tasks_for_gaps(
            data["gaps"],
            actor=self.request.user,
            programme=data["programme"],
            milestone=data["milestone"],
        )
        count = len(self.report.created)
        messages.success(
            self.request,
            ngettext("%(n)s task was created.", "%(n)s tasks were created.", count) % {"n": count},
        )
        return data["programme"]

    def get_success_url(self, result):
        return reverse("programme:task-list", args=[result.pk])


def _to_task_initial(ids: list[str]) -> dict:
    from iso20k.programme.models import Programme

    programme = Programme.objects.current()
    milestone = programme.milestones.filter(stage="document").first() if programme else None
    return {"gaps": ids, "programme": programme, "milestone": milestone.pk if milestone else None}


@login_required
@require_POST
def add_evidence(request: HttpRequest, pk: int, number: str) -> HttpResponse:
    rating = access.get_rating_for(request.user, pk, number, "rate")
    form = gap_forms.EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_evidence(rating, actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The evidence was attached."))
            return redirect_after_post(request, rating.get_absolute_url())
    context = {
        **rating_context(request.user, rating),
        "object": rating,
        "form": gap_forms.RatingForm(initial={"version": rating.version}),
        "evidence_form": form,
    }
    return render(request, "gaps/rating_form.html", context, status=422)


@login_required
@require_POST
def withdraw_evidence(request: HttpRequest, pk: int, number: str) -> HttpResponse:
    from iso20k.files.models import StoredFile

    rating = access.get_rating_for(request.user, pk, number, "rate")
    form = gap_forms.WithdrawEvidenceForm(request.POST)
    if form.is_valid():
        stored = StoredFile.objects.filter(pk=form.cleaned_data["file"]).first()
        if stored is not None:
            services.withdraw_evidence(
                rating, actor=request.user, stored=stored, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The file was withdrawn."))
    else:
        messages.error(request, _("Say why the file is withdrawn."))
    return redirect_after_post(request, rating.get_absolute_url())
