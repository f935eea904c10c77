"""A version's page, its draft editor, its workflow actions and its Word export."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy

from iso20k.core import exports
from iso20k.core.views import ObjectDetailView, ServiceActionView, ServiceFormView

from .. import access, forms, services
from ..choices import SignoffKind, VersionStatus
from ..docx_writer import version_docx
from .content import content_context, content_language


class VersionDetailView(ObjectDetailView):
    template_name = "documents/version_detail.html"

    def get_object(self):
        return access.get_version_for(self.request.user, self.kwargs["pk"], self.kwargs["number"])

    def extra_context(self, obj):
        user = self.request.user
        signoffs = list(obj.signoffs.select_related("person"))
        mine = next((s for s in signoffs if s.person_id == user.pk), None)
        return {
            "document": obj.document,
            "signoffs": signoffs,
            "my_signoff": mine,
            "can_edit": obj.status == VersionStatus.DRAFT and access.can_edit_version(user, obj),
            "can_withdraw": obj.status == VersionStatus.IN_REVIEW
            and access.can_edit_version(user, obj),
            "can_review": obj.status == VersionStatus.IN_REVIEW
            and mine is not None
            and mine.kind == SignoffKind.REVIEWER,
            "can_approve": obj.status == VersionStatus.IN_REVIEW
            and mine is not None
            and mine.kind == SignoffKind.APPROVER,
            "can_confirm_review": obj.is_current and access.can_edit_document(user, obj.document),
            **content_context(self.request, obj),
        }


class VersionEditView(ServiceFormView):
    template_name = "documents/version_form.html"
    form_class = forms.VersionDraftForm
    success_message = gettext_lazy("The draft was saved.")

    def load(self):
        self.object = access.get_version_for(
            self.request.user, self.kwargs["pk"], self.kwargs["number"], "edit"
        )

    def get_form(self, data=None, files=None):
        version = self.object
        initial = {
            "change_summary": version.change_summary,
            "body_en": version.body_en,
            "body_zh_hans": version.body_zh_hans,
            "reviewers": services.versions.version_people(version, SignoffKind.REVIEWER),
            "approvers": services.versions.version_people(version, SignoffKind.APPROVER),
            "version": version.version,
        }
        return self.form_class(data, files, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        return services.update_version_draft(
            self.object,
            actor=self.request.user,
            expected_version=data.pop("version"),
            upload=data.pop("file") or None,
            remove_file=data.pop("remove_file"),
            **data,
        )


class VersionActionView(ServiceActionView):
    """One workflow step on a version: each action names its access, form and service."""

    action = "submit"
    ACTIONS = {
        "submit": ("edit", forms.ConfirmForm, gettext_lazy("Send for review"), "btn-primary"),
        "withdraw": (
            "edit",
            forms.ConfirmForm,
            gettext_lazy("Withdraw from review"),
            "btn-warning",
        ),
        "discard": ("edit", forms.ReasonForm, gettext_lazy("Discard the draft"), "btn-danger"),
        "review": ("reviewer", forms.ReviewForm, gettext_lazy("Record your review"), "btn-primary"),
        "approve": (
            "approver",
            forms.ApproveForm,
            gettext_lazy("Approve this version"),
            "btn-success",
        ),
        "reject": ("approver", forms.ReturnForm, gettext_lazy("Return for rework"), "btn-warning"),
        "confirm-review": (
            "manage",
            forms.PeriodicReviewForm,
            gettext_lazy("Confirm the periodic review"),
            "btn-primary",
        ),
    }
    EXPLANATIONS = {
        "submit": gettext_lazy(
            "The named reviewers and approvers are asked by e-mail to review this version. "
            "It cannot be edited while it is in review; you can withdraw it."
        ),
        "withdraw": gettext_lazy("The version goes back to draft so that you can edit it."),
        "discard": gettext_lazy(
            "The draft is abandoned. It stays on record as obsolete; you can start a new version."
        ),
        "review": gettext_lazy(
            "Agree, or ask for changes: asking for changes sends the version back to its author."
        ),
        "approve": gettext_lazy(
            "When every approver has signed, this version comes into force: the previous one is "
            "kept as superseded and everyone assigned to read the document is asked to read it."
        ),
        "reject": gettext_lazy("The version goes back to its author as a draft, with your note."),
        "confirm-review": gettext_lazy(
            "Record that the version in force was reviewed and still fits; the next review is "
            "then due one review interval from today."
        ),
    }

    def load(self):
        permission, self.form_class, self.title, self.button_class = self.ACTIONS[self.action]
        self.object = access.get_version_for(
            self.request.user, self.kwargs["pk"], self.kwargs["number"], permission
        )
        self.explanation = self.EXPLANATIONS[self.action]
        self.button_label = self.title

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        kwargs = {"actor": self.request.user, "expected_version": data.pop("version")}
        if self.action == "review":
            data["agree"] = data.pop("decision") == "agree"
        service = {
            "submit": services.submit_version,
            "withdraw": services.withdraw_version,
            "discard": services.discard_version,
            "review": services.review_version,
            "approve": services.approve_version,
            "reject": services.reject_version,
            "confirm-review": services.confirm_periodic_review,
        }[self.action]
        return service(self.object, **kwargs, **data)


@login_required
def version_export(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """The version as a Word file, in the language asked for (?lang=en or zh-hans)."""
    version = access.get_version_for(request.user, pk, number)
    language = content_language(request)
    content = version_docx(version, language)
    suffix = "zh" if language == "zh-hans" else "en"
    name = f"{version.document.code}-v{version.number}-{suffix}.docx".replace("/", "-")
    return exports.file_response(content, filename=name, content_type=exports.DOCX_TYPE)
