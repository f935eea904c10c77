"""Generate a draft document from a template of the set, filled with the organisation's data."""

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.catalogue.models import Clause
from iso20k.history import services as history

from .. import library, template_context
from ..models import Document
from .common import invalid
from .documents import create_document, required_information_for


def render_template(template: library.DocumentTemplate, *, code: str, owner) -> dict[str, str]:
    """The template's body in both languages, filled in: {"en": ..., "zh-hans": ...}."""
    return {
        language: library.render(
            template,
            language,
            template_context.build(language, template=template, code=code, owner=owner),
        )
        for language in library.LANGUAGES
    }


@transaction.atomic
def generate_document(template_code: str, *, actor, code: str = "", owner=None) -> Document:
    """Register a new document whose first draft is the filled-in template.

    Raises ValidationError (template_unknown, duplicate_code, clause_outside_scope…).
    Events documents.document.created, .documentversion.drafted and .document.generated.
    """
    template = library.get_template(template_code)
    if template is None:
        raise invalid("template", _("There is no template with this code."), "template_unknown")
    owner = owner or actor
    code = code or template.document_code
    bodies = render_template(template, code=code, owner=owner)
    document = create_document(
        actor=actor,
        code=code,
        tier=template.tier,
        owner=owner,
        title_en=template.title_en,
        title_zh_hans=template.title_zh_hans,
        clauses=list(Clause.objects.current().filter(number__in=template.clauses)),
        required_information=required_information_for(template.covers),
        review_interval_months=template.review_interval_months,
        template_code=template.code,
        body_en=bodies["en"],
        body_zh_hans=bodies["zh-hans"],
        change_summary="由模板生成 / Generated from the template",
    )
    history.record(
        document,
        event="documents.document.generated",
        actor=actor,
        data={"template": template.code},
    )
    return document
