"""The 90-day operating rule, judged from system creation times: back-dated imports and bursts."""

from datetime import timedelta

import pytest
from django.utils import timezone

from iso20k.accounts.models import Grant
from iso20k.accounts.tests.factories import GrantFactory
from iso20k.evidence.operation import operation_status
from iso20k.evidence.results import Status

pytestmark = pytest.mark.django_db


def entered(days_ago: list[int]) -> None:
    """Records as they entered the system on those days (created_at is system time)."""
    now = timezone.now()
    for n, days in enumerate(days_ago):
        GrantFactory(role="staff", note=f"r{n}", created_at=now - timedelta(days=days, hours=n % 5))


def test_records_spread_over_more_than_90_days_pass():
    entered(list(range(0, 120, 4)))
    result = operation_status(Grant.objects.filter(note__startswith="r"), timezone.now())
    assert result.status == Status.PASS
    assert result.params["days"] >= 116 and result.params["active_weeks"] >= 8


def test_a_process_running_for_only_60_days_fails():
    entered(list(range(0, 60, 2)))
    result = operation_status(Grant.objects.filter(note__startswith="r"), timezone.now())
    assert result.status == Status.FAIL and result.params["days"] < 90


def test_a_burst_typed_in_before_the_audit_is_flagged():
    entered([150] + [1] * 40 + [2] * 10)
    result = operation_status(Grant.objects.filter(note__startswith="r"), timezone.now())
    assert result.status == Status.WARNING
    assert result.params["burst_share"] > 50 and result.params["active_weeks"] < 8


def test_business_dates_of_an_import_do_not_count(time_machine):
    """An import today of records 'from' last year: system creation time is today."""
    time_machine.move_to(timezone.now() - timedelta(days=365))
    for n in range(30):
        GrantFactory(role="staff", note=f"r{n}")
    time_machine.move_to(timezone.now() + timedelta(days=365))
    result = operation_status(Grant.objects.filter(note__startswith="r"), timezone.now())
    assert result.status == Status.FAIL and result.params["days"] == 0


def test_as_of_an_earlier_date_only_records_entered_by_then_count():
    entered(list(range(0, 200, 5)))
    then = timezone.now() - timedelta(days=150)
    result = operation_status(Grant.objects.filter(note__startswith="r"), then)
    assert result.status == Status.FAIL and result.params["days"] < 60


PROCESSES = {
    "incidents.operated-90-days": "iso20k.incidents.tests.factories.IncidentFactory",
    "servicerequests.operated-90-days": (
        "iso20k.servicerequests.tests.factories.ServiceRequestFactory"
    ),
    "problems.operated-90-days": "iso20k.problems.tests.factories.ProblemFactory",
}


@pytest.mark.parametrize("code", sorted(PROCESSES))
def test_each_process_is_judged_by_when_its_records_entered_the_system(code):
    from django.utils.module_loading import import_string

    from iso20k.evidence import services as evidence

    factory = import_string(PROCESSES[code])
    now = timezone.now()
    records = [factory() for _n in range(14)]
    result = evidence.evaluate(codes=[code]).outcomes.get()
    assert (result.status, result.params["days"], result.params["records"]) == (
        Status.FAIL,
        0,
        14,
    )
    model = type(records[0])
    for week, record in enumerate(records):
        model.objects.filter(pk=record.pk).update(created_at=now - timedelta(days=7 * week + 1))
    result = evidence.evaluate(codes=[code]).outcomes.get()
    assert (result.status, result.params["days"], result.params["records"]) == (
        Status.PASS,
        92,
        14,
    )
