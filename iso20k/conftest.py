"""Fixtures shared by the service desk apps (incidents, requests, problems, portal)."""

import pytest


@pytest.fixture
def acme(db):
    """The organisation the `customer` persona holds the customer role for."""
    from iso20k.customers.tests.factories import CustomerFactory

    return CustomerFactory(code="acme", name_en="Acme Ltd.", name_zh_hans="艾克米有限公司")


@pytest.fixture
def desk(db, agent, acme):
    """A live service offered to acme, a 24×7 default agreement (targets P1–P4), and a
    support group with the agent in it."""
    from iso20k.calendars.tests.factories import CalendarFactory
    from iso20k.servicecatalogue.tests.factories import ServiceFactory
    from iso20k.servicedesk.tests.factories import SupportGroupFactory
    from iso20k.slas.tests.factories import AgreementFactory

    service = ServiceFactory(code="MAIL", name_en="E-mail", name_zh_hans="邮件")
    service.customers.add(acme)
    calendar = CalendarFactory(code="always-test", always=True)
    agreement = AgreementFactory(code="default", calendar=calendar)
    group = SupportGroupFactory(code="service-desk", members=[agent])
    return {"service": service, "agreement": agreement, "group": group}
