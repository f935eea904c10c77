"""Fixtures of the training tests: a competence, a tested course and a held session."""

import datetime

import pytest
from django.utils import timezone

from iso20k.training import services


@pytest.fixture
def auditing(lead):
    return services.create_competence(
        actor=lead,
        code="iso20000-auditing",
        name_en="Auditing the SMS",
        name_zh_hans="服务管理体系审核",
        valid_months=36,
    )


@pytest.fixture
def auditor_course(lead, auditing):
    return services.create_course(
        actor=lead,
        kind="internal_auditor",
        title_en="ISO/IEC 20000-1 internal auditor",
        duration_hours=16,
        has_test=True,
        competences=[auditing],
    )


@pytest.fixture
def held_session(lead, auditor_course, internal_auditor, staff):
    start = timezone.now() - datetime.timedelta(days=10)
    session = services.schedule_session(
        auditor_course,
        actor=lead,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=8),
        location="Shanghai",
        trainer="External trainer",
    )
    services.invite(session, actor=lead, people=[internal_auditor, staff])
    return services.hold_session(session, actor=lead, expected_version=session.version)
