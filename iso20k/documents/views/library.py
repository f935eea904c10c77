"""The library around the register: the template set with preview and generation, the
mandatory documented information overview, and the ITIL 4 practice ↔ clause mapping."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from iso20k.catalogue.choices import PracticeGroup
from iso20k.catalogue.models import Clause, ItilPractice
from iso20k.core import exports
from iso20k.core.htmx import render_page
from iso20k.core.views import ServiceFormView

from .. import access, coverage, forms, library, services, spreadsheets
from ..choices import Tier
from ..models import Document
from .content import content_language


def check_library(user) -> None:
    if not access.can_see_library(user):
        raise Http404


@login_required
def mandatory(request: HttpRequest) -> HttpResponse:
    check_library(request.user)
    only_gaps = request.GET.get("gaps") == "1"
    summary = coverage.evaluate(Document.objects.all(), timezone.localdate(), only_gaps=only_gaps)
    for group in summary.groups:
        for item in group.items:
            item.templates = [
                t for t in library.all_templates() if item.information.code in t.covers
            ]
    context = {
        "summary": summary,
        "only_gaps": only_gaps,
        "visible_ids": set(access.visible_documents(request.user).values_list("pk", flat=True)),
    }
    return render_page(request, "documents/mandatory.html", context, partial="coverage")


@login_required
def mandatory_export(request: HttpRequest) -> HttpResponse:
    check_library(request.user)
    summary = coverage.evaluate(Document.objects.all(), timezone.localdate())
    book = spreadsheets.coverage_workbook(summary)
    return exports.xlsx_response(book, f"mandatory-information-{timezone.localdate()}.xlsx")


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    check_library(request.user)
    templates = library.all_templates()
    generated: dict[str, list] = {}
    visible = access.visible_documents(request.user).filter(template_code__gt="").order_by("code")
    for document in visible:
        generated.setdefault(document.template_code, []).append(document)
    tiers = [
        (value, label, [(t, generated.get(t.code, [])) for t in templates if t.tier == value])
        for value, label in Tier.choices
    ]
    context = {
        "tiers": tiers,
        "count": len(templates),
        "can_create": access.can_create(request.user),
    }
    return render_page(request, "documents/template_list.html", context)


class TemplateDetailView(ServiceFormView):
    """Preview a template filled with the organisation's data, and generate a draft from it."""

    template_name = "documents/template_detail.html"
    form_class = forms.GenerateForm
    success_message = gettext_lazy("The document was generated as a draft in the register.")

    def load(self):
        check_library(self.request.user)
        self.template = library.get_template(self.kwargs["code"])
        if self.template is None:
            raise Http404
        if self.request.method == "POST" and not access.can_create(self.request.user):
            raise PermissionDenied

    def get_form(self, data=None, files=None):
        code = self.template.document_code
        if Document.objects.filter(code=code).exists():
            code = ""
        return self.form_class(data, initial={"code": code, "owner": self.request.user})

    def extra_context(self):
        language = content_language(self.request)
        bodies = services.render_template(
            self.template, code=self.template.document_code, owner=self.request.user
        )
        from ..rendering import markdown_html

        return {
            "template": self.template,
            "content_language": language,
            "body_html": markdown_html(bodies[language]),
            "clauses": Clause.objects.current().filter(number__in=self.template.clauses),
            "existing": access.visible_documents(self.request.user).filter(
                template_code=self.template.code
            ),
            "can_create": access.can_create(self.request.user),
        }

    def perform(self, form):
        return services.generate_document(
            self.template.code,
            actor=self.request.user,
            code=form.cleaned_data["code"],
            owner=form.cleaned_data["owner"],
        )


@login_required
def itil_mapping(request: HttpRequest) -> HttpResponse:
    """ITIL 4 practices and the clauses they support, with the approved documents that
    serve those clauses: where an organisation's existing ITIL practice already counts."""
    if not access.can_view_register(request.user):
        raise Http404
    clauses = Clause.objects.current().prefetch_related(
        Prefetch(
            "documents",
            queryset=access.visible_documents(request.user).approved().order_by("code"),
            to_attr="approved_documents",
        )
    )
    practices = ItilPractice.objects.prefetch_related(
        Prefetch("clauses", queryset=clauses, to_attr="clause_list")
    )
    group = request.GET.get("group", "")
    if group in PracticeGroup.values:
        practices = practices.filter(group=group)
    rows = []
    for practice in practices:
        documents = {d.pk: d for c in practice.clause_list for d in c.approved_documents}
        rows.append(
            (practice, practice.clause_list, sorted(documents.values(), key=lambda d: d.code))
        )
    context = {"rows": rows, "groups": PracticeGroup.choices, "group": group}
    return render_page(request, "documents/itil_mapping.html", context, partial="mapping")
