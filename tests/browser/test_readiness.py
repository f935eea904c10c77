"""The readiness dashboard, the drill-down from a failing check to its records, and snapshots."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_dashboard_and_drill_down(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    me.goto("/readiness/")
    assert me.page.locator("#heatmap .heatmap-tile").count() > 40
    me.shot(f"readiness-dashboard-{language}")
    me.click_and_wait("#heatmap a[href='/readiness/clauses/4.3/']", "**/readiness/clauses/4.3/")
    me.shot(f"readiness-clause-4.3-{language}")
    me.click_and_wait(
        "#checks a[href='/readiness/checks/sms.scope-approved/']",
        "**/readiness/checks/sms.scope-approved/",
    )
    assert me.page.locator("#records a").count() >= 1
    me.shot(f"readiness-check-{language}")
    assert me.errors == []


def test_a_failing_check_opens_the_records_behind_it(demo, session):
    from iso20k.accounts.models import Grant
    from iso20k.evidence import services

    Grant.objects.filter(role="process_owner").update(note="x")  # keep grants; roles check warns
    services.evaluate()
    me = session()
    me.login("lina")
    me.switch_language("en")
    me.goto("/readiness/checks/accounts.roles-assigned/")
    assert "processes have no owner" in me.page.locator("#result").inner_text()
    me.shot("readiness-check-warning-en")


def test_take_a_snapshot_and_see_it_verified(demo, session):
    me = session()
    me.login("lina")
    me.switch_language("en")
    me.goto("/readiness/snapshots/new/")
    me.page.fill("#id_name", "Stage 1 audit")
    me.page.fill("#id_audit_ref", "cb-stage1")
    me.click_and_wait("button:has-text('Take and sign')", "**/readiness/snapshots/*-*/")
    assert "Intact" in me.page.locator("#verification").inner_text()
    me.shot("snapshot-en")
    me.switch_language("zh-hans")
    me.shot("snapshot-zh-hans")


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_desk_lapse_drills_down_to_the_incident(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    me.goto("/readiness/clauses/8.6.1/")
    checks = me.page.locator("#checks").inner_text()
    badge = me.page.locator("#clause-score dd .badge").first.inner_text().strip()
    assert badge == ("Fail" if language == "en" else "不通过")  # named in the reader's language
    assert "incidents.operated-90-days" in me.page.content()
    me.shot(f"readiness-clause-8.6.1-{language}")
    me.click_and_wait(
        "#checks a[href='/readiness/checks/desk.open-past-deadline/']",
        "**/readiness/checks/desk.open-past-deadline/",
    )
    result = me.page.locator("#result").inner_text()
    assert ("past their deadline" in result) if language == "en" else ("已超过期限" in result)
    assert ("Late" in result) if language == "en" else ("已逾期" in result)  # figures named
    me.shot(f"readiness-check-desk-lapses-{language}")
    first = me.page.locator("#records a").first
    assert first.inner_text().startswith("INC-")
    me.click_and_wait("#records a >> nth=0", "**/incidents/*/")
    assert me.page.locator("h1, .page-title").first.inner_text()
    assert checks and me.errors == []
