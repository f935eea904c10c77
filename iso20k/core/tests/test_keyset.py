"""Keyset pagination: every row exactly once across pages, ties on the sort key included,
backwards and from the last page; the deep-page query uses the range pre-filter."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iso20k.accounts.models import User
from iso20k.accounts.tests.factories import UserFactory
from iso20k.core import keyset
from iso20k.core.counting import bounded_count

pytestmark = pytest.mark.django_db
BASE = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
NEWEST = keyset.Ordering.of("-date_joined", "-id")
OLDEST = keyset.Ordering.of("date_joined", "id")


@pytest.fixture
def people():
    # 23 people on only 4 distinct moments: most rows tie on the sort key.
    for n in range(23):
        UserFactory(username=f"p{n:02d}", date_joined=BASE + datetime.timedelta(hours=n % 4))
    return User.objects.filter(username__startswith="p")


def walk_forward(queryset, ordering, size):
    seen, cursor = [], None
    while True:
        page = keyset.paginate(queryset, ordering, cursor=cursor, size=size)
        seen += [row.pk for row in page.rows]
        if not page.has_next:
            return seen
        cursor = page.next_cursor


def expected(queryset, ordering):
    return list(queryset.order_by(*ordering.order_by()).values_list("pk", flat=True))


@pytest.mark.parametrize("ordering", [NEWEST, OLDEST], ids=["newest", "oldest"])
@pytest.mark.parametrize("size", [1, 4, 5, 23, 30])
def test_every_row_appears_exactly_once_in_order(people, ordering, size):
    assert walk_forward(people, ordering, size) == expected(people, ordering)


@pytest.mark.parametrize("size", [3, 5])
def test_walking_back_from_the_last_page_returns_every_row_once(people, size):
    page = keyset.paginate(people, NEWEST, direction=keyset.LAST, size=size)
    assert not page.has_next
    seen = [row.pk for row in page.rows]
    while page.has_previous:
        page = keyset.paginate(
            people, NEWEST, cursor=page.previous_cursor, direction=keyset.PREVIOUS, size=size
        )
        seen = [row.pk for row in page.rows] + seen
    assert seen == expected(people, NEWEST)
    assert not page.has_previous


def test_the_last_page_holds_the_final_rows(people):
    page = keyset.paginate(people, NEWEST, direction=keyset.LAST, size=5)
    assert [row.pk for row in page.rows] == expected(people, NEWEST)[-5:]
    assert page.has_previous and not page.has_next


def test_a_three_key_ordering_with_mixed_directions(people):
    ordering = keyset.Ordering.of("is_active", "-date_joined", "id")
    assert walk_forward(people, ordering, 4) == expected(people, ordering)


def test_a_forged_cursor_is_refused(people):
    for cursor in ["not base64 at all!", "WzFd", "WyJ4IiwieCJd"]:
        with pytest.raises(keyset.InvalidCursor):
            keyset.paginate(people, NEWEST, cursor=cursor)


def test_a_deep_page_starts_the_index_range_at_the_cursor(people):
    first = keyset.paginate(people, NEWEST, size=5)
    with CaptureQueriesContext(connection) as queries:
        keyset.paginate(people, NEWEST, cursor=first.next_cursor, size=5)
    sql = queries.captured_queries[-1]["sql"]
    assert '"date_joined" <= ' in sql  # the pre-filter that lets the index start the range
    assert "OFFSET" not in sql.upper()


def test_bounded_counts_are_exact_up_to_the_bound(people):
    assert (bounded_count(people, bound=30).value, bounded_count(people, bound=30).exact) == (
        23,
        True,
    )
    capped = bounded_count(people, bound=10)
    assert (capped.value, capped.exact, str(capped)) == (10, False, "10+")
    assert str(bounded_count(User.objects.none())) == "0"
