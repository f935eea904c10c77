"""Uploads are recognised by content; unsafe or mislabelled ones are refused; downloads are safe."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.core.exports import add_table, docx_bytes, new_document, workbook, xlsx_bytes
from iso20k.files import owners, services
from iso20k.files.choices import DOCUMENT_KINDS, EVIDENCE_KINDS
from iso20k.files.inspection import inspect_upload
from iso20k.files.models import StoredFile
from iso20k.history.models import ChangeRecord

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def real_docx() -> bytes:
    document = new_document("Test")
    document.add_paragraph("事件管理程序 Incident procedure")
    return docx_bytes(document)


def real_xlsx() -> bytes:
    from iso20k.core.exports import add_sheet

    book = workbook()
    add_sheet(book, "Gaps", ["Clause", "Gap"], [["8.6.1", "No major incident procedure"]])
    return xlsx_bytes(book)


def codes(exc: ValidationError) -> list[str]:
    return [e.code for e in exc.error_list]


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("evidence.pdf", PDF, "pdf"),
        ("screenshot.png", PNG, "png"),
        ("procedure.docx", None, "docx"),
        ("register.xlsx", None, "xlsx"),
        ("notes.txt", "中文笔记\n".encode(), "txt"),
        ("export.csv", "a,b\n1,2\n".encode("gb18030"), "csv"),
    ],
)
def test_real_files_are_recognised_by_their_content(name, content, kind):
    content = content or (real_docx() if kind == "docx" else real_xlsx())
    assert inspect_upload(upload(name, content), allowed=EVIDENCE_KINDS).kind == kind


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("report.pdf", PNG, "file_type_mismatch"),
        ("photo.png", PDF, "file_type_mismatch"),
        ("report.docx", b"PK\x03\x04" + b"garbage", "file_corrupt"),
        ("program.exe", b"MZ\x90\x00" + b"\x00" * 100 + b"\xff\xfe", "file_type_unknown"),
        ("empty.pdf", b"", "file_empty"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content, code):
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload(name, content), allowed=EVIDENCE_KINDS)
    assert codes(exc.value) == [code]


def test_a_kind_not_accepted_here_is_refused_with_what_is_accepted():
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload("a.png", PNG), allowed=DOCUMENT_KINDS)
    assert codes(exc.value) == ["file_type_not_allowed"]
    assert "PDF" in exc.value.messages[0]


def test_an_oversized_file_is_refused_with_both_sizes(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload("big.pdf", PDF + b"x" * 2000), allowed=EVIDENCE_KINDS)
    assert codes(exc.value) == ["file_too_large"]
    assert "1.0\xa0KB" in exc.value.messages[0]


@pytest.mark.parametrize("name", ["bomb.docx", "bomb.xlsx"])
def test_a_zip_bomb_disguised_as_an_office_file_is_refused(name):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"0" * (50 * 1024 * 1024))
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload(name, buffer.getvalue()), allowed=EVIDENCE_KINDS)
    assert codes(exc.value) == ["file_archive_unsafe"]


def test_macro_enabled_office_files_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<doc/>")
        archive.writestr("word/vbaProject.bin", b"\x00macro")
    with pytest.raises(ValidationError) as exc:
        inspect_upload(upload("sneaky.docx", buffer.getvalue()), allowed=EVIDENCE_KINDS)
    assert codes(exc.value) == ["file_has_macros"]


@pytest.fixture
def owned_by_users():
    owners.register("accounts.user", lambda user, owner_id: str(user.pk) == owner_id)
    yield
    owners._checks.pop("accounts.user", None)


@pytest.mark.django_db
def test_a_stored_file_is_served_only_to_who_may_see_its_owner(
    owned_by_users, client_for, staff, agent, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    stored = services.store_upload(
        upload("证书.pdf", PDF),
        actor=staff,
        owner=staff,
        purpose="certificate",
        allowed=EVIDENCE_KINDS,
    )
    assert ChangeRecord.objects.for_object(stored).get().data["sha256"] == stored.sha256
    assert stored.file.name.endswith(stored.id.hex) and "证书" not in stored.file.name
    response = client_for(staff).get(stored.get_absolute_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''%E8%AF%81%E4%B9%A6.pdf" in response["Content-Disposition"]
    assert "sandbox" in response["Content-Security-Policy"]
    inline = client_for(staff).get(stored.get_absolute_url() + "?inline=1")
    assert inline["Content-Disposition"].startswith("inline;")
    assert client_for(agent).get(stored.get_absolute_url()).status_code == 404


@pytest.mark.django_db
def test_a_refused_upload_stores_nothing(owned_by_users, staff, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with pytest.raises(ValidationError) as exc:
        services.store_upload(
            upload("fake.pdf", PNG), actor=staff, owner=staff, purpose="x", allowed=EVIDENCE_KINDS
        )
    assert list(exc.value.error_dict) == ["file"]
    assert not StoredFile.objects.exists()
    assert not any(tmp_path.rglob("*"))


def test_exports_neutralise_formulas_and_open_in_libreoffice(tmp_path):
    from openpyxl import load_workbook

    from iso20k.core.exports import add_sheet
    from iso20k.core.testing.office import convert

    book = workbook()
    add_sheet(book, "Report", ["Name", "Note"], [['=HYPERLINK("x")', "+1"], ["安全", "@cmd"]])
    path = tmp_path / "report.xlsx"
    path.write_bytes(xlsx_bytes(book))
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[2]] == ['\'=HYPERLINK("x")', "'+1"]
    assert sheet[3][1].value == "'@cmd"
    assert convert(path, "pdf").exists()
    document = new_document("表")
    add_table(document, ["条款", "差距"], [["8.6.1", "缺少重大事件程序"]])
    docx_path = tmp_path / "report.docx"
    docx_path.write_bytes(docx_bytes(document))
    assert convert(docx_path, "pdf").exists()
