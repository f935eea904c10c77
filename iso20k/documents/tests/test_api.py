"""The REST API: ETag and If-Match, the workflow as actions, uploads, reading, templates."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.documents.models import Acknowledgement, Document

pytestmark = pytest.mark.django_db


def create(client, owner, **overrides):
    payload = {
        "code": "SMS-P-8.6.1",
        "tier": "l2",
        "title_en": "Incident management procedure",
        "title_zh_hans": "事件管理程序",
        "owner": owner.pk,
        "clauses": ["8.6.1"],
        "required_information": ["major-incident-procedure"],
    }
    payload.update(overrides)
    return client.post("/api/v1/documents/", payload, format="json")


def test_documents_are_created_and_edited_with_if_match(api_client_for, lead, catalogue):
    client = api_client_for(lead)
    response = create(client, lead)
    assert response.status_code == 201 and response["ETag"] == '"1"'
    body = response.json()
    assert body["clauses"] == ["8.6.1"] and body["status"] == "draft"
    url = f"/api/v1/documents/{body['id']}/"
    assert client.patch(url, {"title_en": "x"}, format="json").status_code == 428
    stale = client.patch(url, {"title_en": "x"}, format="json", HTTP_IF_MATCH='"9"')
    assert stale.status_code == 412 and stale.json()["code"] == "version_conflict"
    ok = client.patch(url, {"review_interval_months": 6}, format="json", HTTP_IF_MATCH='"1"')
    assert ok.status_code == 200 and ok.json()["review_interval_months"] == 6
    bad = client.patch(url, {"review_interval_months": 0}, format="json", HTTP_IF_MATCH='"2"')
    assert bad.status_code == 400
    assert bad.json()["review_interval_months"][0]["code"] == "review_interval_too_short"
    history = client.get(f"{url}history/").json()
    assert [r["event"] for r in history][:2] == [
        "documents.document.updated",
        "documents.document.created",
    ]


def test_a_duplicate_code_answers_400_with_its_code(api_client_for, lead, catalogue):
    client = api_client_for(lead)
    create(client, lead)
    response = create(client, lead, code="sms-p-8.6.1")
    assert response.status_code == 400 and response.json()["code"][0]["code"] == "duplicate_code"
    assert Document.objects.count() == 1


def test_the_workflow_runs_through_actions(api_client_for, lead, manager, staff, catalogue):
    author, approver = api_client_for(lead), api_client_for(manager)
    document = create(author, lead).json()
    version = author.get(f"/api/v1/document-versions/?document={document['id']}").json()
    version = version["results"][0]
    url = f"/api/v1/document-versions/{version['id']}/"
    etag = f'"{version["version"]}"'
    response = author.patch(
        url,
        {"body_en": "# Purpose", "approvers": [manager.pk]},
        format="json",
        HTTP_IF_MATCH=etag,
    )
    assert response.status_code == 200
    early = approver.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=response["ETag"])
    assert early.status_code == 400 and early.json()["status"][0]["code"] == "not_in_review"
    response = author.post(f"{url}submit/", HTTP_IF_MATCH=response["ETag"])
    assert response.status_code == 200 and response.json()["status"] == "in_review"
    own = author.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=response["ETag"])
    assert own.status_code == 403
    response = approver.post(f"{url}approve/", {}, format="json", HTTP_IF_MATCH=response["ETag"])
    assert response.status_code == 200 and response.json()["status"] == "approved"
    assign = author.post(
        f"/api/v1/documents/{document['id']}/assign-reading/",
        {"people": [staff.pk]},
        format="json",
    )
    assert assign.status_code == 201 and assign.json()["asked"] == 1
    reader = api_client_for(staff)
    request = reader.get("/api/v1/document-acknowledgements/").json()["results"][0]
    ack_url = f"/api/v1/document-acknowledgements/{request['id']}/acknowledge/"
    assert author.post(ack_url, HTTP_IF_MATCH='"1"').status_code == 403
    done = reader.post(ack_url, HTTP_IF_MATCH='"1"')
    assert done.status_code == 200 and done.json()["acknowledged_at"]
    export = reader.get(f"{url}export/?lang=zh-hans")
    assert export.status_code == 200 and export["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )


def test_an_upload_is_checked_by_content(api_client_for, lead, media, catalogue):
    client = api_client_for(lead)
    document = create(client, lead).json()
    version = Document.objects.get(pk=document["id"]).versions.get()
    url = f"/api/v1/document-versions/{version.pk}/upload/"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", b"0" * (50 * 1024 * 1024))
    bomb = SimpleUploadedFile("register.xlsx", buffer.getvalue())
    response = client.post(url, {"file": bomb}, format="multipart", HTTP_IF_MATCH='"1"')
    assert response.status_code == 400
    assert response.json()["file"][0]["code"] == "file_archive_unsafe"
    pdf = SimpleUploadedFile("procedure.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.post(url, {"file": pdf}, format="multipart", HTTP_IF_MATCH='"1"')
    assert response.status_code == 200 and response.json()["file"]["kind"] == "pdf"


def test_templates_are_listed_and_generate_drafts(api_client_for, lead, catalogue):
    client = api_client_for(lead)
    templates = client.get("/api/v1/document-templates/").json()
    assert len(templates) >= 60 and {"code", "tier", "covers"} <= set(templates[0])
    url = "/api/v1/document-templates/service-management-policy/generate/"
    response = client.post(url, {}, format="json")
    assert response.status_code == 201 and response.json()["code"] == "SMS-L1-02"
    again = client.post(url, {}, format="json")
    assert again.status_code == 400 and again.json()["code"][0]["code"] == "duplicate_code"
    assert client.get("/api/v1/document-templates/nope/").status_code == 404
    assert Acknowledgement.objects.count() == 0
