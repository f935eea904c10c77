"""Pages of service level agreements: list, detail (targets, open clocks), edit, actions."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceActionView, ServiceFormView

from . import access, display, forms, querysets, services, subjects
from .choices import AgreementStatus, ClockKind, Priority
from .filtersets import AgreementFilterSet
from .priorities import matrix_rows
from .tables import AgreementTable


class ReadersOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_view(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class AgreementListView(ReadersOnly, ObjectListView):
    template_name = "slas/agreement_list.html"
    table_class = AgreementTable
    filterset_class = AgreementFilterSet

    def get_queryset(self):
        return querysets.for_list(access.visible_agreements(self.request.user))

    def extra_context(self):
        return {"can_manage": access.can_manage(self.request.user), "matrix": matrix_rows()}


class AgreementDetailView(ReadersOnly, ObjectDetailView):
    template_name = "slas/agreement_detail.html"

    def get_object(self):
        return access.get_agreement_for(self.request.user, self.kwargs["code"])

    def extra_context(self, obj):
        targets = {t.priority: t for t in obj.targets.all()}
        labels = dict(subjects.pause_status_choices())
        count, rows = display.open_clock_rows(obj, timezone.now())
        return {
            "can_manage": access.can_manage(self.request.user),
            "targets": [(p, targets.get(p.value)) for p in Priority],
            "pause_labels": [labels.get(code, code) for code in obj.pause_statuses],
            "open_count": count,
            "open_rows": rows,
            "matrix": matrix_rows(),
        }


def _initial(agreement) -> dict:
    initial = {name: getattr(agreement, name) for name in services.AGREEMENT_FIELDS}
    for target in agreement.targets.all():
        initial[services.target_field(target.priority, ClockKind.RESPONSE)] = (
            target.response_minutes
        )
        initial[services.target_field(target.priority, ClockKind.RESOLUTION)] = (
            target.resolution_minutes
        )
    return {**initial, "version": agreement.version}


class AgreementCreateView(ServiceFormView):
    template_name = "slas/agreement_form.html"
    form_class = forms.AgreementForm
    success_message = gettext_lazy("The agreement was created.")

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        return self.form_class(
            data, initial={"warning_percent": 75, "pause_statuses": ["awaiting_customer"]}
        )

    def perform(self, form):
        fields, targets = form.service_data()
        return services.create_agreement(actor=self.request.user, targets=targets, **fields)


class AgreementEditView(ServiceFormView):
    template_name = "slas/agreement_form.html"
    form_class = forms.AgreementEditForm
    success_message = gettext_lazy(
        "The agreement was saved. Its open clocks will be recomputed in the background."
    )

    def load(self):
        self.object = access.get_agreement_for(self.request.user, self.kwargs["code"], "edit")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial=_initial(self.object))

    def extra_context(self):
        return {"open_count": querysets.open_clocks_of(self.object).count()}

    def perform(self, form):
        fields, targets = form.service_data()
        return services.update_agreement(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            targets=targets,
            **fields,
        )


class AgreementStatusView(ServiceActionView):
    form_class = forms.ConfirmForm
    status = AgreementStatus.RETIRED

    def load(self):
        self.object = access.get_agreement_for(self.request.user, self.kwargs["code"], "edit")
        if self.status == AgreementStatus.ACTIVE:
            self.title = _("Reactivate %(agreement)s") % {"agreement": self.object}
            self.explanation = _("New tickets can fall under this agreement again.")
        else:
            self.title = _("Retire %(agreement)s") % {"agreement": self.object}
            self.explanation = _(
                "New tickets no longer fall under it. Clocks already running keep counting "
                "against it until their tickets are resolved."
            )
            self.button_class = "btn-danger"

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.set_agreement_status(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            status=self.status,
        )


class RecomputeView(ServiceActionView):
    form_class = forms.RecomputeForm
    success_message = gettext_lazy("The recompute was queued; the worker runs it shortly.")

    def load(self):
        self.object = access.get_agreement_for(self.request.user, self.kwargs["code"], "edit")
        self.title = _("Recompute the open clocks of %(agreement)s") % {"agreement": self.object}
        self.explanation = _(
            "The worker replays every open clock of this agreement from its recorded events "
            "with the current targets and calendar. Completed cycles are not changed."
        )
        self.button_label = _("Recompute")

    def perform(self, form):
        services.request_recompute(self.object)
        return self.object
