"""Fixtures of the gap tests: an assessment started through the service, as the lead does."""

import datetime

import pytest

from iso20k.gaps import services


@pytest.fixture
def assessment(lead, internal_auditor, catalogue):
    return services.create_assessment(
        actor=lead,
        title="First gap assessment",
        assessed_on=datetime.date(2025, 2, 1),
        assessors=[lead, internal_auditor],
        scope="All services",
    )


def rate_all(assessment, actor, value="defined"):
    for rating in assessment.ratings.all():
        services.rate_clause(
            rating,
            actor=actor,
            expected_version=rating.version,
            rating_value=value,
            justification="Not offered" if value == "not_applicable" else "",
        )
