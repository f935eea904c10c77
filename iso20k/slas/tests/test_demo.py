"""The demo data of the service desk loads, and loads again without duplicating anything."""

import pytest
from django.core.management import call_command

from iso20k.calendars.models import BusinessCalendar
from iso20k.customers import access as customer_access
from iso20k.customers.models import Customer
from iso20k.servicecatalogue import querysets as catalogue_reads
from iso20k.servicecatalogue.models import RequestItem, Service
from iso20k.slas import clocks
from iso20k.slas.models import ServiceLevelAgreement

pytestmark = pytest.mark.django_db


def counts() -> tuple:
    return tuple(
        model.objects.count()
        for model in (Customer, Service, RequestItem, BusinessCalendar, ServiceLevelAgreement)
    )


def test_the_demo_loads_twice_without_duplicates(catalogue, settings):
    settings.DEMO_SCALE = 0.05  # few tickets: this test is about the set-up data
    call_command("load_demo", verbosity=0)
    first = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == first == (4, 5, 6, 3, 7)
    from iso20k.accounts.models import User

    customer1 = User.objects.get(username="customer1")
    bank = Customer.objects.get(code="dongfang-bank")
    assert customer_access.customer_ids_of(customer1) == {bank.pk}
    live = {s.code for s in catalogue_reads.live_for_customer(bank)}
    assert live == {"CLOUD-HOST", "MANAGED-DB", "SERVICE-DESK"}
    office = BusinessCalendar.objects.get(code="cn-office")
    assert office.holiday_region == "CN" and office.holidays.count() == 2
    hosting = Service.objects.get(code="CLOUD-HOST")
    assert clocks.find_agreement(customer=bank, service=hosting).code == "dongfang-hosting"
    jinhai = Customer.objects.get(code="jinhai-logistics")
    assert clocks.find_agreement(customer=jinhai, service=hosting).code == "jinhai-standard"
    assert clocks.find_agreement(customer=None, service=None).code == "standard"
