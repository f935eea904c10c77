"""Counts that stay fast on big tables: exact up to a bound, then "1,000+".

COUNT(*) checks every matching row (PostgreSQL checks each row's visibility), so a list
page over hundreds of thousands of tickets never counts them all: it counts at most
`bound + 1` rows through a LIMITed subquery and says "more than" beyond that.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.formats import number_format

DEFAULT_BOUND = 1000


@dataclass(frozen=True)
class BoundedCount:
    value: int
    exact: bool
    bound: int

    def __str__(self) -> str:
        text = number_format(self.value, force_grouping=True)
        return text if self.exact else f"{number_format(self.bound, force_grouping=True)}+"

    def __int__(self) -> int:
        return self.value


def bounded_count(queryset: models.QuerySet, bound: int = DEFAULT_BOUND) -> BoundedCount:
    """The number of rows of `queryset`, exact up to `bound`; one query of at most bound+1
    index entries (ordering is dropped, it does not change a count)."""
    found = queryset.order_by()[: bound + 1].count()
    if found > bound:
        return BoundedCount(value=bound, exact=False, bound=bound)
    return BoundedCount(value=found, exact=True, bound=bound)
