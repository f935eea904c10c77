"""Pages of the organisation, its sites and the SMS scope statement (4.3)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.core.htmx import render_page
from iso20k.core.views import (
    ObjectDetailView,
    ServiceActionView,
    ServiceFormView,
    redirect_after_post,
)
from iso20k.history.querysets import for_object as history_for

from . import access, forms, services
from .choices import ScopeStatus


@login_required
def overview(request: HttpRequest) -> HttpResponse:
    access.check_view(request.user)
    organisation = services.current_organisation()
    statements = access.visible_scope_statements(request.user)
    context = {
        "organisation": organisation,
        "sites": organisation.sites.all() if organisation else [],
        "approved": statements.filter(status=ScopeStatus.APPROVED).first(),
        "open_draft": statements.filter(
            status__in=[ScopeStatus.DRAFT, ScopeStatus.SUBMITTED]
        ).first(),
        "statements": statements[:10],
        "can_edit": access.can_edit(request.user),
        "history_records": history_for(organisation) if organisation else [],
    }
    return render_page(
        request, "organisations/overview.html", context, partial=request.GET.get("partial")
    )


class OrganisationSetupView(ServiceFormView):
    template_name = "organisations/organisation_form.html"
    form_class = forms.OrganisationForm
    success_message = gettext_lazy("The organisation was created.")

    def load(self):
        access.check_edit(self.request.user)

    def perform(self, form):
        return services.create_organisation(actor=self.request.user, **form.cleaned_data)


class OrganisationEditView(ServiceFormView):
    template_name = "organisations/organisation_form.html"
    form_class = forms.OrganisationEditForm
    success_message = gettext_lazy("The organisation was saved.")

    def load(self):
        access.check_edit(self.request.user)
        self.object = services.current_organisation()
        if self.object is None:
            from django.http import Http404

            raise Http404

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.ORGANISATION_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_organisation(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class SiteCreateView(ServiceFormView):
    template_name = "organisations/site_form.html"
    form_class = forms.SiteForm
    success_message = gettext_lazy("The site was added.")

    def load(self):
        access.check_edit(self.request.user)

    def perform(self, form):
        organisation = services.current_organisation()
        return services.add_site(organisation, actor=self.request.user, **form.cleaned_data)

    def get_success_url(self, result):
        return reverse("organisations:overview")


class SiteEditView(ServiceFormView):
    template_name = "organisations/site_form.html"
    form_class = forms.SiteEditForm
    success_message = gettext_lazy("The site was saved.")

    def load(self):
        self.object = access.get_site_for(self.request.user, self.kwargs["pk"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.SITE_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_site(
            self.object, actor=self.request.user, expected_version=version, **data
        )

    def get_success_url(self, result):
        return reverse("organisations:overview")


class ScopeDetailView(ObjectDetailView):
    template_name = "organisations/scope_detail.html"

    def get_object(self):
        return access.get_scope_for(self.request.user, self.kwargs["number"])

    def extra_context(self, obj):
        return {
            "can_edit": access.can_edit(self.request.user),
            "can_decide": access.can_approve_scope(self.request.user),
            "sites": obj.sites.all(),
        }


@login_required
@require_POST
def start_scope_draft(request: HttpRequest) -> HttpResponse:
    access.check_edit(request.user)
    organisation = services.current_organisation()
    if organisation is None:
        return redirect("organisations:setup")
    draft = services.start_scope_draft(organisation, actor=request.user)
    return redirect_after_post(request, reverse("organisations:scope-edit", args=[draft.number]))


class ScopeEditView(ServiceFormView):
    template_name = "organisations/scope_form.html"
    form_class = forms.ScopeForm
    success_message = gettext_lazy("The draft was saved.")

    def load(self):
        self.object = access.get_scope_for(self.request.user, self.kwargs["number"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.SCOPE_TEXT_FIELDS}
        initial.update(version=self.object.version, sites=list(self.object.sites.all()))
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version, sites = data.pop("version"), data.pop("sites")
        return services.update_scope_draft(
            self.object, actor=self.request.user, expected_version=version, sites=sites, **data
        )


class ScopeActionView(ServiceActionView):
    """Submit, withdraw, approve or return a scope version (one service each)."""

    form_class = forms.ConfirmForm
    action = "submit"
    ACTIONS = {
        "submit": (
            "edit",
            gettext_lazy("Submit for approval"),
            gettext_lazy(
                "Top management will be asked to approve this version. You can "
                "withdraw it until they decide."
            ),
            "btn-primary",
        ),
        "withdraw": (
            "edit",
            gettext_lazy("Withdraw from approval"),
            gettext_lazy("The version goes back to draft so that you can edit it."),
            "btn-warning",
        ),
        "approve": (
            "decide",
            gettext_lazy("Approve the scope"),
            gettext_lazy(
                "This version becomes the approved SMS scope; the previous approved "
                "version is kept as superseded. Your name and the time are recorded."
            ),
            "btn-success",
        ),
        "reject": (
            "decide",
            gettext_lazy("Return for rework"),
            gettext_lazy("The version goes back to the certification lead with your note."),
            "btn-warning",
        ),
    }

    def load(self):
        permission, self.title, self.explanation, self.button_class = self.ACTIONS[self.action]
        self.object = access.get_scope_for(self.request.user, self.kwargs["number"], permission)
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        form_class = forms.DecisionForm if self.action in {"approve", "reject"} else self.form_class
        return form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = form.cleaned_data
        kwargs = {"actor": self.request.user, "expected_version": data["version"]}
        if self.action in {"approve", "reject"}:
            kwargs["note"] = data["note"]
        service = {
            "submit": services.submit_scope,
            "withdraw": services.withdraw_scope,
            "approve": services.approve_scope,
            "reject": services.reject_scope,
        }[self.action]
        return service(self.object, **kwargs)
