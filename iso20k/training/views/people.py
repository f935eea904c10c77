"""Pages about people: the competence matrix, one's own training, competence records."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.core.htmx import render_page
from iso20k.core.views import (
    ObjectDetailView,
    ServiceActionView,
    ServiceFormView,
    apply_validation_error,
    redirect_after_post,
)

from .. import access, forms, querysets, services
from ..choices import MatrixCell


@login_required
def matrix(request: HttpRequest) -> HttpResponse:
    access.check_view_all(request.user)
    context = {
        "matrix": querysets.competence_matrix(),
        "states": MatrixCell,
        "can_manage": access.can_manage(request.user),
    }
    return render_page(request, "training/matrix.html", context)


@login_required
def my_training(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    context = querysets.my_training(request.user)
    return render_page(request, "training/my_training.html", context)


class RecordCreateView(ServiceFormView):
    template_name = "training/object_form.html"
    form_class = forms.RecordForm
    success_message = gettext_lazy("The competence was recorded; attach its evidence.")

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        initial = {
            "person": self.request.GET.get("person"),
            "competence": self.request.GET.get("competence"),
        }
        return self.form_class(data, initial=initial)

    def extra_context(self):
        return {"heading": gettext_lazy("Record a competence")}

    def perform(self, form):
        return services.record_competence(actor=self.request.user, **form.cleaned_data)


class RecordDetailView(ObjectDetailView):
    template_name = "training/record_detail.html"

    def get_object(self):
        return access.get_record_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        from iso20k.files.services import files_of

        return {
            "files": files_of(obj),
            "file_form": forms.FileForm(),
            "can_manage": access.can_manage(self.request.user),
        }


class RecordWithdrawView(ServiceActionView):
    form_class = forms.WithdrawForm
    title = gettext_lazy("Withdraw the record")
    explanation = gettext_lazy("The record stays on file, marked as withdrawn, with your reason.")
    button_class = "btn-danger"

    def load(self):
        self.object = access.get_record_for(self.request.user, self.kwargs["pk"], "manage")
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = form.cleaned_data
        return services.withdraw_record(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            reason=data["reason"],
        )


@login_required
@require_POST
def add_record_file(request: HttpRequest, pk: int) -> HttpResponse:
    record = access.get_record_for(request.user, pk, "manage")
    form = forms.FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_record_file(record, actor=request.user, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The evidence was attached."))
            return redirect_after_post(request, record.get_absolute_url())
    from iso20k.files.services import files_of

    context = {"object": record, "files": files_of(record), "file_form": form, "can_manage": True}
    return render(request, "training/record_detail.html", context, status=422)
