"""Problem rules: raised from incidents or trends, root cause, known errors that agents find,
closure only with a root cause or a documented reason."""

import pytest
from django.core.exceptions import ValidationError

from iso20k.core import search
from iso20k.incidents.tests.factories import IncidentFactory
from iso20k.problems import services
from iso20k.problems.models import KnownError, Problem

pytestmark = pytest.mark.django_db


def codes(caught) -> dict:
    return {field: [e.code for e in errors] for field, errors in caught.value.error_dict.items()}


def test_a_problem_raised_from_a_trend_links_its_incidents(agent, desk):
    incidents = [IncidentFactory(service=desk["service"], category="email") for _ in range(3)]
    problem = services.raise_problem(
        actor=agent,
        subject="邮件反复积压 Mail queue keeps growing",
        category="email",
        service=desk["service"],
        source="trend",
        incidents=incidents,
    )
    assert set(problem.incidents.values_list("pk", flat=True)) == {i.pk for i in incidents}
    assert problem.priority == "P3"


def test_closing_needs_a_root_cause_or_a_reason(agent):
    problem = services.raise_problem(actor=agent, subject="Slow reports", category="database")
    with pytest.raises(ValidationError) as caught:
        services.close_problem(problem, actor=agent, expected_version=problem.version)
    assert codes(caught) == {"closure_reason": ["explanation_required"]}
    assert Problem.objects.get().status == "new"
    closed = services.close_problem(
        problem,
        actor=agent,
        expected_version=problem.version,
        closure_reason="Reporting service retired",
    )
    assert closed.status == "closed"


def test_a_known_error_is_published_and_searchable_in_chinese(agent, desk):
    problem = services.raise_problem(
        actor=agent, subject="数据库连接池耗尽", category="database", service=desk["service"]
    )
    problem = services.start_investigation(problem, actor=agent, expected_version=problem.version)
    known = services.record_known_error(
        problem,
        actor=agent,
        expected_version=problem.version,
        root_cause="连接泄漏 connection leak in the batch job",
        workaround="重启批处理 restart the batch service",
    )
    problem.refresh_from_db()
    assert (problem.status, known.problem) == ("known_error", problem)
    ids = set(
        search.matching_ids("problems.knownerror", "连接").values_list("object_id", flat=True)
    )
    assert ids == {known.pk}


def test_resolving_needs_the_fix(agent):
    problem = services.raise_problem(actor=agent, subject="Disk fills up", category="storage")
    problem = services.start_investigation(problem, actor=agent, expected_version=problem.version)
    with pytest.raises(ValidationError) as caught:
        services.resolve_problem(
            problem,
            actor=agent,
            expected_version=problem.version,
            resolution="",
            root_cause="Log rotation off",
        )
    assert codes(caught) == {"resolution": ["resolution_required"]}
    assert KnownError.objects.count() == 0
