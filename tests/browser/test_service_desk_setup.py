"""The certification lead manages a business calendar and an SLA through the pages, in both
languages; every page of the catalogue, customers, calendars and SLAs is shot, also at 360 px."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    ("services", "/services/"),
    ("service-cloud-host", "/services/CLOUD-HOST/"),
    ("request-item-new-vm", "/services/CLOUD-HOST/items/new-vm/"),
    ("request-item-edit", "/services/CLOUD-HOST/items/new-vm/edit/"),
    ("customers", "/customers/"),
    ("customer-dongfang-bank", "/customers/dongfang-bank/"),
    ("calendars", "/calendars/"),
    ("calendar-cn-office", "/calendars/cn-office/"),
    ("calendar-de-berlin", "/calendars/de-berlin/"),
    ("holiday-schedules", "/calendars/schedules/"),
    ("agreements", "/slas/"),
    ("agreement-jinhai", "/slas/jinhai-standard/"),
    ("agreement-edit", "/slas/jinhai-standard/edit/"),
]


def unexpected(errors: list[str]) -> list[str]:
    """Console errors other than the 422 answers to the bad input these tests type on purpose."""
    return [e for e in errors if "status of 422" not in e]


NARROW = ["/calendars/cn-office/", "/slas/jinhai-standard/", "/services/CLOUD-HOST/"]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_service_desk_setup_page_renders_in_both_languages(demo, session, language):
    me = session()
    me.login("admin")
    me.switch_language(language)
    for name, path in PAGES:
        assert me.goto(path).status == 200, path
        me.shot(f"{name}-{language}")
    phone = session(width=360, height=780)
    phone.login("admin")
    phone.switch_language(language)
    for path in NARROW:
        phone.goto(path)
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (path, width)
        phone.shot(f"narrow-{path.strip('/').replace('/', '-')}-{language}")
    assert me.errors == [] and phone.errors == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_lead_manages_a_calendar(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    me.goto("/calendars/cn-office/?year=2027")
    sources = me.page.locator("#sources").inner_text()
    assert "chinesecalendar 1.11.0" in sources
    assert me.page.locator("#year-view [class*='day-public_holiday']").count() > 0
    me.shot(f"calendar-2027-estimated-{language}")

    me.click_and_wait("a[href='/calendars/cn-office/hours/']", "**/hours/")
    me.page.fill("#id_hours_0", "09:00-12:00, 11:30-18:00")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#field-hours_0 .invalid-feedback")
    assert "11:30-18:00" in me.page.locator("#field-hours_0 .invalid-feedback").inner_text()
    me.shot(f"calendar-hours-overlap-{language}")
    me.page.fill("#id_hours_0", "08:30-12:00, 13:00-17:30")
    me.click_and_wait("#form button[type=submit]", "**/calendars/cn-office/")
    assert "08:30-12:00, 13:00-17:30" in me.page.locator("#hours").inner_text()

    me.click_and_wait("a[href='/calendars/cn-office/holidays/new/']", "**/holidays/new/")
    me.page.fill("#id_date", "2026-12-24")
    me.page.fill("#id_name_zh_hans", "年终盘点")
    me.page.fill("#id_name_en", "Year-end stocktake")
    me.click_and_wait("#form button[type=submit]", "**/calendars/cn-office/?year=2026")
    assert "2026" in me.page.locator("#organisation-holidays").inner_text()

    me.goto("/calendars/schedules/new/?region=CN&year=2027")
    me.page.fill("#id_note", "国办发明电〔2026〕X号")
    me.page.fill(
        "#id_holidays",
        "2027-01-01..2027-01-03 元旦 / New Year's Day\n"
        "2027-02-05..2027-02-11 春节 / Spring Festival",
    )
    me.page.fill("#id_workdays", "2027-01-04 元旦调休\n2027-02-20 春节调休")
    me.shot(f"schedule-entry-{language}")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#form-errors, #field-workdays .invalid-feedback")
    assert me.page.locator("#field-workdays .invalid-feedback").count() == 1  # 4 Jan is a Monday
    me.page.fill("#id_workdays", "2027-02-20 春节调休")
    me.click_and_wait("#form button[type=submit]", "**/calendars/schedules/CN/2027/")
    me.goto("/calendars/cn-office/?year=2027")
    assert me.page.locator("#data-warning-2027").count() == 0
    assert me.page.locator("#year-view td.day-adjusted_workday").count() == 1
    me.shot(f"calendar-2027-entered-{language}")
    assert unexpected(me.errors) == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_lead_manages_an_sla(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    me.goto("/slas/new/")
    me.page.fill("#id_code", "jinhai-db")
    me.page.fill("#id_name_zh_hans", "金海物流数据库 SLA")
    me.page.fill("#id_name_en", "Jinhai Logistics database SLA")
    me.page.select_option(
        "#id_customer", label="金海物流集团" if language == "zh-hans" else "Jinhai Logistics Group"
    )
    me.page.select_option("#id_service", index=2)
    me.page.select_option("#id_calendar", index=1)
    me.page.fill("#id_p1_response_minutes", "-30")
    me.page.fill("#id_p1_resolution_minutes", "4 h")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#targets .invalid-feedback")
    me.shot(f"agreement-negative-target-{language}")
    me.page.fill("#id_p1_response_minutes", "15 min")
    me.page.fill("#id_p2_response_minutes", "30")
    me.page.fill("#id_p2_resolution_minutes", "1 h 30 min")
    me.click_and_wait("#form button[type=submit]", "**/slas/jinhai-db/")
    targets = me.page.locator("#targets").inner_text()
    assert "15" in targets and "1" in targets
    me.click_and_wait("a[href='/slas/jinhai-db/edit/']", "**/slas/jinhai-db/edit/")
    assert me.page.input_value("#id_p1_resolution_minutes") in {"4 h", "4 小时"}
    me.page.fill("#id_p1_resolution_minutes", "2 h")
    me.click_and_wait("#form button[type=submit]", "**/slas/jinhai-db/")
    history = me.page.locator("#history").inner_text()
    assert "P1 15/120" in history
    me.shot(f"agreement-saved-{language}")
    assert unexpected(me.errors) == []
