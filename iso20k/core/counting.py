"""Counts that stay fast on big tables: exact up to a bound, then "1,000+".

COUNT(*) checks every matching row (PostgreSQL checks each row's visibility), so a list
page over hundreds of thousands of tickets never counts them all: it counts at most
`bound + 1` rows through a LIMITed subquery and says "more than" beyond that.
"""

from dataclasses import dataclass

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
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


def bounded_counts(
    querysets: dict[str, models.QuerySet], bound: int = DEFAULT_BOUND
) -> dict[str, BoundedCount]:
    """bounded_count of several querysets in one statement: the same LIMITed subqueries,
    read in one round trip (a queue page's five queue counts were five). A queryset that
    cannot match anything (e.g. `group__in=[]`) counts 0 without SQL, as Django does."""
    found = dict.fromkeys(querysets, 0)
    parts, params, names, alias = [], [], [], None
    for name, queryset in querysets.items():
        limited = queryset.order_by()[: bound + 1].values("pk")
        try:
            sql, values = limited.query.sql_with_params()
        except EmptyResultSet:
            continue
        alias = alias or queryset.db
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) bounded_{len(parts)})")
        params.extend(values)
        names.append(name)
    if parts:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(parts), params)
            found.update(zip(names, cursor.fetchone(), strict=True))
    return {
        name: BoundedCount(value=min(value, bound), exact=value <= bound, bound=bound)
        for name, value in found.items()
    }
