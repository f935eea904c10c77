"""Evidence checks on the service catalogue (8.2.4, 8.3.3): live services with an active
owner and with agreed service levels."""

import datetime

import pytest
from django.utils import timezone

from iso20k.evidence.results import Status
from iso20k.evidence.testing import outcome
from iso20k.servicecatalogue.models import Service
from iso20k.servicecatalogue.tests.factories import ServiceFactory
from iso20k.slas.tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db


def test_an_empty_catalogue_is_not_enough_data(db):
    ServiceFactory(code="NEXT", pipeline=True)
    assert outcome("services.owned").status == Status.NOT_ENOUGH_DATA
    assert outcome("services.sla-covered").status == Status.NOT_ENOUGH_DATA


def test_a_live_service_whose_owner_left_fails_and_is_named(db):
    ServiceFactory(code="MAIL")
    orphan = ServiceFactory(code="VPN")
    orphan.owner.is_active = False
    orphan.owner.save()
    result = outcome("services.owned")
    assert result.status == Status.FAIL
    assert result.params == {"services": 2, "orphaned": 1}
    assert result.refs == [["servicecatalogue.service", str(orphan.pk), str(orphan)]]


def test_live_services_with_active_owners_pass(db):
    ServiceFactory(code="MAIL")
    retired = ServiceFactory(code="OLD", retired=True)
    retired.owner.is_active = False  # a retired service no longer needs its owner
    retired.owner.save()
    result = outcome("services.owned")
    assert (result.status, result.params) == (Status.PASS, {"services": 1, "orphaned": 0})


def test_a_live_service_without_an_agreement_fails(db):
    mail = ServiceFactory(code="MAIL")
    vpn = ServiceFactory(code="VPN")
    AgreementFactory(service=mail)
    AgreementFactory(service=vpn, status="retired")
    result = outcome("services.sla-covered")
    assert result.status == Status.FAIL
    assert result.params == {"services": 2, "own": 1, "missing": 1}
    assert result.refs == [["servicecatalogue.service", str(vpn.pk), str(vpn)]]


def test_an_agreement_for_any_service_covers_every_service(db):
    mail = ServiceFactory(code="MAIL")
    ServiceFactory(code="VPN")
    AgreementFactory(service=mail)
    AgreementFactory()  # the default agreement: any customer, any service
    result = outcome("services.sla-covered")
    assert (result.status, result.params) == (Status.PASS, {"services": 2, "own": 1})


def test_as_of_a_date_services_count_by_their_go_live_and_retirement_dates(db):
    today = timezone.localdate()
    ServiceFactory(code="MAIL", went_live_on=today - datetime.timedelta(days=40))
    ServiceFactory(code="VPN", went_live_on=today)
    ServiceFactory(
        code="FAX",
        retired=True,
        went_live_on=today - datetime.timedelta(days=400),
        retired_on=today - datetime.timedelta(days=10),
    )
    then = timezone.now() - datetime.timedelta(days=20)
    # Twenty days ago MAIL and FAX were live; VPN was not yet. (The rows themselves entered
    # the system today, so as of then they did not exist: make them older.)
    Service.objects.update(created_at=timezone.now() - datetime.timedelta(days=500))
    assert outcome("services.owned", at=then).params == {"services": 2, "orphaned": 0}
    assert outcome("services.owned").params == {"services": 2, "orphaned": 0}
