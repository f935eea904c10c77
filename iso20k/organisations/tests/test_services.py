"""The scope statement workflow (4.3): drafted by the lead, approved by top management."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.organisations import services
from iso20k.organisations.choices import ScopeStatus
from iso20k.organisations.models import Organisation, ScopeStatement

from .factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def submitted(organisation, lead):
    site = SiteFactory(organisation=organisation)
    draft = services.start_scope_draft(organisation, actor=lead)
    draft = services.update_scope_draft(
        draft,
        actor=lead,
        expected_version=draft.version,
        statement_en="Managed hosting",
        sites=[site],
    )
    return services.submit_scope(draft, actor=lead, expected_version=draft.version)


def test_the_organisation_needs_a_name_in_some_language(lead):
    with pytest.raises(ValidationError) as exc:
        services.create_organisation(actor=lead, name_en=" ", name_zh_hans="")
    assert codes(exc.value) == {"name_en": ["name_required"]}
    assert not Organisation.objects.exists()
    organisation = services.create_organisation(actor=lead, name_zh_hans="华信")
    assert str(organisation) == "华信"


def test_there_is_only_one_organisation(lead, organisation):
    with pytest.raises(ValidationError) as exc:
        services.create_organisation(actor=lead, name_en="Second")
    assert codes(exc.value) == {"name_en": ["organisation_exists"]}


def test_a_stale_organisation_edit_is_refused(lead, organisation):
    services.update_organisation(organisation, actor=lead, expected_version=1, phone="1")
    with pytest.raises(ConflictError):
        services.update_organisation(organisation, actor=lead, expected_version=1, phone="2")
    assert Organisation.objects.get().phone == "1"


def test_only_one_draft_is_open_at_a_time(organisation, lead):
    services.start_scope_draft(organisation, actor=lead)
    with pytest.raises(ValidationError) as exc:
        services.start_scope_draft(organisation, actor=lead)
    assert codes(exc.value) == {"status": ["draft_already_open"]}


def test_submitting_needs_a_statement_and_a_site(organisation, lead):
    draft = services.start_scope_draft(organisation, actor=lead)
    with pytest.raises(ValidationError) as exc:
        services.submit_scope(draft, actor=lead, expected_version=draft.version)
    assert codes(exc.value) == {"statement_en": ["statement_required"]}
    draft = services.update_scope_draft(
        draft, actor=lead, expected_version=draft.version, statement_zh_hans="托管服务"
    )
    with pytest.raises(ValidationError) as exc:
        services.submit_scope(draft, actor=lead, expected_version=draft.version)
    assert codes(exc.value) == {"sites": ["sites_required"]}
    assert ScopeStatement.objects.get().status == ScopeStatus.DRAFT


def test_top_management_approves_and_the_approval_is_recorded(submitted, manager):
    scope = services.approve_scope(
        submitted, actor=manager, expected_version=submitted.version, note="OK"
    )
    assert scope.status == ScopeStatus.APPROVED
    assert scope.decided_by == manager and scope.approved_at is not None
    record = ChangeRecord.objects.for_object(scope).order_by("-seq").first()
    assert (record.event, record.actor, record.data) == (
        "organisations.scopestatement.approved",
        manager,
        {"note": "OK"},
    )


@pytest.mark.parametrize("approver", ["lead", "agent", "admin"])
def test_only_top_management_can_approve(submitted, approver, request):
    actor = request.getfixturevalue(approver)
    with pytest.raises(PermissionDenied):
        services.approve_scope(submitted, actor=actor, expected_version=submitted.version)
    assert ScopeStatement.objects.get().status == ScopeStatus.SUBMITTED


def test_a_draft_cannot_be_approved_before_it_is_submitted(organisation, lead, manager):
    draft = services.start_scope_draft(organisation, actor=lead)
    with pytest.raises(ValidationError) as exc:
        services.approve_scope(draft, actor=manager, expected_version=draft.version)
    assert codes(exc.value) == {"status": ["wrong_status"]}


def test_returning_needs_a_note_and_puts_the_draft_back(submitted, manager):
    with pytest.raises(ValidationError):
        services.reject_scope(
            submitted, actor=manager, expected_version=submitted.version, note=" "
        )
    scope = services.reject_scope(
        submitted,
        actor=manager,
        expected_version=submitted.version,
        note="Name the Suzhou data centre",
    )
    assert scope.status == ScopeStatus.DRAFT
    assert scope.decision_note == "Name the Suzhou data centre"


def test_a_new_approved_version_supersedes_the_old_one(submitted, lead, manager, organisation):
    v1 = services.approve_scope(submitted, actor=manager, expected_version=submitted.version)
    v2 = services.start_scope_draft(organisation, actor=lead)
    assert v2.number == 2 and v2.statement_en == "Managed hosting"
    assert list(v2.sites.all()) == list(v1.sites.all())
    v2 = services.submit_scope(v2, actor=lead, expected_version=v2.version)
    services.approve_scope(v2, actor=manager, expected_version=v2.version)
    v1.refresh_from_db()
    assert v1.status == ScopeStatus.SUPERSEDED
    assert ScopeStatement.objects.filter(status=ScopeStatus.APPROVED).get().number == 2


def test_a_retired_site_cannot_be_put_in_scope(organisation, lead):
    retired = SiteFactory(organisation=organisation, is_active=False)
    draft = services.start_scope_draft(organisation, actor=lead)
    with pytest.raises(ValidationError) as exc:
        services.update_scope_draft(
            draft, actor=lead, expected_version=draft.version, sites=[retired]
        )
    assert codes(exc.value) == {"sites": ["invalid_site"]}
