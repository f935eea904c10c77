"""The pages through HTTP: forms and their errors, conflicts, filters, search, exports, and a
constant number of queries whatever the length of a list."""

import io
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from iso20k.catalogue.querysets import get_clause
from iso20k.documents import services
from iso20k.documents.models import Acknowledgement, Document

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def form_data(**overrides) -> dict:
    data = {
        "code": "SMS-P-8.6.1",
        "tier": "l2",
        "title_zh_hans": "事件管理程序",
        "title_en": "Incident management procedure",
        "review_interval_months": 12,
    }
    data.update(overrides)
    return data


def test_a_document_is_registered_through_the_page(client_for, lead, catalogue):
    clause = get_clause("8.6.1")
    response = client_for(lead).post(
        reverse("documents:document-create"),
        form_data(owner=lead.pk, clauses=[clause.pk], required_information=["incident-records"]),
    )
    document = Document.objects.get()
    assert response.status_code == 303 and response["Location"] == document.get_absolute_url()
    assert document.versions.get().status == "draft"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"review_interval_months": 0}, "at least one month"),
        ({"code": "sms-p-1"}, "already used by another document"),
        ({"title_en": "", "title_zh_hans": ""}, "in at least one language"),
    ],
)
def test_bad_input_is_shown_on_the_field_and_nothing_is_saved(
    client_for, lead, make_document, overrides, message
):
    make_document(lead, code="SMS-P-1")
    response = client_for(lead).post(
        reverse("documents:document-create"), form_data(owner=lead.pk, **overrides), **HTMX
    )
    assert response.status_code == 422 and message in response.content.decode()
    assert Document.objects.count() == 1


def test_a_draft_is_written_sent_reviewed_and_approved_through_the_pages(
    client_for, lead, manager, internal_auditor, make_document, media
):
    from iso20k.core.exports import docx_bytes, new_document

    document = make_document(lead)
    version = document.versions.get()
    word = new_document("x")
    word.add_paragraph("升级矩阵 escalation matrix")
    edit = reverse("documents:version-edit", args=[document.pk, 1])
    response = client_for(lead).post(
        edit,
        {
            "version": version.version,
            "change_summary": "First issue",
            "body_en": "# Purpose\nRestore service.",
            "body_zh_hans": "",
            "reviewers": [internal_auditor.pk],
            "approvers": [manager.pk],
            "file": SimpleUploadedFile("procedure.docx", docx_bytes(word)),
        },
    )
    assert response.status_code == 303
    version.refresh_from_db()
    steps = [
        (lead, "submit", {}),
        (internal_auditor, "review", {"decision": "agree", "note": ""}),
        (manager, "approve", {"effective_on": timezone.localdate().isoformat(), "note": "Go"}),
    ]
    for actor, action, data in steps:
        version.refresh_from_db()
        url = reverse(f"documents:version-{action}", args=[document.pk, 1])
        response = client_for(actor).post(url, {"version": version.version, **data})
        assert response.status_code == 303, (action, response.content.decode()[:2000])
    version.refresh_from_db()
    assert version.status == "approved" and version.file.original_name == "procedure.docx"
    page = client_for(lead).get(document.get_absolute_url()).content.decode()
    assert "escalation matrix" in page
    page = client_for(lead).get(version.get_absolute_url()).content.decode()
    assert "Version approved" in page and "Review recorded" in page


def test_an_upload_whose_content_does_not_match_is_refused_on_the_field(
    client_for, lead, make_document, media
):
    document = make_document(lead)
    version = document.versions.get()
    response = client_for(lead).post(
        reverse("documents:version-edit", args=[document.pk, 1]),
        {
            "version": version.version,
            "change_summary": "x",
            "file": SimpleUploadedFile("scan.docx", b"%PDF-1.4\n%%EOF\n"),
        },
        **HTMX,
    )
    assert response.status_code == 422
    assert "but its content is a PDF document" in response.content.decode()
    version.refresh_from_db()
    assert version.file is None and version.change_summary == "First issue"


def test_a_stale_draft_edit_shows_the_conflict_and_keeps_the_input(client_for, lead, make_document):
    document = make_document(lead)
    version = document.versions.get()
    seen = version.version
    services.update_version_draft(version, actor=lead, expected_version=seen, body_en="Theirs")
    response = client_for(lead).post(
        reverse("documents:version-edit", args=[document.pk, 1]),
        {"version": seen, "change_summary": "Mine", "body_en": "My text"},
    )
    page = response.content.decode()
    assert response.status_code == 409 and 'id="conflict"' in page and "My text" in page
    version.refresh_from_db()
    assert version.body_en == "Theirs"


