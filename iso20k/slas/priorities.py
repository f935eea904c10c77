"""The priority matrix: impact × urgency → priority, shared by incidents and service requests.

Both scales run 1 (high) to 3 (low). The matrix is the common ITIL one (as ServiceNow ships
it): high impact and high urgency is P1, low and low is P5. Incidents compute their
priority with priority_for(); an SLA sets targets per priority. A priority or a level
outside the matrix is refused with a ValidationError (code "priority_not_in_matrix").
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .choices import Impact, Priority, Urgency

MATRIX: dict[tuple[int, int], str] = {
    (Impact.HIGH, Urgency.HIGH): Priority.P1,
    (Impact.HIGH, Urgency.MEDIUM): Priority.P2,
    (Impact.HIGH, Urgency.LOW): Priority.P3,
    (Impact.MEDIUM, Urgency.HIGH): Priority.P2,
    (Impact.MEDIUM, Urgency.MEDIUM): Priority.P3,
    (Impact.MEDIUM, Urgency.LOW): Priority.P4,
    (Impact.LOW, Urgency.HIGH): Priority.P3,
    (Impact.LOW, Urgency.MEDIUM): Priority.P4,
    (Impact.LOW, Urgency.LOW): Priority.P5,
}


def priority_for(impact: int, urgency: int) -> str:
    """The priority of an impact and an urgency; ValidationError when either is off the scale."""
    try:
        key = (int(impact), int(urgency))
    except (TypeError, ValueError):
        key = None
    if key not in MATRIX:
        raise ValidationError(
            {
                "priority": ValidationError(
                    _("Impact %(impact)s and urgency %(urgency)s are not in the priority matrix."),
                    code="priority_not_in_matrix",
                    params={"impact": impact, "urgency": urgency},
                )
            }
        )
    return MATRIX[key]


def check_priority(priority: str, field: str = "priority") -> str:
    """`priority` if it is one of the matrix's priorities, else ValidationError on `field`."""
    if priority not in Priority.values:
        raise ValidationError(
            {
                field: ValidationError(
                    _("“%(priority)s” is not a priority of the matrix (P1–P5)."),
                    code="priority_not_in_matrix",
                    params={"priority": priority},
                )
            }
        )
    return priority


def matrix_rows() -> list[dict]:
    """The matrix for display: one row per impact, one cell per urgency."""
    return [
        {
            "impact": impact,
            "cells": [{"urgency": u, "priority": MATRIX[(impact, u)]} for u in Urgency],
        }
        for impact in Impact
    ]
