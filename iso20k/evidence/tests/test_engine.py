"""The evidence engine: registration, isolation of failing checks, as-of dates, incremental runs."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from iso20k.evidence import registry, services
from iso20k.evidence.models import EvaluationKind, LatestOutcome
from iso20k.evidence.results import Status
from iso20k.organisations import services as organisation_services
from iso20k.organisations.tests.factories import OrganisationFactory, SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def temporary_check():
    added = []

    def add(code, clauses, function):
        registry.check(code, clauses=clauses, depends_on=[], title="t", messages={})(function)
        added.append(code)

    yield add
    for code in added:
        registry._checks.pop(code, None)


def test_a_check_naming_an_unknown_clause_stops_start_up_with_its_name(temporary_check):
    temporary_check("demo.bad-clause", ["8.6.9"], lambda ctx: None)
    with pytest.raises(ImproperlyConfigured, match="demo.bad-clause.*8.6.9"):
        registry.validate()


def test_a_check_that_raises_is_an_error_for_that_check_only(temporary_check, catalogue):
    def broken(ctx):
        raise ZeroDivisionError("boom")

    temporary_check("demo.broken", ["4.1"], broken)
    evaluation = services.evaluate()
    outcomes = {o.code: o for o in evaluation.outcomes.all()}
    assert outcomes["demo.broken"].status == Status.ERROR
    assert "ZeroDivisionError" in outcomes["demo.broken"].error
    assert outcomes["sms.scope-approved"].status in {Status.PASS, Status.FAIL}
    assert len(outcomes) == len(registry.all_checks())


def test_an_error_counts_as_failure_never_as_pass(temporary_check, catalogue):
    temporary_check("demo.broken", ["4.1"], lambda ctx: 1 / 0)
    services.evaluate()
    from iso20k.evidence import querysets, scoring

    statuses = {c: o.status for c, o in querysets.latest_outcomes().items()}
    clause = next(i for i in scoring.compute(statuses, timezone.now()).clauses if i.number == "4.1")
    assert clause.check_status == Status.ERROR and clause.score == 0


def approved_scope(lead, manager):
    organisation = OrganisationFactory()
    site = SiteFactory(organisation=organisation)
    draft = organisation_services.start_scope_draft(organisation, actor=lead)
    draft = organisation_services.update_scope_draft(
        draft, actor=lead, expected_version=1, statement_en="Hosting", sites=[site]
    )
    draft = organisation_services.submit_scope(draft, actor=lead, expected_version=draft.version)
    return organisation_services.approve_scope(draft, actor=manager, expected_version=draft.version)


def test_as_of_a_date_only_what_existed_then_counts(lead, manager, catalogue, time_machine):
    before = timezone.now()
    time_machine.move_to(before + timedelta(days=10))
    scope = approved_scope(lead, manager)
    time_machine.move_to(timezone.now() + timedelta(days=20))
    then = services.evaluate(
        kind=EvaluationKind.AS_OF, at=before, codes=["sms.scope-approved"]
    ).outcomes.get()
    now = services.evaluate(codes=["sms.scope-approved"]).outcomes.get()
    assert then.status == Status.FAIL
    assert now.status == Status.PASS
    assert now.params["version"] == scope.number and now.refs[0][1] == str(scope.pk)


def test_as_of_matches_a_state_reproduced_by_hand(lead, manager, catalogue, time_machine):
    """Roles as of a date: a grant revoked later still counted; one created later not."""
    from iso20k.accounts import services as account_services
    from iso20k.accounts.choices import Role
    from iso20k.accounts.tests.factories import UserFactory

    start = timezone.now()
    time_machine.move_to(start + timedelta(days=1))
    moment = timezone.now()
    time_machine.move_to(start + timedelta(days=2))
    admin = UserFactory(username="boss", is_superuser=True)
    late = account_services.grant_role(
        UserFactory(username="late"),
        actor=admin,
        role=Role.PROCESS_OWNER,
        scope_kind="organisation",
    )
    lead_grant = lead.grants.get()
    account_services.revoke_grant(lead_grant, actor=admin, expected_version=lead_grant.version)
    outcome = services.evaluate(
        kind=EvaluationKind.AS_OF, at=moment, codes=["accounts.roles-assigned"]
    ).outcomes.get()
    # By hand: on `moment` top management and the lead existed, the process owner did not.
    assert outcome.status == Status.WARNING
    assert outcome.params["missing_count"] == outcome.params["processes"] > 0
    now = services.evaluate(codes=["accounts.roles-assigned"]).outcomes.get()
    assert now.status == Status.FAIL and "certification lead" in now.params["missing_roles"]
    assert late.pk


def test_an_incremental_run_re_evaluates_only_what_changed(lead, manager, catalogue):
    services.evaluate()
    assert services.evaluate_changes() is None
    approved_scope(lead, manager)
    evaluation = services.evaluate_changes()
    assert set(evaluation.outcomes.values_list("code", flat=True)) == {"sms.scope-approved"}
    assert LatestOutcome.objects.get(code="sms.scope-approved").outcome.status == Status.PASS


def test_an_as_of_request_runs_on_the_worker(
    manager, catalogue, run_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        evaluation = services.request_as_of(timezone.now() - timedelta(days=1), actor=manager)
    assert evaluation.state == "pending"
    run_tasks()
    evaluation.refresh_from_db()
    assert evaluation.state == "done" and evaluation.outcomes.count() == len(registry.all_checks())


def test_an_as_of_request_in_the_future_is_refused(manager):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.request_as_of(timezone.now() + timedelta(days=1), actor=manager)
    assert exc.value.error_dict["as_of"][0].code == "as_of_in_future"


def test_every_figure_a_check_names_has_a_label_in_both_languages():
    import re

    from django.utils import translation

    from iso20k.evidence import registry
    from iso20k.evidence.figures import LABELS

    keys = {
        key
        for item in registry.all_checks()
        for message in item.messages.values()
        for key in re.findall(r"%\((\w+)\)s", str(message))
    }
    assert keys - set(LABELS) == set()
    with translation.override("en"):
        english = {k: str(LABELS[k]) for k in keys}
    with translation.override("zh-hans"):
        untranslated = [k for k in keys if str(LABELS[k]) == english[k]]
    assert untranslated == []


def test_every_check_depends_on_records_the_history_names():
    """The incremental run re-runs a check when history rows of its inputs appear; an input
    no service writes history for would leave the check stale until the hourly run."""
    from django.apps import apps

    from iso20k.evidence import registry

    unknown = {
        (item.code, label)
        for item in registry.all_checks()
        for label in item.depends_on
        if label.count(".") != 1 or apps.get_model(label) is None
    }
    assert unknown == set()
    derived = {"servicedesk.ticketmonthstat", "slas.slaclock", "slas.clockevent"}
    assert not [
        (c.code, set(c.depends_on) & derived)
        for c in registry.all_checks()
        if set(c.depends_on) & derived
    ]
