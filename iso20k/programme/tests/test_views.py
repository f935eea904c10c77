"""The programme pages: permission matrix over every persona, flows, conflicts, query counts."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PERSONAS
from iso20k.programme import services
from iso20k.programme.models import BudgetLine, Task

pytestmark = pytest.mark.django_db

INTERNAL = {"admin", "manager", "lead", "process_owner", "agent", "internal_auditor", "staff"}
EDITORS = {"admin", "lead"}
MONEY = {"admin", "lead", "manager"}


def expected(name: str, allowed: set[str], readers: set[str] = INTERNAL) -> int:
    if name not in readers:
        return 404
    return 200 if name in allowed else 403


@pytest.fixture
def plan(programme, lead, catalogue):
    line = services.add_budget_line(
        programme, actor=lead, category="training", description_en="Course", planned_amount=100
    )
    task = services.create_task(
        programme,
        actor=lead,
        title="Gap analysis",
        owner=lead,
        due_on=datetime.date(2025, 3, 1),
        clause="8.6.1",
        milestone=programme.milestones.get(stage="learn"),
    )
    member = programme.team.get(role="project_lead")
    return {"line": line, "task": task, "member": member, "milestone": task.milestone}


@pytest.mark.parametrize("persona", PERSONAS, indirect=True)
def test_programme_pages_by_persona(persona, client_for, programme, plan, request):
    name = request.node.callspec.params["persona"]
    client = client_for(persona)
    pk = programme.pk
    reads = [
        reverse("programme:programme-list"),
        reverse("programme:programme-detail", args=[pk]),
        reverse("programme:task-list", args=[pk]),
        reverse("programme:task-board", args=[pk]),
        reverse("programme:timeline", args=[pk]),
        reverse("programme:team", args=[pk]),
        reverse("programme:raci", args=[pk]),
        reverse("programme:my-tasks"),
        plan["task"].get_absolute_url(),
        plan["milestone"].get_absolute_url(),
        plan["member"].get_absolute_url(),
        reverse("programme:plan-export", args=[pk, "docx"]),
    ]
    for url in reads:
        assert client.get(url).status_code == expected(name, INTERNAL), url
    money = [reverse("programme:budget", args=[pk])]
    for url in money:
        assert client.get(url).status_code == expected(name, MONEY), url
    line_status = client.get(plan["line"].get_absolute_url()).status_code
    assert line_status == (200 if name in MONEY else 404)
    edits = [
        reverse("programme:programme-create"),
        reverse("programme:programme-edit", args=[pk]),
        reverse("programme:milestone-create", args=[pk]),
        reverse("programme:milestone-edit", args=[plan["milestone"].pk]),
        reverse("programme:budgetline-create", args=[pk]),
        reverse("programme:member-create", args=[pk]),
        reverse("programme:member-edit", args=[plan["member"].pk]),
        reverse("programme:raci-edit", args=[pk, "8.6.1"]),
        reverse("programme:task-create", args=[pk]),
        reverse("programme:task-edit", args=[plan["task"].pk]),
        reverse("programme:task-status", args=[plan["task"].pk]),
        reverse("programme:programme-cancel", args=[pk]),
    ]
    for url in edits:
        assert client.get(url).status_code == expected(name, EDITORS), url
    assert client.get(reverse("programme:budgetline-edit", args=[plan["line"].pk])).status_code == (
        200 if name in EDITORS else 403 if name in MONEY else 404
    )
    approve = reverse("programme:programme-approve", args=[pk])
    assert client.get(approve).status_code == expected(name, {"manager"})


def test_the_owner_of_a_task_may_move_it_but_not_edit_it(client_for, programme, lead, agent):
    task = services.create_task(
        programme, actor=lead, title="Desk records", owner=agent, due_on=datetime.date(2025, 3, 1)
    )
    client = client_for(agent)
    assert client.get(reverse("programme:task-edit", args=[task.pk])).status_code == 403
    response = client.post(
        reverse("programme:task-status", args=[task.pk]), {"version": 1, "status": "in_progress"}
    )
    assert response.status_code == 303
    assert Task.objects.get().status == "in_progress"


def test_the_lead_creates_a_programme_through_the_page(client_for, lead, manager, catalogue):
    response = client_for(lead).post(
        reverse("programme:programme-create"),
        {
            "kind": "initial",
            "title_zh_hans": "认证项目",
            "purposes": ["service_quality", "market_competitiveness"],
            "starts_on": "2025-01-06",
            "target_on": "2025-12-01",
            "sponsor": manager.pk,
            "lead": lead.pk,
            "currency": "CNY",
        },
    )
    assert response.status_code == 303
    page = client_for(lead).get(response["Location"]).content.decode()
    assert 'id="milestones"' in page and "认证项目" in page


def test_a_target_before_the_start_is_refused_on_the_field(client_for, lead, manager):
    response = client_for(lead).post(
        reverse("programme:programme-create"),
        {
            "kind": "initial",
            "title_en": "X",
            "starts_on": "2025-06-01",
            "target_on": "2025-01-01",
            "sponsor": manager.pk,
            "lead": lead.pk,
            "currency": "CNY",
        },
        headers={"accept-language": "zh-hans"},
    )
    assert response.status_code == 422
    content = response.content.decode()
    assert 'id="field-target_on"' in content
    field = content.split('id="field-target_on"')[1].split('id="field-')[0]
    assert "invalid-feedback" in field
    assert "The target certification date" not in field  # in the user's language


@pytest.mark.parametrize(
    ("amount", "needle"),
    [("-5", "cannot be negative"), ("lots", "Enter a number")],
)
def test_bad_budget_input_is_refused_on_the_field(client_for, programme, lead, amount, needle):
    response = client_for(lead).post(
        reverse("programme:budgetline-create", args=[programme.pk]),
        {"category": "training", "description_en": "Course", "planned_amount": amount},
    )
    assert response.status_code == 422
    field = response.content.decode().split('id="field-planned_amount"')[1]
    assert needle in field.split('id="field-')[0]
    assert not BudgetLine.objects.exists()


def test_a_stale_task_edit_keeps_the_input_and_shows_a_banner(client_for, programme, lead):
    task = services.create_task(
        programme, actor=lead, title="Old", owner=lead, due_on=datetime.date(2025, 3, 1)
    )
    services.update_task(task, actor=lead, expected_version=1, title="Changed meanwhile")
    response = client_for(lead).post(
        reverse("programme:task-edit", args=[task.pk]),
        {
            "version": 1,
            "title": "Mine",
            "owner": lead.pk,
            "priority": "high",
            "due_on": "2025-03-01",
        },
    )
    assert response.status_code == 409
    content = response.content.decode()
    assert 'id="conflict"' in content and 'value="Mine"' in content
    assert Task.objects.get().title == "Changed meanwhile"


def test_a_clause_that_does_not_exist_is_refused(client_for, programme, lead, catalogue):
    response = client_for(lead).post(
        reverse("programme:task-create", args=[programme.pk]),
        {
            "title": "x",
            "owner": lead.pk,
            "priority": "high",
            "due_on": "2025-03-01",
            "clause": "42.1",
        },
    )
    assert response.status_code == 422
    assert "invalid-feedback" in response.content.decode().split('id="field-clause"')[1]


def test_the_raci_is_set_through_the_page(client_for, programme, lead, catalogue):
    lead_member = programme.team.get(role="project_lead")
    sponsor = programme.team.get(role="sponsor")
    url = reverse("programme:raci-edit", args=[programme.pk, "8.6.1"])
    bad = client_for(lead).post(url, {f"member_{lead_member.pk}": "R"})
    assert bad.status_code == 422 and "exactly one Accountable" in bad.content.decode()
    ok = client_for(lead).post(url, {f"member_{lead_member.pk}": "R", f"member_{sponsor.pk}": "A"})
    assert ok.status_code == 303
    page = client_for(lead).get(reverse("programme:raci", args=[programme.pk])).content.decode()
    assert 'class="badge raci-A"' in page


def test_timeline_and_board_show_overdue_work(client_for, programme, lead, plan):
    page = client_for(lead).get(reverse("programme:timeline", args=[programme.pk]))
    content = page.content.decode()
    assert "gantt-bar task overdue" in content and "Gap analysis" in content
    board = client_for(lead).get(reverse("programme:task-board", args=[programme.pk]))
    assert "task-overdue" in board.content.decode()


def test_the_approval_is_named_on_the_page(client_for, programme, lead, manager):
    from iso20k.organisations import services as organisations
    from iso20k.organisations.tests.factories import OrganisationFactory, SiteFactory

    organisation = OrganisationFactory()
    draft = organisations.start_scope_draft(organisation, actor=lead)
    draft = organisations.update_scope_draft(
        draft, actor=lead, expected_version=1, statement_en="x", sites=[SiteFactory()]
    )
    programme = services.update_programme(
        programme, actor=lead, expected_version=1, scope_statement=draft
    )
    client_for(lead).post(
        reverse("programme:programme-submit", args=[programme.pk]), {"version": 2}
    )
    response = client_for(manager).post(
        reverse("programme:programme-approve", args=[programme.pk]), {"version": 3, "note": "OK"}
    )
    assert response.status_code == 303
    page = client_for(lead).get(programme.get_absolute_url()).content.decode()
    approval = page.split('id="approval"')[1].split("</dd>")[0]
    assert "Approved by Manager" in approval
    assert "Programme approved" in page


def _same_queries(client, url, grow):
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    grow()
    with CaptureQueriesContext(connection) as large:
        response = client.get(url)
    assert response.status_code == 200
    return len(small.captured_queries), len(large.captured_queries)


def test_list_pages_cost_the_same_queries_for_3_or_30_rows(client_for, programme, lead, catalogue):
    from .factories import BudgetLineFactory, ProgrammeFactory, TaskFactory

    client = client_for(lead)
    milestone = programme.milestones.first()

    def tasks(n):
        for i in range(n):
            TaskFactory(programme=programme, owner=lead, milestone=milestone, title=f"t{n}-{i}")

    tasks(3)
    for name in ["programme:task-list", "programme:task-board", "programme:timeline"]:
        url = reverse(name, args=[programme.pk])
        small, large = _same_queries(client, url, lambda: tasks(9))
        assert small == large, name
    BudgetLineFactory.create_batch(3, programme=programme)
    small, large = _same_queries(
        client,
        reverse("programme:budget", args=[programme.pk]),
        lambda: BudgetLineFactory.create_batch(27, programme=programme),
    )
    assert small == large
    small, large = _same_queries(
        client,
        reverse("programme:programme-list"),
        lambda: ProgrammeFactory.create_batch(5, sponsor=lead, lead=lead),
    )
    assert small == large
    small, large = _same_queries(client, reverse("programme:my-tasks"), lambda: tasks(10))
    assert small == large


def test_moving_a_task_from_the_board_returns_to_the_board(client_for, programme, lead):
    task = services.create_task(
        programme, actor=lead, title="Board", owner=lead, due_on=datetime.date(2025, 3, 1)
    )
    board = reverse("programme:task-board", args=[programme.pk])
    page = client_for(lead).get(board).content.decode()
    assert f"/programme/tasks/{task.pk}/status/?status=in_progress" in page
    form = client_for(lead).get(
        reverse("programme:task-status", args=[task.pk]) + f"?status=in_progress&next={board}"
    )
    assert f'name="next" value="{board}"' in form.content.decode()
    moved = client_for(lead).post(
        reverse("programme:task-status", args=[task.pk]),
        {"version": 1, "status": "in_progress", "next": board},
    )
    assert moved["Location"] == board
    evil = client_for(lead).post(
        reverse("programme:task-status", args=[task.pk]),
        {"version": 2, "status": "done", "next": "https://evil.example/"},
    )
    assert evil["Location"] == task.get_absolute_url()
