"""A person signs in, switches language, browses and searches the catalogue; every page is shot."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    ("home", "/"),
    ("catalogue", "/catalogue/"),
    ("clause-8.6.1", "/catalogue/8.6.1/"),
    ("organisation", "/organisation/"),
    ("scope-v1", "/organisation/scope/1/"),
    ("users", "/accounts/users/"),
    ("preferences", "/accounts/me/"),
    ("history", "/history/"),
    ("history-verification", "/history/verification/"),
    ("api-docs", "/api/docs/"),
]


def test_sign_in_switch_language_and_search_the_catalogue(demo, session):
    me = session()
    me.login("lina")
    assert me.page.locator("#journey").is_visible()
    me.switch_language("en")
    assert me.page.locator("h1").first.inner_text() == "Readiness journey"
    me.goto("/catalogue/")
    me.page.fill("#id_q", "incident")
    me.page.wait_for_selector("#search-results a[href='/catalogue/8.6.1/']")
    assert "/catalogue/?q=incident" in me.page.url
    me.shot("catalogue-search-en")
    me.switch_language("zh-hans")
    assert me.page.locator("h1").first.inner_text() == "条款目录"
    me.page.fill("#id_q", "变更")
    me.page.wait_for_selector("#search-results a[href='/catalogue/8.5.1/']")
    me.shot("catalogue-search-zh-hans")
    me.click_and_wait("#search-results a[href='/catalogue/8.5.1/']", "**/catalogue/8.5.1/")
    assert "变更管理" in me.page.locator("h1").inner_text()
    assert me.errors == []


def test_a_wrong_password_then_the_right_one(demo, session):
    me = session()
    me.login("lina", "not-the-password")
    assert me.page.locator("#login-error").is_visible()
    me.login("lina")
    assert me.page.locator("#journey").is_visible()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_page_renders_cleanly_in_both_languages(demo, session, language):
    me = session()
    me.login("admin")
    me.switch_language(language)
    for name, path in PAGES:
        response = me.goto(path)
        assert response.status == 200, path
        me.shot(f"{name}-{language}")
    assert me.errors == [], me.errors


def test_the_scope_is_approved_through_the_pages(demo, session):
    lead, top = session(), session()
    lead.login("lina")
    lead.switch_language("en")
    lead.goto("/organisation/")
    lead.click_and_wait("text=Start a new version", "**/organisation/scope/2/edit/")
    lead.page.fill("#id_change_summary", "Add the Beijing office")
    lead.click_and_wait("button:has-text('Save draft')", "**/organisation/scope/2/")
    lead.click_and_wait("a:has-text('Submit for approval')", "**/scope/2/submit/")
    lead.click_and_wait("button:has-text('Submit for approval')", "**/organisation/scope/2/")
    assert "Awaiting approval" in lead.page.locator("h1").inner_text()
    top.login("wangqiang")
    top.switch_language("en")
    top.goto("/organisation/scope/2/")
    top.click_and_wait("a:has-text('Approve')", "**/scope/2/approve/")
    top.page.fill("#id_note", "Agreed")
    top.click_and_wait("button:has-text('Approve the scope')", "**/organisation/scope/2/")
    assert "Approved" in top.page.locator("h1").inner_text()
    top.shot("scope-approved-en")


def test_pages_fit_a_phone(demo, session):
    phone = session(width=360, height=740)
    phone.login("lina")
    for path in ["/", "/catalogue/", "/catalogue/8.6.1/", "/organisation/"]:
        phone.goto(path)
        overflow = phone.page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth + 1"
        )
        assert not overflow, path
    phone.shot("catalogue-phone-en")
