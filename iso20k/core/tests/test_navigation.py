"""The menu marks one entry active: the one whose address is the longest prefix of the page."""

import pytest

from iso20k.core.navigation import menu_for

pytestmark = pytest.mark.django_db


def test_only_the_most_specific_entry_is_active(lead):
    menu = menu_for(lead, "/training/matrix/")
    active = [e["url"] for stage in menu for e in stage["entries"] if e["active"]]
    assert active == ["/training/matrix/"]
    assert [s["code"] for s in menu if s["active"]] == ["learn"]
    overview = menu_for(lead, "/training/sessions/3/")
    assert [e["url"] for s in overview for e in s["entries"] if e["active"]] == ["/training/"]
