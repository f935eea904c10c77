"""Training pages and API: permission matrix, staff see their own training, query counts."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS, make_person
from iso20k.training import services

pytestmark = pytest.mark.django_db
READERS = {
    "admin",
    "manager",
    "lead",
    "process_owner",
    "agent",
    "internal_auditor",
    "external_auditor",
    "staff",
}
ALL = {"admin", "manager", "lead", "internal_auditor", "external_auditor"}
MANAGERS = {"admin", "lead"}
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def expected(name, allowed, readers=READERS):
    if name not in readers:
        return 404
    return 200 if name in allowed else 403


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_training_pages_by_persona(persona, client_for, held_session, auditing, staff, request):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    staff_attendance = held_session.attendances.get(person=staff)
    for url in [
        reverse("training:overview"),
        reverse("training:my-training"),
        reverse("training:competence-list"),
        reverse("training:requirement-list"),
        held_session.get_absolute_url(),
        held_session.course.get_absolute_url(),
        auditing.get_absolute_url(),
    ]:
        assert client.get(url).status_code == expected(name, READERS), url
    assert client.get(reverse("training:matrix")).status_code == (200 if name in ALL else 404)
    mine = name in ALL or persona == staff
    assert client.get(staff_attendance.get_absolute_url()).status_code == (200 if mine else 404)
    for url in [
        reverse("training:course-create"),
        reverse("training:session-create"),
        reverse("training:competence-create"),
        reverse("training:record-create"),
        reverse("training:session-hold", args=[held_session.pk]),
        reverse("training:course-edit", args=[held_session.course.pk]),
    ]:
        assert client.get(url).status_code == expected(name, MANAGERS), url
    assert client.get(
        reverse("training:attendance-edit", args=[staff_attendance.pk])
    ).status_code == (200 if name in MANAGERS else 403 if mine else 404)


def test_staff_see_only_their_own_place_in_a_session(
    client_for, held_session, staff, internal_auditor
):
    page = client_for(staff).get(held_session.get_absolute_url()).content.decode()
    assert str(staff) in page.split('id="attendees"')[1]
    assert str(internal_auditor) not in page.split('id="attendees"')[1]


def test_recording_results_through_the_page(client_for, held_session, lead, internal_auditor):
    attendance = held_session.attendances.get(person=internal_auditor)
    client = client_for(lead)
    bad = client.post(
        reverse("training:attendance-edit", args=[attendance.pk]),
        {"version": 1, "status": "absent", "result": "passed"},
    )
    assert bad.status_code == 422
    assert "invalid-feedback" in bad.content.decode().split('id="field-result"')[1]
    ok = client.post(
        reverse("training:attendance-edit", args=[attendance.pk]),
        {"version": 1, "status": "attended", "result": "passed", "score": "90"},
    )
    assert ok.status_code == 303
    matrix = client.get(reverse("training:matrix")).content.decode()
    assert "cell-held" in matrix
    upload = client.post(
        reverse("training:attendance-certificate", args=[attendance.pk]),
        {"file": SimpleUploadedFile("certificate.pdf", PDF)},
    )
    assert upload.status_code == 303
    lying = client.post(
        reverse("training:attendance-certificate", args=[attendance.pk]),
        {"file": SimpleUploadedFile("certificate.jpg", PDF)},
    )
    assert lying.status_code == 422


def test_my_training_shows_what_my_role_lacks(client_for, lead, staff, auditing):
    services.require_competence(actor=lead, role="staff", competence=auditing)
    page = client_for(staff).get(reverse("training:my-training")).content.decode()
    assert "cell-missing" in page.split('id="my-requirements"')[1]


def test_the_matrix_costs_the_same_queries_for_3_or_30_people(client_for, lead, auditing):
    services.require_competence(actor=lead, role="staff", competence=auditing)
    client = client_for(lead)

    def people(n, prefix):
        for i in range(n):
            person = make_person(f"{prefix}{i}", "staff")
            services.record_competence(
                actor=lead,
                person=person,
                competence=auditing,
                achieved_on=datetime.date(2024, 1, 1),
                source="x",
            )

    people(3, "a")
    client.get(reverse("training:matrix"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("training:matrix"))
    people(27, "b")
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("training:matrix"))
    assert len(small.captured_queries) == len(large.captured_queries)


def test_overview_costs_the_same_queries_for_more_sessions(client_for, lead, auditor_course):
    client = client_for(lead)

    def sessions(n):
        for i in range(n):
            start = timezone.now() + datetime.timedelta(days=i + 1)
            services.schedule_session(
                auditor_course,
                actor=lead,
                starts_at=start,
                ends_at=start + datetime.timedelta(hours=1),
            )

    sessions(3)
    client.get(reverse("training:overview"))
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("training:overview"))
    sessions(7)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("training:overview"))
    assert len(small.captured_queries) == len(large.captured_queries)


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_training_api_by_persona(persona, api_client_for, held_session, staff, request):
    name = request.node.callspec.params["persona"]
    api = api_client_for(persona)
    for url in [
        "/api/v1/courses/",
        "/api/v1/training-sessions/",
        "/api/v1/competences/",
        "/api/v1/competence-requirements/",
        "/api/v1/attendances/",
        "/api/v1/competence-records/",
    ]:
        assert api.get(url).status_code == (200 if name in READERS else 403), url
    attendances = api.get("/api/v1/attendances/")
    if name in ALL:
        assert attendances.json()["count"] == 2
    elif name in READERS:
        assert attendances.json()["count"] == (1 if persona == staff else 0)
    assert api.post("/api/v1/courses/", {}, format="json").status_code == (
        400 if name in MANAGERS else 403
    )


def test_recording_through_the_api_needs_if_match(api_client_for, held_session, lead, staff):
    attendance = held_session.attendances.get(person=staff)
    url = f"/api/v1/attendances/{attendance.pk}/record/"
    api = api_client_for(lead)
    assert api.post(url, {"status": "attended"}, format="json").status_code == 428
    bad = api.post(
        url,
        {"status": "attended", "result": "passed", "score": 300},
        format="json",
        headers={"If-Match": '"1"'},
    )
    assert bad.json()["score"][0]["code"] == "score_out_of_range"
    ok = api.post(
        url, {"status": "attended", "result": "passed"}, format="json", headers={"If-Match": '"1"'}
    )
    assert ok.status_code == 200 and ok["ETag"] == '"2"'
    assert api.get(f"/api/v1/attendances/{attendance.pk}/history/").json()[0]["event"] == (
        "training.attendance.recorded"
    )


def test_a_stale_attendance_edit_shows_the_conflict(client_for, held_session, lead, staff):
    attendance = held_session.attendances.get(person=staff)
    services.record_attendance(attendance, actor=lead, expected_version=1, note="Changed")
    response = client_for(lead).post(
        reverse("training:attendance-edit", args=[attendance.pk]),
        {"version": 1, "status": "attended", "result": "passed", "note": "Mine"},
    )
    assert response.status_code == 409
    assert 'id="conflict"' in response.content.decode()
    attendance.refresh_from_db()
    assert attendance.note == "Changed" and attendance.status == "invited"


def test_training_lists_cost_the_same_queries_for_more_rows(
    client_for, api_client_for, lead, auditing
):
    def grow(n, prefix):
        for i in range(n):
            competence = services.create_competence(
                actor=lead, code=f"{prefix}-{i}", name_en=f"C {prefix}{i}"
            )
            course = services.create_course(
                actor=lead,
                kind="process",
                title_en=f"{prefix}{i}",
                duration_hours=1,
                competences=[competence, auditing],
            )
            start = timezone.now() - datetime.timedelta(days=2)
            session = services.schedule_session(
                course, actor=lead, starts_at=start, ends_at=start + datetime.timedelta(hours=1)
            )
            services.invite(session, actor=lead, people=[make_person(f"{prefix}p{i}", "staff")])

    grow(3, "a")
    api, client = api_client_for(lead), client_for(lead)
    urls = [
        "/api/v1/courses/",
        "/api/v1/competences/",
        "/api/v1/attendances/",
        "/api/v1/training-sessions/",
        "/api/v1/competence-records/",
    ]
    pages = [reverse("training:competence-list"), reverse("training:requirement-list")]
    small = {}
    for url in urls:
        api.get(url)
        with CaptureQueriesContext(connection) as queries:
            api.get(url)
        small[url] = len(queries.captured_queries)
    for url in pages:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        small[url] = len(queries.captured_queries)
    grow(9, "b")
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            api.get(url)
        assert len(queries.captured_queries) == small[url], url
    for url in pages:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries.captured_queries) == small[url], url
