"""The template set: complete, consistent with the catalogue, and filled with live data."""

import pytest

from iso20k.catalogue.models import Clause, RequiredInformation
from iso20k.documents import library, services, template_context
from iso20k.documents.choices import Tier
from iso20k.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REQUIRED_L1_L2 = {
    "service-management-manual",
    "service-management-policy",
    "service-management-objectives",
    "service-management-plan",
    "change-management-policy",
    "information-security-policy",
    "service-continuity-plan",
}
FORMS = {
    "form-incident-record",
    "form-change-approval",
    "form-problem-record",
    "form-internal-audit-checklist",
    "form-management-review-minutes",
}


def test_every_template_is_bilingual_and_well_formed():
    templates = library.all_templates()
    assert len({t.code for t in templates}) == len(templates)
    assert len({t.document_code for t in templates}) == len(templates)
    for template in templates:
        assert template.tier in Tier.values, template.code
        assert template.title_en and template.title_zh_hans, template.code
        assert template.purpose_en and template.purpose_zh_hans, template.code
        assert template.body["en"].strip() and template.body["zh-hans"].strip(), template.code
        assert 1 <= template.review_interval_months <= 60


def test_the_set_has_what_the_issue_names(catalogue):
    codes = {t.code for t in library.all_templates()}
    assert REQUIRED_L1_L2.issubset(codes)
    assert FORMS.issubset(codes)
    tiers = {t.tier for t in library.all_templates()}
    assert tiers == set(Tier.values)


def test_templates_name_real_clauses_and_required_information(catalogue):
    numbers = set(Clause.objects.current().values_list("number", flat=True))
    items = set(RequiredInformation.objects.filter(is_current=True).values_list("code", flat=True))
    for template in library.all_templates():
        assert set(template.clauses) <= numbers, template.code
        assert template.clauses, template.code
        assert set(template.covers) <= items, template.code


def test_every_clause_8_process_has_a_procedure(catalogue):
    procedures = [t for t in library.all_templates() if t.tier == Tier.PROCEDURE]
    served = {number for t in procedures for number in t.clauses}
    processes = Clause.objects.current().filter(number__startswith="8.", level=3, assessable=True)
    missing = [
        c.number
        for c in processes
        if c.number != "8.1"
        and not any(s == c.number or s.startswith(f"{c.number}.") for s in served)
    ]
    assert missing == []


def test_every_required_document_has_a_template(catalogue):
    covered = {code for t in library.all_templates() for code in t.covers}
    documents = RequiredInformation.objects.filter(is_current=True, kind="document")
    assert sorted(set(documents.values_list("code", flat=True)) - covered) == []


@pytest.mark.parametrize("template", library.all_templates(), ids=lambda t: t.code)
def test_each_template_renders_in_both_languages_with_nothing_left_unfilled(
    template, catalogue, lead
):
    OrganisationFactory(name_en="Acme Cloud Ltd.", name_zh_hans="艾克米云有限公司")
    bodies = services.render_template(template, code=template.document_code, owner=lead)
    for language, text in bodies.items():
        assert "{{" not in text and "{%" not in text, (template.code, language)
        if "organisation.name" in template.body[language]:
            expected = "艾克米云有限公司" if language == "zh-hans" else "Acme Cloud Ltd."
            assert expected in text, (template.code, language)


def test_lists_from_other_apps_fill_the_template_or_say_none_are_defined(
    catalogue, lead, monkeypatch
):
    template = library.get_template("form-service-catalogue")
    empty = services.render_template(template, code="X", owner=lead)
    assert "None defined yet" in empty["en"]
    assert "尚未定义" in empty["zh-hans"]
    # A stand-in for the service catalogue's provider, restored afterwards.
    monkeypatch.setitem(
        template_context._providers,
        "services",
        lambda language: [
            {"name": "云主机托管" if language == "zh-hans" else "Managed hosting", "hours": "7×24"}
        ],
    )
    filled = services.render_template(template, code="X", owner=lead)
    assert "| Managed hosting |" in filled["en"] and "| Service hours |" in filled["en"]
    assert "| 云主机托管 |" in filled["zh-hans"]
