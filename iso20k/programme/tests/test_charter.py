"""The programme charter: its rules, its approval by top management, its history."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.programme import services
from iso20k.programme.choices import ProgrammeStatus, Stage
from iso20k.programme.models import Programme

pytestmark = pytest.mark.django_db


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


def charter(lead, manager, **overrides):
    fields = {
        "title_en": "Certification",
        "purposes": ["service_quality"],
        "starts_on": datetime.date(2025, 1, 6),
        "target_on": datetime.date(2025, 12, 1),
        "sponsor": manager,
        "lead": lead,
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def organisation_scope(lead, manager):
    from iso20k.organisations import services as organisations
    from iso20k.organisations.tests.factories import OrganisationFactory, SiteFactory

    organisation = OrganisationFactory()
    site = SiteFactory(organisation=organisation)
    draft = organisations.start_scope_draft(organisation, actor=lead)
    return organisations.update_scope_draft(
        draft, actor=lead, expected_version=1, statement_en="Hosting", sites=[site]
    )


def test_a_new_programme_gets_seven_stage_milestones_and_its_founding_team(programme):
    stages = list(programme.milestones.values_list("stage", flat=True))
    assert stages == list(Stage.values)
    milestones = list(programme.milestones.all())
    assert milestones[0].planned_start_on == programme.starts_on
    assert milestones[5].planned_end_on == programme.target_on
    assert all(m.planned_end_on >= m.planned_start_on for m in milestones)
    assert milestones[6].planned_start_on == programme.target_on
    assert (milestones[0].title_en, bool(milestones[0].title_zh_hans)) == ("Commit and plan", True)
    roles = set(programme.team.values_list("role", flat=True))
    assert roles == {"sponsor", "project_lead"}
    events = set(ChangeRecord.objects.values_list("event", flat=True))
    assert {"programme.programme.created", "programme.milestone.added"} <= events


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"title_en": " ", "title_zh_hans": ""}, {"title_en": ["title_required"]}),
        ({"target_on": datetime.date(2024, 12, 1)}, {"target_on": ["end_before_start"]}),
        ({"purposes": ["world_peace"]}, {"purposes": ["unknown_purpose"]}),
        ({"currency": "XXX"}, {"currency": ["invalid_choice"]}),
    ],
)
def test_a_bad_charter_is_refused_on_its_field_and_nothing_is_saved(
    lead, manager, overrides, expected
):
    with pytest.raises(ValidationError) as exc:
        services.create_programme(actor=lead, **charter(lead, manager, **overrides))
    assert codes(exc.value) == expected
    assert not Programme.objects.exists()
    assert not ChangeRecord.objects.filter(event__startswith="programme.").exists()


def test_the_sponsor_must_be_top_management_and_the_lead_an_insider(lead, agent, customer):
    with pytest.raises(ValidationError) as exc:
        services.create_programme(actor=lead, **charter(lead, agent))
    assert codes(exc.value) == {"sponsor": ["sponsor_not_top_management"]}
    from conftest import make_person

    boss = make_person("boss", "top_management")
    with pytest.raises(ValidationError) as exc:
        services.create_programme(actor=lead, **charter(customer, boss))
    assert codes(exc.value) == {"lead": ["not_internal"]}


def test_submitting_needs_purposes_and_a_scope(programme, lead, organisation_scope):
    programme = services.update_programme(
        programme, actor=lead, expected_version=programme.version, purposes=[]
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_programme(programme, actor=lead, expected_version=programme.version)
    assert codes(exc.value) == {"purposes": ["purposes_required"]}
    programme = services.update_programme(
        programme, actor=lead, expected_version=programme.version, purposes=["tenders"]
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_programme(programme, actor=lead, expected_version=programme.version)
    assert codes(exc.value) == {"scope_statement": ["scope_required"]}
    programme = services.update_programme(
        programme,
        actor=lead,
        expected_version=programme.version,
        scope_statement=organisation_scope,
    )
    programme = services.submit_programme(programme, actor=lead, expected_version=programme.version)
    assert programme.status == ProgrammeStatus.SUBMITTED


@pytest.fixture
def submitted(programme, lead, organisation_scope):
    programme = services.update_programme(
        programme, actor=lead, expected_version=1, scope_statement=organisation_scope
    )
    return services.submit_programme(programme, actor=lead, expected_version=programme.version)


def test_top_management_approves_and_is_named(submitted, manager):
    programme = services.approve_programme(
        submitted, actor=manager, expected_version=submitted.version, note="Go ahead"
    )
    assert programme.status == ProgrammeStatus.APPROVED
    assert programme.decided_by == manager and programme.approved_at is not None
    record = ChangeRecord.objects.for_object(programme).order_by("-seq").first()
    assert (record.event, record.actor, record.data) == (
        "programme.programme.approved",
        manager,
        {"note": "Go ahead"},
    )


@pytest.mark.parametrize("who", ["lead", "admin", "agent"])
def test_nobody_else_can_approve(submitted, who, request):
    actor = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        services.approve_programme(submitted, actor=actor, expected_version=submitted.version)
    assert Programme.objects.get().status == ProgrammeStatus.SUBMITTED


def test_returning_needs_a_note(submitted, manager):
    with pytest.raises(ValidationError) as exc:
        services.reject_programme(
            submitted, actor=manager, expected_version=submitted.version, note=""
        )
    assert codes(exc.value) == {"note": ["note_required"]}
    programme = services.reject_programme(
        submitted, actor=manager, expected_version=submitted.version, note="Cut the budget"
    )
    assert programme.status == ProgrammeStatus.DRAFT and programme.decision_note


def test_an_approved_charter_is_locked_until_reopened(submitted, manager, lead):
    programme = services.approve_programme(
        submitted, actor=manager, expected_version=submitted.version
    )
    with pytest.raises(ValidationError) as exc:
        services.update_programme(
            programme, actor=lead, expected_version=programme.version, title_en="Other"
        )
    assert codes(exc.value) == {"status": ["wrong_status"]}
    programme = services.reopen_programme(
        programme, actor=lead, expected_version=programme.version, note="New target date"
    )
    assert programme.status == ProgrammeStatus.DRAFT and programme.approved_at is None
    events = list(
        ChangeRecord.objects.for_object(programme).order_by("seq").values_list("event", flat=True)
    )
    assert events[-2:] == ["programme.programme.approved", "programme.programme.reopened"]


def test_a_stale_edit_is_refused_and_changes_nothing(programme, lead):
    services.update_programme(programme, actor=lead, expected_version=1, title_en="First")
    with pytest.raises(ConflictError):
        services.update_programme(programme, actor=lead, expected_version=1, title_en="Second")
    assert Programme.objects.get().title_en == "First"


def test_completing_and_cancelling(submitted, manager, lead):
    with pytest.raises(ValidationError) as exc:
        services.close_programme(
            submitted, actor=lead, expected_version=submitted.version, outcome="completed", note=""
        )
    assert codes(exc.value) == {"status": ["wrong_status"]}
    with pytest.raises(ValidationError) as exc:
        services.close_programme(
            submitted, actor=lead, expected_version=submitted.version, outcome="cancelled", note=""
        )
    assert codes(exc.value) == {"note": ["note_required"]}
    programme = services.close_programme(
        submitted,
        actor=lead,
        expected_version=submitted.version,
        outcome="cancelled",
        note="Merged into the group programme",
    )
    assert programme.status == ProgrammeStatus.CANCELLED and programme.closed_at


def test_a_closed_programme_takes_no_new_work(submitted, lead):
    programme = services.close_programme(
        submitted, actor=lead, expected_version=submitted.version, outcome="cancelled", note="x"
    )
    with pytest.raises(ValidationError) as exc:
        services.create_task(
            programme, actor=lead, title="t", owner=lead, due_on=datetime.date(2025, 3, 1)
        )
    assert codes(exc.value) == {"programme": ["programme_closed"]}


def test_stage_dates_fit_even_a_very_short_programme():
    dates = services.stage_dates(datetime.date(2025, 1, 1), datetime.date(2025, 1, 3))
    assert all(end >= start for start, end in dates.values())
    assert dates["certify"][1] == datetime.date(2025, 1, 3)


def test_several_programmes_over_the_years(programme, lead, manager):
    later = services.create_programme(
        actor=lead,
        **charter(
            lead,
            manager,
            kind="recertification",
            starts_on=datetime.date(2027, 6, 1),
            target_on=datetime.date(2028, 3, 1),
        ),
    )
    assert Programme.objects.count() == 2
    assert later.get_kind_display() == "Recertification"
