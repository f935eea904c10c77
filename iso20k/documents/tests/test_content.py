"""Content of a version: uploads checked by content, shown safely, exported to Word."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.core.exports import add_sheet, docx_bytes, new_document, workbook, xlsx_bytes
from iso20k.documents import services
from iso20k.documents.docx_writer import version_docx
from iso20k.documents.rendering import file_html, markdown_html
from iso20k.files.models import StoredFile
from iso20k.history.models import ChangeRecord

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def docx_upload(name="procedure.docx") -> SimpleUploadedFile:
    document = new_document("Procedure")
    document.add_heading("事件升级 Escalation", level=1)
    document.add_paragraph("Call the duty manager <script>alert(1)</script> at once.")
    document.add_paragraph("First step", style="List Bullet")
    return SimpleUploadedFile(name, docx_bytes(document))


def xlsx_upload() -> SimpleUploadedFile:
    book = workbook()
    add_sheet(book, "Matrix", ["Name", "Course"], [["陈静", "ITIL 4 <b>Foundation</b>"]])
    return SimpleUploadedFile("matrix.xlsx", xlsx_bytes(book))


def zip_bomb(name: str) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    member = "word/document.xml" if name.endswith(".docx") else "xl/workbook.xml"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(member, b"0" * (50 * 1024 * 1024))
    return SimpleUploadedFile(name, buffer.getvalue())


def with_macros() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<doc/>")
        archive.writestr("word/vbaProject.bin", b"\x00macro")
    return SimpleUploadedFile("macro.docx", buffer.getvalue())


def attach(version, actor, upload):
    return services.update_version_draft(
        version, actor=actor, expected_version=version.version, upload=upload
    )


def test_an_uploaded_word_file_is_shown_escaped_and_searchable(media, lead, make_document):
    version = attach(make_document(lead).versions.get(), lead, docx_upload())
    assert version.file.kind == "docx" and version.file.owner_id == str(version.pk)
    html = str(file_html(version.file))
    assert "<h2>事件升级 Escalation</h2>" in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "<li>First step</li>" in html
    assert "call the duty manager" in version.search_text
    record = ChangeRecord.objects.for_object(version).get(
        event="documents.documentversion.file_attached"
    )
    assert record.data["file"] == "procedure.docx" and record.data["sha256"] == version.file.sha256


def test_an_uploaded_workbook_is_shown_as_tables(media, lead, make_document):
    version = attach(make_document(lead).versions.get(), lead, xlsx_upload())
    html = str(file_html(version.file))
    assert "<h3" in html and "Matrix" in html and "<td>陈静</td>" in html
    assert "&lt;b&gt;Foundation&lt;/b&gt;" in html


def test_a_pdf_opens_in_the_browser_instead(media, lead, make_document, client_for):
    version = attach(make_document(lead).versions.get(), lead, SimpleUploadedFile("p.pdf", PDF))
    assert file_html(version.file) is None
    page = client_for(lead).get(version.get_absolute_url()).content.decode()
    assert f"{version.file.get_absolute_url()}?inline=1" in page


@pytest.mark.parametrize(
    ("upload", "code"),
    [
        (SimpleUploadedFile("procedure.docx", PNG), "file_type_mismatch"),
        (SimpleUploadedFile("procedure.pdf", docx_bytes(new_document("x"))), "file_type_mismatch"),
        (SimpleUploadedFile("image.png", PNG), "file_type_not_allowed"),
        (zip_bomb("bomb.docx"), "file_archive_unsafe"),
        (zip_bomb("bomb.xlsx"), "file_archive_unsafe"),
        (with_macros(), "file_has_macros"),
    ],
    ids=["png-as-docx", "docx-as-pdf", "png", "bomb-docx", "bomb-xlsx", "macros"],
)
def test_unsafe_or_mislabelled_files_are_refused_and_nothing_changes(
    media, lead, make_document, upload, code
):
    version = make_document(lead).versions.get()
    with pytest.raises(ValidationError) as exc:
        services.update_version_draft(
            version,
            actor=lead,
            expected_version=version.version,
            upload=upload,
            change_summary="with a file",
        )
    assert [e.code for e in exc.value.error_dict["file"]] == [code]
    version.refresh_from_db()
    assert version.file is None and version.change_summary != "with a file"
    assert not StoredFile.objects.exists() and not any(media.rglob("*"))


def test_a_file_can_be_removed_from_a_draft(media, lead, make_document):
    version = attach(make_document(lead).versions.get(), lead, docx_upload())
    version = services.update_version_draft(
        version, actor=lead, expected_version=version.version, remove_file=True
    )
    assert version.file is None


def test_a_drafts_file_is_not_served_to_staff_but_an_approved_one_is(
    media, lead, manager, staff, make_document, send_for_review, client_for
):
    document = make_document(lead)
    version = attach(document.versions.get(), lead, docx_upload())
    url = version.file.get_absolute_url()
    assert client_for(staff).get(url).status_code == 404
    assert client_for(lead).get(url).status_code == 200
    version = send_for_review(document, lead, approvers=[manager])
    services.approve_version(version, actor=manager, expected_version=version.version)
    response = client_for(staff).get(url)
    assert response.status_code == 200 and response["X-Content-Type-Options"] == "nosniff"


def test_markdown_bodies_are_sanitised():
    html = str(
        markdown_html(
            "# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) "
            '<img src=x onerror="alert(1)">\n\n| a | b |\n|---|---|\n| 1 | 2 |'
        )
    )
    assert "<h2>Title</h2>" in html and "<h1>" not in html and "<table>" in html
    assert "<script" not in html and "javascript:" not in html
    assert "onerror" not in html and "<img" not in html


BODY = """# 1 Purpose
Restore **service** quickly, see *SMS-P-8.6.3*.

