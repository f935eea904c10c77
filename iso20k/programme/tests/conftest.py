"""Fixtures of the programme tests: a programme made through the service, as the lead does."""

import datetime

import pytest

from iso20k.programme import services


@pytest.fixture
def programme(lead, manager):
    return services.create_programme(
        actor=lead,
        title_en="ISO/IEC 20000-1 certification",
        title_zh_hans="ISO/IEC 20000-1 认证",
        purposes=["service_quality", "customer_requirements"],
        starts_on=datetime.date(2025, 1, 6),
        target_on=datetime.date(2025, 12, 1),
        sponsor=manager,
        lead=lead,
    )
