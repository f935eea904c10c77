"""Pages of the programme list and the charter: create, edit, approve, close."""

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.core.htmx import render_page
from iso20k.core.views import ObjectDetailView, ServiceActionView, ServiceFormView

from .. import access, forms, querysets, services
from ..choices import ProgrammeStatus, Purpose
from .context import programme_context


@login_required
def programme_list(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    programmes = list(querysets.with_progress(access.visible_programmes(request.user)))
    for programme in programmes:
        programme.progress = querysets.progress_from_annotations(programme)
    context = {"programmes": programmes, "can_edit": access.can_edit(request.user)}
    return render_page(request, "programme/programme_list.html", context)


def _charter_initial(user) -> dict:
    from iso20k.accounts.choices import Role
    from iso20k.organisations.choices import ScopeStatus
    from iso20k.organisations.models import ScopeStatement

    today = timezone.localdate()
    return {
        "starts_on": today,
        "target_on": today + timedelta(days=300),
        "currency": "CNY",
        "kind": "initial",
        "lead": user.pk if access.can_edit(user) else None,
        "sponsor": querysets.people_with_role(Role.TOP_MANAGEMENT).first(),
        "scope_statement": ScopeStatement.objects.filter(status=ScopeStatus.APPROVED).first(),
    }


class ProgrammeCreateView(ServiceFormView):
    template_name = "programme/programme_form.html"
    form_class = forms.ProgrammeForm
    success_message = _("The programme was created with a milestone for each stage.")

    def load(self):
        access.check_edit(self.request.user)

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial=_charter_initial(self.request.user))

    def perform(self, form):
        return services.create_programme(actor=self.request.user, **form.cleaned_data)


class ProgrammeEditView(ServiceFormView):
    template_name = "programme/programme_form.html"
    form_class = forms.ProgrammeEditForm
    success_message = _("The charter was saved.")

    def load(self):
        self.object = access.get_programme_for(self.request.user, self.kwargs["pk"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.CHARTER_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_programme(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class ProgrammeDetailView(ObjectDetailView):
    template_name = "programme/programme_detail.html"

    def get_object(self):
        return access.get_programme_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        user = self.request.user
        context = programme_context(user, obj, "overview")
        purposes = dict(Purpose.choices)
        return {
            **context,
            "progress": querysets.progress_of(obj),
            "purposes": [purposes.get(p, p) for p in obj.purposes],
            "milestones": obj.milestones.with_task_counts(),
            "overdue_tasks": obj.tasks.overdue().for_list()[:10],
            "budget": obj.budget_lines.active().totals() if context["can_budget"] else None,
            "team": obj.team.active().for_list().in_role_order(),
            "can_decide": access.can_approve(user),
        }


class ProgrammeActionView(ServiceActionView):
    """Submit, withdraw, approve, return, reopen, complete or cancel a programme."""

    action = "submit"
    ACTIONS = {
        "submit": (
            "edit",
            _("Submit for approval"),
            _("Top management will be asked to approve the charter."),
            "btn-primary",
        ),
        "withdraw": (
            "edit",
            _("Withdraw from approval"),
            _("The charter goes back to draft so that you can edit it."),
            "btn-warning",
        ),
        "approve": (
            "decide",
            _("Approve the programme"),
            _(
                "You commit the organisation to this programme: its purposes, scope, target "
                "date and budget. Your name and the time are recorded."
            ),
            "btn-success",
        ),
        "reject": (
            "decide",
            _("Return for rework"),
            _("The charter goes back to the certification lead with your note."),
            "btn-warning",
        ),
        "reopen": (
            "edit",
            _("Reopen the charter"),
            _(
                "The charter goes back to draft for revision and must be approved again. "
                "Milestones, budget, team and tasks are not affected."
            ),
            "btn-warning",
        ),
        "complete": (
            "edit",
            _("Complete the programme"),
            _("Mark the programme as completed, e.g. once the certificate is issued."),
            "btn-success",
        ),
        "cancel": (
            "edit",
            _("Cancel the programme"),
            _("The programme stops; everything stays on record. Say why."),
            "btn-danger",
        ),
    }

    def load(self):
        permission, self.title, self.explanation, self.button_class = self.ACTIONS[self.action]
        self.object = access.get_programme_for(self.request.user, self.kwargs["pk"], permission)
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        needs_note = self.action in {"approve", "reject", "reopen", "complete", "cancel"}
        form_class = forms.DecisionForm if needs_note else forms.ConfirmForm
        return form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = form.cleaned_data
        kwargs = {"actor": self.request.user, "expected_version": data["version"]}
        if self.action in {"complete", "cancel"}:
            outcome = {"complete": ProgrammeStatus.COMPLETED, "cancel": ProgrammeStatus.CANCELLED}
            return services.close_programme(
                self.object, outcome=outcome[self.action], note=data["note"], **kwargs
            )
        if "note" in data:
            kwargs["note"] = data["note"]
        service = {
            "submit": services.submit_programme,
            "withdraw": services.withdraw_programme,
            "approve": services.approve_programme,
            "reject": services.reject_programme,
            "reopen": services.reopen_programme,
        }[self.action]
        return service(self.object, **kwargs)
