"""The cross-functional team and the RACI: who may be in it and the one-A rule."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from conftest import make_person
from iso20k.core.errors import ConflictError
from iso20k.history.models import ChangeRecord
from iso20k.programme import raci, services

pytestmark = pytest.mark.django_db


def codes(exc):
    return {f: [e.code for e in errors] for f, errors in exc.error_dict.items()}


@pytest.fixture
def members(programme, lead, process_owner, internal_auditor):
    owner = services.add_member(
        programme, actor=lead, person=process_owner, role="process_owner", process="8.6.1"
    )
    auditor = services.add_member(
        programme, actor=lead, person=internal_auditor, role="internal_auditor"
    )
    lead_member = programme.team.get(role="project_lead")
    return {"owner": owner, "auditor": auditor, "lead": lead_member}


def test_members_come_from_departments_and_keep_them(programme, lead, catalogue):
    person = make_person("wu", "staff", department="行政部 Administration")
    member = services.add_member(programme, actor=lead, person=person, role="member")
    assert member.department == "行政部 Administration"
    assert member.joined_on == datetime.date.today()


def test_who_may_join_and_in_which_role(programme, lead, customer, agent, catalogue):
    with pytest.raises(ValidationError) as exc:
        services.add_member(programme, actor=lead, person=customer, role="member")
    assert codes(exc.value) == {"person": ["not_internal"]}
    with pytest.raises(ValidationError) as exc:
        services.add_member(programme, actor=lead, person=agent, role="sponsor")
    assert codes(exc.value) == {"person": ["sponsor_not_top_management"]}
    with pytest.raises(ValidationError) as exc:
        services.add_member(programme, actor=lead, person=agent, role="member", process="99.9")
    assert codes(exc.value) == {"process": ["unknown_clause"]}
    services.add_member(programme, actor=lead, person=agent, role="member")
    with pytest.raises(ValidationError) as exc:
        services.add_member(programme, actor=lead, person=agent, role="member")
    assert codes(exc.value) == {"role": ["already_in_role"]}


def test_the_raci_names_one_accountable_and_a_responsible(programme, lead, members):
    owner, auditor, lead_member = members["owner"], members["auditor"], members["lead"]
    bad = [
        ({owner.pk: "R"}, "one_accountable"),
        ({owner.pk: "A", lead_member.pk: "A"}, "one_accountable"),
        ({owner.pk: "A", auditor.pk: "C"}, "responsible_required"),
        ({owner.pk: "X"}, "invalid_letter"),
        ({99999: "A"}, "unknown_member"),
    ]
    for letters, code in bad:
        with pytest.raises(ValidationError) as exc:
            services.set_process_raci(programme, actor=lead, clause="8.6.1", letters=letters)
        assert codes(exc.value) == {"letters": [code]}, letters
    assert not programme.raci_rows.exists()
    row = services.set_process_raci(
        programme,
        actor=lead,
        clause="8.6.1",
        letters={owner.pk: "R", lead_member.pk: "A", auditor.pk: "I"},
    )
    assert row.summary.startswith(f"{lead_member.person}: A")
    matrix = raci.matrix(programme)
    incident = next(r for r in matrix["rows"] if r["clause"].number == "8.6.1")
    assert incident["complete"] and sorted(filter(None, incident["cells"])) == ["A", "I", "R"]


def test_editing_a_raci_needs_its_version(programme, lead, members):
    letters = {members["owner"].pk: "R", members["lead"].pk: "A"}
    row = services.set_process_raci(programme, actor=lead, clause="8.6.1", letters=letters)
    with pytest.raises(ConflictError):
        services.set_process_raci(programme, actor=lead, clause="8.6.1", letters=letters)
    row = services.set_process_raci(
        programme,
        actor=lead,
        clause="8.6.1",
        letters={members["owner"].pk: "A", members["auditor"].pk: "R"},
        expected_version=row.version,
    )
    record = ChangeRecord.objects.for_object(row).order_by("-seq").first()
    before, after = record.changes["summary"]
    assert "A" in before and after.startswith(f"{members['owner'].person}: A")


def test_a_member_named_in_a_raci_cannot_leave_until_replaced(programme, lead, members):
    owner = members["owner"]
    services.set_process_raci(
        programme, actor=lead, clause="8.6.1", letters={owner.pk: "A", members["lead"].pk: "R"}
    )
    with pytest.raises(ValidationError) as exc:
        services.leave_team(owner, actor=lead, expected_version=owner.version)
    assert codes(exc.value) == {"left_on": ["in_raci"]}
    auditor = services.leave_team(
        members["auditor"], actor=lead, expected_version=members["auditor"].version
    )
    assert auditor.left_on is not None
    with pytest.raises(ValidationError) as exc:
        services.leave_team(auditor, actor=lead, expected_version=auditor.version)
    assert codes(exc.value) == {"left_on": ["already_left"]}
