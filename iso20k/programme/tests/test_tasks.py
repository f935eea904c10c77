"""Tasks: rules, status transitions, owner notifications, and reminders sent exactly once."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.notifications.models import OutgoingEmail
from iso20k.programme import services
from iso20k.programme.models import Task

from .factories import ProgrammeFactory

pytestmark = pytest.mark.django_db
D = datetime.date


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


def make(programme, actor, **fields):
    data = {"title": "Write the incident procedure", "owner": actor, "due_on": D(2025, 3, 1)}
    data.update(fields)
    return services.create_task(programme, actor=actor, **data)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"starts_on": D(2025, 4, 1)}, {"due_on": ["end_before_start"]}),
        ({"clause": "8.99"}, {"clause": ["unknown_clause"]}),
        ({"clause": "iso20000-1:2018:12"}, {"clause": ["unknown_clause"]}),
        ({"title": "  "}, {"title": ["title_required"]}),
        ({"due_on": None}, {"due_on": ["due_required"]}),
        ({"priority": "urgent!!"}, {"priority": ["invalid_choice"]}),
    ],
)
def test_bad_tasks_are_refused_on_the_field(programme, lead, catalogue, fields, expected):
    with pytest.raises(ValidationError) as exc:
        make(programme, lead, **fields)
    assert codes(exc.value) == expected
    assert not Task.objects.exists()


def test_a_task_links_a_clause_by_number_or_stable_id(programme, lead, catalogue):
    by_number = make(programme, lead, clause="8.6.1")
    by_id = make(programme, lead, clause="iso20000-1:2018:8.5.1")
    assert (by_number.clause.number, by_id.clause.number) == ("8.6.1", "8.5.1")


def test_owners_must_be_insiders_and_milestones_of_the_same_programme(
    programme, lead, customer, manager
):
    with pytest.raises(ValidationError) as exc:
        make(programme, lead, owner=customer)
    assert codes(exc.value) == {"owner": ["not_internal"]}
    other = ProgrammeFactory(sponsor=manager, lead=lead)
    from .factories import MilestoneFactory

    foreign = MilestoneFactory(programme=other)
    with pytest.raises(ValidationError) as exc:
        make(programme, lead, milestone=foreign)
    assert codes(exc.value) == {"milestone": ["milestone_of_another_programme"]}


def test_statuses_move_along_allowed_paths(programme, lead):
    task = make(programme, lead)
    with pytest.raises(ValidationError) as exc:
        services.change_task_status(task, actor=lead, expected_version=1, status="blocked")
    assert codes(exc.value) == {"note": ["note_required"]}
    task = services.change_task_status(task, actor=lead, expected_version=1, status="done")
    assert task.completed_at is not None
    with pytest.raises(ValidationError) as exc:
        services.change_task_status(task, actor=lead, expected_version=2, status="cancelled")
    assert codes(exc.value) == {"status": ["invalid_transition"]}
    task = services.change_task_status(task, actor=lead, expected_version=2, status="in_progress")
    assert task.completed_at is None
    events = list(
        ChangeRecord.objects.for_object(task).order_by("seq").values_list("event", flat=True)
    )
    assert events == [
        "programme.task.created",
        "programme.task.status_changed",
        "programme.task.status_changed",
    ]


def test_a_stale_status_change_is_refused(programme, lead):
    task = make(programme, lead)
    services.update_task(task, actor=lead, expected_version=1, title="Renamed")
    with pytest.raises(ConflictError):
        services.change_task_status(task, actor=lead, expected_version=1, status="done")
    assert Task.objects.get().status == "todo"


def test_the_owner_hears_about_a_task_someone_else_gave_them(
    programme, lead, agent, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make(programme, lead, owner=agent)
        make(programme, lead)  # the lead's own task: no mail to themselves
    run_tasks()
    assert [m.to for m in mail.outbox] == [[agent.email]]
    assert "Write the incident procedure" in mail.outbox[0].subject


def test_reminders_go_before_and_after_the_due_date_once_each(
    programme, lead, agent, run_tasks, django_capture_on_commit_callbacks
):
    soon = make(programme, lead, owner=agent, due_on=D(2025, 3, 10), title="Soon")
    late = make(programme, lead, owner=agent, due_on=D(2025, 3, 1), title="Late")
    make(programme, lead, owner=agent, due_on=D(2025, 6, 1), title="Later")
    done = make(programme, lead, owner=agent, due_on=D(2025, 3, 2), title="Done already")
    services.change_task_status(done, actor=lead, expected_version=1, status="done")
    for _ in range(3):
        run = services.send_task_reminders(today=D(2025, 3, 8))
    assert (run.due_soon, run.overdue) == (0, 0)
    keys = set(OutgoingEmail.objects.exclude(dedupe_key=None).values_list("dedupe_key", flat=True))
    assert keys == {
        f"programme.task.{soon.pk}.due-soon.2025-03-10",
        f"programme.task.{late.pk}.overdue.2025-03-01",
    }
    soon = services.update_task(soon, actor=lead, expected_version=1, due_on=D(2025, 3, 9))
    first = services.send_task_reminders(today=D(2025, 3, 8))
    assert (first.due_soon, first.overdue) == (1, 0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        OutgoingEmail.objects.filter(dedupe_key__isnull=False).update(status="queued")
    from iso20k.notifications.services import send_email

    for email in OutgoingEmail.objects.filter(dedupe_key__isnull=False):
        send_email(email.pk)
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects == [
        "[iso20k] Overdue task: Late",
        "[iso20k] Task due on 2025-03-09: Soon",
        "[iso20k] Task due on 2025-03-10: Soon",
    ]


def test_the_worker_task_sends_reminders(programme, lead, agent, run_tasks):
    from django.utils import timezone

    from iso20k.core import scheduling
    from iso20k.programme import tasks

    assert any(job.task is tasks.send_task_reminders for job in scheduling.registered())
    make(programme, lead, owner=agent, due_on=timezone.localdate() + datetime.timedelta(days=1))
    tasks.send_task_reminders.enqueue()
    run_tasks()
    run_tasks()
    assert OutgoingEmail.objects.filter(template="programme_task_due_soon").count() == 1