1. Record
2. Classify
    - by service
    - by category

| Priority | Target |
|---|---|
| P1 | 4 h |

Next list:

1. Again one
2. Again two
"""


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_word_export_opens_in_libreoffice(lead, manager, make_document, tmp_path, language):
    from docx import Document as WordDocument

    from iso20k.core.testing.office import convert

    document = make_document(lead, body_en=BODY, body_zh_hans=BODY.replace("Purpose", "目的"))
    version = document.versions.get()
    content = version_docx(version, language)
    path = tmp_path / f"export-{language}.docx"
    path.write_bytes(content)
    assert convert(path, "pdf").stat().st_size > 1000
    word = WordDocument(path)
    texts = [p.text for p in word.paragraphs]
    assert ("1 目的" if language == "zh-hans" else "1 Purpose") in texts
    numbered = [p for p in word.paragraphs if p.style.name == "List Number"]
    assert [p.text for p in numbered] == ["Record", "Classify", "Again one", "Again two"]
    ids = {p._p.pPr.numPr.numId.val for p in numbered}
    assert len(ids) == 2  # each list restarts its numbering
    assert any(p.style.name == "List Bullet 2" for p in word.paragraphs)
    assert any("P1" in cell.text for table in word.tables for cell in table._cells)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_generated_manual_exports_to_word_that_libreoffice_opens(
    catalogue, lead, tmp_path, language
):
    from docx import Document as WordDocument

    from iso20k.core.testing.office import convert
    from iso20k.organisations.tests.factories import OrganisationFactory

    OrganisationFactory(name_en="Acme Cloud Ltd.", name_zh_hans="艾克米云有限公司")
    document = services.generate_document("service-management-manual", actor=lead)
    path = tmp_path / "manual.docx"
    path.write_bytes(version_docx(document.versions.get(), language))
    assert convert(path, "pdf").stat().st_size > 5000
    word = WordDocument(path)
    text = "\n".join(p.text for p in word.paragraphs)
    assert ("艾克米云有限公司" if language == "zh-hans" else "Acme Cloud Ltd.") in text
    assert len(word.tables) >= 6  # control block, interested parties, roles, processes, tiers…
    assert word.sections[0].footer.paragraphs[0].text.startswith("SMS-M-01 v1")
