"""How SLA state reads: states from stored columns only, business time left, one query for a
whole page of tickets."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from iso20k.calendars.tests.factories import CalendarFactory
from iso20k.slas.display import describe_rows, format_duration, state_of, time_left_text

NOW = datetime.datetime(2026, 11, 24, 2, 0, tzinfo=datetime.UTC)  # Tue 10:00 in Shanghai
HOUR = datetime.timedelta(hours=1)


@pytest.mark.parametrize(
    ("stage", "breach", "warning", "breached", "state"),
    [
        ("running", NOW + HOUR, NOW + HOUR / 2, False, "on_track"),
        ("running", NOW + HOUR, NOW - HOUR, False, "warning"),
        ("running", NOW - HOUR, NOW - 2 * HOUR, False, "breached"),
        ("running", None, None, False, "unknown"),
        ("paused", None, None, False, "paused"),
        ("stopped", NOW, NOW, False, "met"),
        ("stopped", NOW, NOW, True, "missed"),
        ("cancelled", None, None, False, "cancelled"),
        ("none", None, None, False, "none"),
    ],
)
def test_state_comes_from_stored_columns(stage, breach, warning, breached, state):
    assert (
        state_of(stage, breach_at=breach, warning_at=warning, breached=breached, now=NOW) == state
    )


def test_durations_read_in_business_terms():
    assert format_duration(2 * 3600 + 15 * 60) == "2 h 15 min"
    assert time_left_text(45 * 60) == "45 min left"
    assert time_left_text(-3600) == "1 h overdue"
    with translation.override("zh-hans"):
        assert "分钟" in time_left_text(45 * 60) or "min" in time_left_text(45 * 60)


@pytest.mark.django_db
@pytest.mark.parametrize("rows", [3, 30])
def test_a_page_of_tickets_is_described_with_one_query(rows, django_assert_num_queries):
    calendars = [CalendarFactory(china=True) for _ in range(3)]
    tickets = [
        SimpleNamespace(
            pk=n,
            sla_stage="running",
            sla_breach_at=NOW + 3 * HOUR,
            sla_warning_at=NOW + 2 * HOUR,
            sla_breached=False,
            sla_remaining_seconds=None,
            sla_calendar_id=calendars[n % 3].pk,
        )
        for n in range(rows)
    ]
    describe_rows(tickets, NOW)  # warm the spec cache
    with django_assert_num_queries(1):
        described = describe_rows(tickets, NOW)
    # 10:00 to 13:00 on office hours with a lunch break from 12:00: two business hours.
    assert described[0].state == "on_track" and described[0].text == "2 h left"


def test_badges_name_the_state_in_colour_and_words():
    from types import SimpleNamespace

    from django.template import Context, Template
    from django.utils.translation import override

    from iso20k.servicedesk.templatetags.desk import priority_badge, ticket_status
    from iso20k.slas.templatetags.slas import sla_pill

    breached = str(sla_pill("breached", "1 h <overdue>"))
    assert 'class="badge bg-red-lt sla-pill" data-sla-state="breached"' in breached
    assert "ti-clock-exclamation" in breached and "· 1 h &lt;overdue&gt;" in breached
    met = str(sla_pill("met", "ignored"))
    assert 'data-sla-state="met"' in met and "ignored" not in met
    assert 'data-sla-state="none"' in str(sla_pill("", ""))
    assert 'class="badge bg-red text-red-fg priority-badge"' in str(priority_badge("P1"))
    ticket = SimpleNamespace(status="on_hold", get_status_display=lambda: "On hold")
    assert "bg-yellow-lt ticket-status" in str(ticket_status(ticket))
    with override("zh-hans"):
        page = Template("{% load slas %}{% sla_pill 'paused' '2 小时' %}").render(Context())
    assert "暂停" in page and "2 小时" in page
