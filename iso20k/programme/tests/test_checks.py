"""Evidence checks on the programme: commitment of top management (5.1) and team roles (5.3)."""

import datetime

import pytest
from django.utils import timezone

from iso20k.evidence.results import Status
from iso20k.evidence.testing import outcome

from .factories import ProgrammeFactory, TeamMemberFactory

pytestmark = pytest.mark.django_db


def test_no_approved_programme_fails_and_points_at_the_draft():
    draft = ProgrammeFactory()
    result = outcome("programme.charter-approved")
    assert result.status == Status.FAIL and result.refs[0][1] == str(draft.pk)


def test_an_approved_programme_names_its_approver(manager):
    programme = ProgrammeFactory(status="approved", approved_at=timezone.now(), decided_by=manager)
    result = outcome("programme.charter-approved")
    assert result.status == Status.PASS
    assert result.params["approver"] == str(manager) and result.refs[0][1] == str(programme.pk)
    earlier = outcome("programme.charter-approved", at=timezone.now() - datetime.timedelta(days=1))
    assert earlier.status == Status.FAIL


def test_a_team_without_a_sponsor_fails_and_one_without_auditors_warns(manager):
    programme = ProgrammeFactory(status="approved", approved_at=timezone.now(), decided_by=manager)
    TeamMemberFactory(programme=programme, role="project_lead", department="IT")
    result = outcome("programme.team-roles")
    assert result.status == Status.FAIL and result.params["missing"] == ["a sponsor"]
    TeamMemberFactory(programme=programme, role="sponsor", department="General Management")
    result = outcome("programme.team-roles")
    assert result.status == Status.WARNING and result.params["departments"] == 2
    TeamMemberFactory(programme=programme, role="internal_auditor", department="Audit")
    result = outcome("programme.team-roles")
    assert result.status == Status.PASS and result.params["auditors"] == 1
    assert len(result.refs) == 3


def test_someone_who_left_the_team_no_longer_counts(manager):
    programme = ProgrammeFactory(status="approved", approved_at=timezone.now(), decided_by=manager)
    TeamMemberFactory(programme=programme, role="project_lead")
    TeamMemberFactory(
        programme=programme,
        role="sponsor",
        left_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    assert outcome("programme.team-roles").params["missing"] == ["a sponsor"]
