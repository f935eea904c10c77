"""The document register: list with filters and search, register, edit, detail, retire."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from iso20k.core import exports
from iso20k.core.i18n import localized
from iso20k.core.views import (
    ObjectDetailView,
    ObjectListView,
    ServiceActionView,
    ServiceFormView,
    redirect_after_post,
)

from .. import access, forms, services, spreadsheets
from ..choices import DocumentStatus
from ..filtersets import DocumentFilterSet
from ..tables import DocumentTable
from .content import content_context


def register_queryset(request: HttpRequest):
    documents = access.visible_documents(request.user).for_list()
    if request.GET.get("status") != DocumentStatus.OBSOLETE:
        documents = documents.exclude(status=DocumentStatus.OBSOLETE)
    return documents


class DocumentListView(ObjectListView):
    template_name = "documents/document_list.html"
    table_class = DocumentTable
    filterset_class = DocumentFilterSet

    def get(self, request, *args, **kwargs):
        if not access.can_view_register(request.user):
            raise Http404
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return register_queryset(self.request)

    def extra_context(self):
        return {"can_create": access.can_create(self.request.user)}


@login_required
def register_export(request: HttpRequest) -> HttpResponse:
    """The register as a workbook (the master list auditors ask for), filters applied."""
    if not access.can_view_register(request.user):
        raise Http404
    filterset = DocumentFilterSet(
        request.GET or None, queryset=register_queryset(request), request=request
    )
    book = spreadsheets.register_workbook(filterset.qs)
    return exports.xlsx_response(book, f"document-register-{timezone.localdate()}.xlsx")


class DocumentCreateView(ServiceFormView):
    template_name = "documents/document_form.html"
    form_class = forms.DocumentForm
    success_message = gettext_lazy("The document was registered with a first draft.")

    def load(self):
        if not access.can_view_register(self.request.user):
            raise Http404
        from django.core.exceptions import PermissionDenied

        if not access.can_create(self.request.user):
            raise PermissionDenied

    def get_form(self, data=None, files=None):
        return self.form_class(
            data, initial={"owner": self.request.user, "review_interval_months": 12}
        )

    def perform(self, form):
        return services.create_document(actor=self.request.user, **form.cleaned_data)


class DocumentEditView(ServiceFormView):
    template_name = "documents/document_form.html"
    form_class = forms.DocumentEditForm
    success_message = gettext_lazy("The document was saved.")

    def load(self):
        self.object = access.get_document_for(self.request.user, self.kwargs["pk"], "edit")

    def get_form(self, data=None, files=None):
        document = self.object
        initial = {
            "code": document.code,
            "tier": document.tier,
            "title_en": document.title_en,
            "title_zh_hans": document.title_zh_hans,
            "owner": document.owner,
            "clauses": list(document.clauses.all()),
            "required_information": list(document.required_information.all()),
            "review_interval_months": document.review_interval_months,
            "version": document.version,
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_document(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class DocumentDetailView(ObjectDetailView):
    template_name = "documents/document_detail.html"

    def get_object(self):
        return access.get_document_for(self.request.user, self.kwargs["pk"])

    def extra_context(self, obj):
        user = self.request.user
        versions = (
            access.visible_versions(user)
            .filter(document=obj)
            .select_related("author", "superseded_by")
        )
        current = obj.current_version
        context = {
            "versions": versions.order_by("-number"),
            "current": current,
            "open_version": versions.filter(status__in=["draft", "in_review"]).first(),
            "clauses": obj.clauses.all(),
            "information": obj.required_information.select_related("clause"),
            "can_edit": access.can_edit_document(user, obj),
            "can_follow_reading": access.can_follow_reading(user, obj),
            "my_acknowledgement": current.acknowledgements.filter(person=user).first()
            if current
            else None,
            "title": localized(obj, "title"),
        }
        if current is not None:
            context.update(content_context(self.request, current))
        return context


@login_required
@require_POST
def start_revision(request: HttpRequest, pk: int) -> HttpResponse:
    document = access.get_document_for(request.user, pk, "edit")
    version = services.start_revision(document, actor=request.user)
    return redirect_after_post(
        request, reverse("documents:version-edit", args=[pk, version.number])
    )


class DocumentRetireView(ServiceActionView):
    form_class = forms.ReasonForm
    button_class = "btn-danger"

    def load(self):
        self.object = access.get_document_for(self.request.user, self.kwargs["pk"], "edit")
        self.title = _("Make %(code)s obsolete") % {"code": self.object.code}
        self.explanation = _(
            "The version in force is withdrawn from use and nobody is asked to read it any "
            "more. The document and all its versions stay on record, marked obsolete."
        )
        self.button_label = _("Make obsolete")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.retire_document(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            reason=form.cleaned_data["reason"],
        )
