"""Pages of milestones and the budget."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ServiceFormView

from .. import access, charts, forms, services
from ..choices import BudgetCategory
from ..querysets import today
from .context import programme_context


class MilestoneCreateView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.MilestoneForm
    success_message = _("The milestone was added.")

    def load(self):
        self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.programme, "heading": _("New milestone")}

    def perform(self, form):
        return services.add_milestone(self.programme, actor=self.request.user, **form.cleaned_data)


class MilestoneDetailView(ObjectDetailView):
    template_name = "programme/milestone_detail.html"

    def get_object(self):
        return access.get_milestone_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return {
            **programme_context(self.request.user, obj.programme),
            "tasks": obj.tasks.for_list(),
            "overdue": obj.status != "done" and obj.planned_end_on < today(),
        }


class MilestoneEditView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.MilestoneEditForm
    success_message = _("The milestone was saved.")

    def load(self):
        self.object = access.get_milestone_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.object.programme, "heading": _("Edit milestone")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.MILESTONE_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_milestone(
            self.object, actor=self.request.user, expected_version=version, **data
        )


@login_required
def budget(request: HttpRequest, pk: int) -> HttpResponse:
    programme = access.get_programme_for(request.user, pk, "budget")
    lines = programme.budget_lines.all()
    active = lines.filter(is_active=True)
    by_category = active.by_category()
    labels = dict(BudgetCategory.choices)
    for row in by_category:
        row["label"] = labels.get(row["category"], row["category"])
    context = {
        **programme_context(request.user, programme, "budget"),
        "lines": lines,
        "totals": active.totals(),
        "by_category": by_category,
        "chart": charts.budget_chart(by_category),
    }
    return render_page(request, "programme/budget.html", context)


class BudgetLineCreateView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.BudgetLineForm
    success_message = _("The budget line was added.")

    def load(self):
        self.programme = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.programme, "heading": _("New budget line")}

    def perform(self, form):
        return services.add_budget_line(
            self.programme, actor=self.request.user, **form.cleaned_data
        )

    def get_success_url(self, result):
        return reverse("programme:budget", args=[self.programme.pk])


class BudgetLineDetailView(ObjectDetailView):
    template_name = "programme/budgetline_detail.html"

    def get_object(self):
        return access.get_budget_line_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        return programme_context(self.request.user, obj.programme)


class BudgetLineEditView(ServiceFormView):
    template_name = "programme/object_form.html"
    form_class = forms.BudgetLineEditForm
    success_message = _("The budget line was saved.")

    def load(self):
        self.object = access.get_budget_line_for(self.request.user, self.kwargs["pk"], "edit")

    def extra_context(self):
        return {"programme": self.object.programme, "heading": _("Edit budget line")}

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.BUDGET_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_budget_line(
            self.object, actor=self.request.user, expected_version=version, **data
        )

    def get_success_url(self, result):
        return reverse("programme:budget", args=[result.programme_id])
