"""Bounded counts: exact up to the bound, "bound+" beyond, several in one statement."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iso20k.core.counting import bounded_count, bounded_counts
from iso20k.core.models import SearchEntry

pytestmark = pytest.mark.django_db


def test_several_counts_in_one_statement_equal_one_count_each():
    for number in range(6):
        SearchEntry.objects.create(
            object_type="kind.a" if number < 5 else "kind.b", object_id=number
        )
    entries = SearchEntry.objects.all()
    querysets = {
        "many": entries.filter(object_type="kind.a"),
        "one": entries.filter(object_type="kind.b"),
        "none": entries.filter(object_type="kind.c"),
        "impossible": entries.filter(object_id__in=[]),
    }
    with CaptureQueriesContext(connection) as captured:
        counts = bounded_counts(querysets, bound=3)
    assert len(captured.captured_queries) == 1  # the impossible one needs no SQL
    assert {name: str(count) for name, count in counts.items()} == {
        "many": "3+",
        "one": "1",
        "none": "0",
        "impossible": "0",
    }
    for name, queryset in querysets.items():
        assert counts[name] == bounded_count(queryset, bound=3)
    assert bounded_counts({}) == {}
