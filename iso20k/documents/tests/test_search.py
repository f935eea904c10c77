"""Search across titles and bodies in both languages, on SQLite and PostgreSQL alike."""

import pytest

from iso20k.documents import access, services
from iso20k.documents.models import Document
from iso20k.documents.search import normalise, terms

pytestmark = pytest.mark.django_db


def test_text_is_folded_for_matching():
    assert normalise("ＳＭＳ－Ｐ  Incident\n管理") == "sms-p incident 管理"
    assert terms("变更  CHANGE 变更 a b c d e f g h i") == [
        "变更",
        "change",
        "a",
        "b",
        "c",
        "d",
        "e",
        "f",
    ]


def found(user, query) -> set[str]:
    documents = access.visible_documents(user)
    return set(
        documents.search(query, access.visible_versions(user)).values_list("code", flat=True)
    )


def test_titles_and_bodies_match_every_term_in_either_language(
    lead, manager, approved_document, make_document
):
    approved_document(
        lead,
        manager,
        code="SMS-P-CHG",
        title_en="Change management procedure",
        title_zh_hans="变更管理程序",
        body_en="Emergency changes are reviewed by the CAB.",
        body_zh_hans="紧急变更由变更咨询委员会回顾。",
    )
    make_document(lead, code="SMS-P-INC", body_en="Major incidents are reviewed.")
    assert found(lead, "变更") == {"SMS-P-CHG"}
    assert found(lead, "咨询委员会") == {"SMS-P-CHG"}
    assert found(lead, "reviewed") == {"SMS-P-CHG", "SMS-P-INC"}
    assert found(lead, "reviewed CAB") == {"SMS-P-CHG"}
    assert found(lead, "ｃａｂ") == {"SMS-P-CHG"}
    assert found(lead, "sms-p-inc") == {"SMS-P-INC"}
    assert found(lead, "nothing-like-this") == set()


def test_a_drafts_text_never_finds_a_document_for_someone_who_reads_only_approved(
    lead, manager, staff, approved_document
):
    document = approved_document(lead, manager, code="SMS-P-1", body_en="Published text")
    draft = services.start_revision(document, actor=lead)
    services.update_version_draft(
        draft, actor=lead, expected_version=draft.version, body_en="Secret reorganisation"
    )
    assert found(lead, "secret") == {"SMS-P-1"}
    assert found(staff, "secret") == set()
    assert found(staff, "published") == {"SMS-P-1"}
    assert Document.objects.count() == 1