def test_the_register_filters_and_searches_in_both_languages(
    catalogue,
    client_for,
    lead,
    manager,
    process_owner,
    approved_document,
    make_document,
    time_machine,
):
    approved_document(
        lead, manager, code="SMS-P-A", title_zh_hans="变更管理程序", clauses=[get_clause("8.5.1")]
    )
    make_document(process_owner, code="SMS-P-B", clauses=[get_clause("8.6.1")], tier="l3")

    def codes(**params) -> set[str]:
        page = (
            client_for(lead)
            .get(reverse("documents:document-list"), params, **HTMX)
            .content.decode()
        )
        return {code for code in ("SMS-P-A", "SMS-P-B") if code in page}

    assert codes() == {"SMS-P-A", "SMS-P-B"}
    assert codes(q="变更") == {"SMS-P-A"}
    assert codes(q="restore SERVICE") == {"SMS-P-A", "SMS-P-B"}
    assert codes(tier="l3") == {"SMS-P-B"}
    assert codes(status="approved") == {"SMS-P-A"}
    assert codes(owner=process_owner.pk) == {"SMS-P-B"}
    assert codes(clause="8.5") == {"SMS-P-A"}
    assert codes(review="overdue") == set()
    time_machine.move_to(timezone.now() + timedelta(days=400))
    assert codes(review="overdue") == {"SMS-P-A"}


def test_obsolete_documents_are_listed_only_when_asked(client_for, lead, make_document):
    document = make_document(lead, code="SMS-OLD")
    version = document.versions.get()
    services.discard_version(version, actor=lead, expected_version=version.version, reason="x")
    document.refresh_from_db()
    services.retire_document(document, actor=lead, expected_version=document.version, reason="x")
    url = reverse("documents:document-list")
    assert "SMS-OLD" not in client_for(lead).get(url).content.decode()
    assert "SMS-OLD" in client_for(lead).get(url, {"status": "obsolete"}).content.decode()


def test_the_register_and_coverage_export_to_excel(
    catalogue, client_for, lead, manager, approved_document
):
    from openpyxl import load_workbook

    approved_document(lead, manager, code="SMS-X", required_information=[])
    response = client_for(lead).get(reverse("documents:document-export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A2"].value == "SMS-X" and sheet.max_row == 2
    response = client_for(lead).get(reverse("documents:mandatory-export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row > 30


def test_the_content_switches_language_as_a_fragment(client_for, lead, manager, approved_document):
    document = approved_document(lead, manager)
    response = client_for(lead).get(
        document.get_absolute_url(), {"lang": "zh-hans", "partial": "content"}, **HTMX
    )
    page = response.content.decode()
    assert page.lstrip().startswith('<div class="card" id="content">')
    assert "尽快恢复服务" in page and "Restore service quickly" not in page


def test_reading_is_assigned_and_confirmed_through_the_pages(
    client_for, lead, manager, staff, approved_document
):
    document = approved_document(lead, manager)
    response = client_for(lead).post(
        reverse("documents:document-reading", args=[document.pk]),
        {"roles": ["staff"], "due_in_days": 7, "note": ""},
    )
    assert response.status_code == 303
    acknowledgement = Acknowledgement.objects.get(person=staff)
    my_list = client_for(staff).get(reverse("documents:my-reading")).content.decode()
    assert document.code in my_list
    response = client_for(staff).post(
        reverse("documents:acknowledge", args=[acknowledgement.pk]),
        {"version": acknowledgement.version},
    )
    assert response.status_code == 303
    acknowledgement.refresh_from_db()
    assert acknowledgement.acknowledged_at is not None
    page = client_for(lead).get(reverse("documents:document-reading", args=[document.pk]))
    assert "Read " in page.content.decode()


def test_a_template_generates_a_draft_and_a_taken_code_is_refused(client_for, lead, catalogue):
    url = reverse("documents:template-detail", args=["service-management-manual"])
    response = client_for(lead).post(url, {"code": "SMS-M-01", "owner": lead.pk})
    document = Document.objects.get()
    assert response.status_code == 303 and response["Location"] == document.get_absolute_url()
    page = client_for(lead).get(url).content.decode()
    assert 'value="SMS-M-01"' not in page  # the suggested code is taken: no default
    response = client_for(lead).post(url, {"code": "sms-m-01", "owner": lead.pk}, **HTMX)
    assert response.status_code == 422 and "already used" in response.content.decode()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.fixture
def grow(catalogue, lead, manager, staff, approved_document):
    """Add approved documents, each assigned to staff, until there are `n`."""

    def make(n: int) -> None:
        while Document.objects.count() < n:
            document = approved_document(lead, manager, clauses=[get_clause("8.6.1")])
            services.assign_reading(document, actor=lead, people=[staff])

    return make


@pytest.mark.parametrize(
    "url",
    [
        "documents:document-list",
        "documents:my-reading",
        "documents:mandatory",
        "documents:itil",
        "documents:template-list",
    ],
)
def test_lists_cost_the_same_queries_for_3_or_30_rows(url, grow, client_for, lead, staff):
    user = staff if url == "documents:my-reading" else lead
    grow(3)
    few = count_queries(client_for(user), reverse(url))
    grow(30)
    assert count_queries(client_for(user), reverse(url)) == few


@pytest.mark.parametrize(
    "url",
    ["/api/v1/documents/", "/api/v1/document-versions/", "/api/v1/document-acknowledgements/"],
)
def test_api_lists_cost_the_same_queries_for_3_or_30_rows(url, grow, api_client_for, lead):
    def count() -> int:
        with CaptureQueriesContext(connection) as context:
            assert api_client_for(lead).get(url).status_code == 200
        return len(context)

    grow(3)
    few = count()
    grow(30)
    assert count() == few
