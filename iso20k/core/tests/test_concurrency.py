"""Optimistic locking: a conditional write that refuses stale versions on both databases."""

import pytest

from iso20k.accounts.tests.factories import UserFactory
from iso20k.core.concurrency import parse_version, save_versioned
from iso20k.core.errors import ConflictError

pytestmark = pytest.mark.django_db


def test_a_write_with_the_current_version_bumps_it():
    user = UserFactory(username="bo")
    user.department = "IT"
    save_versioned(user, fields=["department"], expected_version=1)
    assert (user.version, user.department) == (2, "IT")


def test_a_stale_write_changes_nothing_and_carries_the_current_row():
    user = UserFactory(username="bo")
    first, second = type(user).objects.get(pk=user.pk), type(user).objects.get(pk=user.pk)
    first.department = "IT"
    save_versioned(first, fields=["department"], expected_version=1)
    second.department = "HR"
    with pytest.raises(ConflictError) as exc:
        save_versioned(second, fields=["department"], expected_version=1)
    assert exc.value.current.department == "IT"
    assert type(user).objects.get(pk=user.pk).department == "IT"


def test_a_write_without_a_version_is_refused():
    user = UserFactory(username="bo")
    with pytest.raises(ConflictError):
        save_versioned(user, fields=["department"], expected_version=None)


@pytest.mark.parametrize(
    ("raw", "parsed"), [('"3"', 3), ("3", 3), ('W/"7"', 7), ("x", None), (None, None), ("", None)]
)
def test_versions_from_headers_and_forms(raw, parsed):
    assert parse_version(raw) == parsed
