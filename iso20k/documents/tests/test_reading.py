"""Read acknowledgement: assignment to people and roles, confirmation, restart, reminders."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import make_person
from iso20k.accounts.choices import Role
from iso20k.documents import services
from iso20k.documents.models import Acknowledgement
from iso20k.documents.querysets import outstanding_acknowledgements
from iso20k.notifications.models import OutgoingEmail

pytestmark = pytest.mark.django_db


def codes(exc: ValidationError) -> dict[str, list[str]]:
    return {field: [e.code for e in errors] for field, errors in exc.error_dict.items()}


@pytest.fixture
def procedure(approved_document, lead, manager):
    return approved_document(lead, manager)


def test_a_role_is_resolved_to_its_holders_when_assigned(procedure, lead, agent, staff):
    result = services.assign_reading(procedure, actor=lead, roles=[Role.AGENT, Role.STAFF])
    assert result.asked == 2 and result.already_asked == 0
    later = make_person("newagent", Role.AGENT)
    asked = Acknowledgement.objects.filter(document_version=procedure.current_version)
    assert set(asked.values_list("person__username", flat=True)) == {"agent", "staff"}
    assert not asked.filter(person=later).exists()
    emails = OutgoingEmail.objects.filter(template="document_read_requested")
    assert set(emails.values_list("recipient__username", flat=True)) == {"agent", "staff"}


def test_people_asked_twice_are_asked_once(procedure, lead, agent):
    services.assign_reading(procedure, actor=lead, people=[agent])
    result = services.assign_reading(procedure, actor=lead, roles=[Role.AGENT])
    assert result.asked == 0 and result.already_asked == 1
    assert Acknowledgement.objects.filter(person=agent).count() == 1


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({}, {"people": ["audience_required"]}),
        ({"roles": [Role.CUSTOMER]}, {"roles": ["role_not_assignable"]}),
        ({"roles": [Role.STAFF], "due_in_days": 0}, {"due_in_days": ["due_in_days_invalid"]}),
    ],
)
def test_bad_assignments_are_refused(procedure, lead, staff, kwargs, expected):
    with pytest.raises(ValidationError) as exc:
        services.assign_reading(procedure, actor=lead, **kwargs)
    assert codes(exc.value) == expected
    assert not Acknowledgement.objects.exists()


def test_only_an_approved_version_is_assigned(lead, staff, make_document):
    with pytest.raises(ValidationError) as exc:
        services.assign_reading(make_document(lead), actor=lead, people=[staff])
    assert codes(exc.value) == {"people": ["no_approved_version"]}


def test_each_person_confirms_their_own_reading_once(procedure, lead, staff, agent):
    services.assign_reading(procedure, actor=lead, people=[staff])
    acknowledgement = Acknowledgement.objects.get(person=staff)
    with pytest.raises(PermissionDenied):
        services.acknowledge_reading(
            acknowledgement, actor=agent, expected_version=acknowledgement.version
        )
    acknowledgement = services.acknowledge_reading(
        acknowledgement, actor=staff, expected_version=acknowledgement.version
    )
    assert acknowledgement.acknowledged_at is not None
    with pytest.raises(ValidationError) as exc:
        services.acknowledge_reading(
            acknowledgement, actor=staff, expected_version=acknowledgement.version
        )
    assert codes(exc.value) == {"status": ["already_read"]}


def test_a_new_version_restarts_acknowledgement(procedure, lead, manager, staff, agent):
    services.assign_reading(procedure, actor=lead, people=[staff, agent])
    first = procedure.current_version
    done = Acknowledgement.objects.get(person=staff)
    services.acknowledge_reading(done, actor=staff, expected_version=done.version)
    pending = Acknowledgement.objects.get(person=agent)
    draft = services.start_revision(procedure, actor=lead)
    draft = services.update_version_draft(
        draft, actor=lead, expected_version=draft.version, change_summary="v2"
    )
    draft = services.submit_version(draft, actor=lead, expected_version=draft.version)
    second = services.approve_version(draft, actor=manager, expected_version=draft.version)
    asked = Acknowledgement.objects.filter(document_version=second)
    assert set(asked.values_list("person__username", flat=True)) == {"staff", "agent"}
    assert not asked.filter(acknowledged_at__isnull=False).exists()
    pending.refresh_from_db()
    assert pending.cancelled_at is not None
    assert Acknowledgement.objects.get(document_version=first, person=staff).acknowledged_at
    assert outstanding_acknowledgements().count() == 2
    with pytest.raises(ValidationError) as exc:
        services.acknowledge_reading(pending, actor=agent, expected_version=pending.version)
    assert codes(exc.value) == {"status": ["version_not_current"]}


def test_ending_an_assignment_lapses_requests_nobody_else_covers(procedure, lead, staff, agent):
    services.assign_reading(procedure, actor=lead, people=[staff])
    result = services.assign_reading(procedure, actor=lead, people=[staff, agent])
    second = result.assignments[0]
    services.end_assignment(second, actor=lead, expected_version=second.version)
    assert outstanding_acknowledgements().get().person == staff
    with pytest.raises(ValidationError) as exc:
        second.refresh_from_db()
        services.end_assignment(second, actor=lead, expected_version=second.version)
    assert codes(exc.value) == {"status": ["already_ended"]}


def test_late_readers_are_reminded_once_per_version_by_the_task(
    procedure, lead, staff, agent, run_tasks, django_capture_on_commit_callbacks, time_machine
):
    from iso20k.documents.tasks import remind_unread_documents

    services.assign_reading(procedure, actor=lead, people=[staff, agent], due_in_days=3)
    done = Acknowledgement.objects.get(person=agent)
    services.acknowledge_reading(done, actor=agent, expected_version=done.version)
    time_machine.move_to(timezone.now() + timedelta(days=5))
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            remind_unread_documents.enqueue()
        with django_capture_on_commit_callbacks(execute=True):
            run_tasks()
        run_tasks()
    reminders = OutgoingEmail.objects.filter(template="document_read_reminder")
    assert list(reminders.values_list("recipient__username", flat=True)) == ["staff"]
    assert reminders.get().status == "sent"


def test_requests_are_mailed_in_each_readers_language(
    procedure, lead, run_tasks, django_capture_on_commit_callbacks, mailoutbox
):
    english = make_person("reader-en", Role.STAFF, language="en")
    chinese = make_person("reader-zh", Role.STAFF, language="zh-hans")
    with django_capture_on_commit_callbacks(execute=True):
        services.assign_reading(procedure, actor=lead, people=[english, chinese])
    run_tasks()
    subjects = {message.to[0]: message.subject for message in mailoutbox}
    code = procedure.code
    assert subjects[english.email] == f"Please read {code} v1"
    assert subjects[chinese.email] == f"请阅读 {code} v1"
    body = next(m.body for m in mailoutbox if m.to == [chinese.email])
    assert "事件管理程序" in body and procedure.current_version.get_absolute_url() in body
