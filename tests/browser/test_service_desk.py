"""An agent works a queue and a customer raises and rates a request, in both languages; every
page of the service desk and the portal is shot (the portal also at 360 px wide)."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def unexpected(errors: list[str]) -> list[str]:
    """Console errors other than the 4xx answers to the bad input these tests type."""
    return [e for e in errors if "status of 422" not in e and "status of 409" not in e]


def first_open_incident():
    from iso20k.incidents.models import Incident

    return Incident.objects.filter(is_open=True, is_major=False).order_by("-created_at").first()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_an_agent_works_a_queue(demo, session, language):
    me = session(width=1440, height=900)
    me.login("chenjing")
    me.switch_language(language)
    me.goto("/desk/")
    me.shot(f"desk-overview-{language}")
    me.goto("/incidents/?queue=all")
    assert me.page.locator("#ticket-table tbody tr").count() == 25
    me.shot(f"queue-all-{language}")
    me.page.fill("#id_q", "宕机")
    me.page.wait_for_url(re.compile(r".*q=%E5%AE%95%E6%9C%BA.*"))
    me.page.wait_for_load_state("networkidle")
    assert me.page.locator("#ticket-table tbody tr[id^=ticket-]").count() >= 1
    me.shot(f"queue-search-chinese-{language}")
    me.goto("/incidents/?queue=all&page=last")
    assert me.page.locator("#ticket-table tbody tr[id^=ticket-]").count() >= 1

    incident = first_open_incident()
    me.goto(f"/incidents/{incident.pk}/")
    assert me.page.locator("#sla-clock").is_visible()
    me.shot(f"incident-detail-{language}")
    if incident.assignee_id != me_user_id("chenjing"):
        me.click_and_wait("#actions form[action$='/take/'] button", f"**/incidents/{incident.pk}/")
    me.page.fill("#reply-form textarea[name=body]", "正在处理，请稍候。We are on it.")
    me.page.click("#reply-form button[type=submit]")
    me.page.wait_for_load_state("networkidle")
    me.goto(f"/incidents/{incident.pk}/")
    assert "We are on it." in me.page.locator("#comments").inner_text()

    me.goto(f"/incidents/{incident.pk}/resolve/")
    me.page.fill("#id_resolution_notes", "已重启服务 Restarted the service")
    me.page.select_option("#id_resolution_code", "known_error")  # but no known error chosen
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#field-known_error .invalid-feedback")
    me.shot(f"incident-resolve-refused-{language}")
    me.page.select_option("#id_resolution_code", "fixed")
    me.click_and_wait("#form button[type=submit]", f"**/incidents/{incident.pk}/")
    assert me.page.locator("#status-line .ticket-status").inner_text().strip() in {
        "Resolved",
        "已解决",
    }
    me.shot(f"incident-resolved-{language}")
    assert unexpected(me.errors) == []


def me_user_id(username: str) -> int:
    from iso20k.accounts.models import User

    return User.objects.get(username=username).pk


def fulfil(reference_pk: int) -> None:
    """The desk fulfils the request (through the services, as an agent would)."""
    from iso20k.accounts.models import User
    from iso20k.servicerequests import services
    from iso20k.servicerequests.models import ServiceRequest

    agent = User.objects.get(username="lixue")
    request = ServiceRequest.objects.get(pk=reference_pk)
    services.add_request_comment(request, actor=agent, body="已重置 Reset done", is_public=True)
    request.refresh_from_db()
    services.fulfil_request(
        request,
        actor=agent,
        expected_version=request.version,
        notes="密码已重置并通过短信发送。Password reset; sent by text message.",
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize("width", [1366, 360])
def test_a_customer_raises_and_rates_a_request(demo, session, language, width):
    from iso20k.servicecatalogue.models import RequestItem
    from iso20k.servicerequests.models import ServiceRequest

    me = session(width=width, height=800)
    me.login("customer1")
    assert me.page.url.endswith("/portal/")
    me.switch_language(language)
    me.shot(f"portal-home-{width}-{language}")
    me.click_and_wait("#start a[href='/portal/catalogue/']", "**/portal/catalogue/")
    me.shot(f"portal-catalogue-{width}-{language}")
    item = RequestItem.objects.get(code="password-reset")
    me.goto(f"/portal/catalogue/{item.pk}/")
    me.page.fill("#id_account", "   ")  # blank once trimmed: refused by the server
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#field-account .invalid-feedback")
    me.shot(f"portal-request-missing-field-{width}-{language}")
    me.page.fill("#id_account", "zhoumin")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_url(re.compile(r".*/portal/tickets/requests/\d+/$"))
    me.page.wait_for_load_state("networkidle")
    request = ServiceRequest.objects.filter(requester__username="customer1").latest("pk")
    assert request.source == "portal" and request.answers == {"account": "zhoumin"}
    me.shot(f"portal-request-sent-{width}-{language}")

    fulfil(request.pk)
    me.goto(f"/portal/tickets/requests/{request.pk}/")
    assert "Reset done" in me.page.locator("#comments").inner_text()
    me.page.check("#rate-form input[name=rating][value='5']")
    me.page.fill("#rate-form textarea[name=comment]", "很快，谢谢！")
    me.page.click("#rate-form button[type=submit]")
    me.page.wait_for_selector("#messages .alert-success")
    me.page.wait_for_load_state("networkidle")
    request.refresh_from_db()
    assert request.rating == 5
    me.shot(f"portal-request-rated-{width}-{language}")
    if width == 360:
        for path in [
            "/portal/",
            "/portal/catalogue/",
            "/portal/report/",
            "/portal/tickets/",
            f"/portal/tickets/requests/{request.pk}/",
        ]:
            me.goto(path)
            scroll = me.page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= 360, (path, scroll)
    assert unexpected(me.errors) == []


PAGES = [
    ("incidents-mine", "/incidents/"),
    ("incidents-breaching", "/incidents/?queue=breaching"),
    ("incident-new", "/incidents/new/"),
    ("requests", "/requests/?queue=all"),
    ("request-catalogue", "/requests/new/"),
    ("problems", "/problems/"),
    ("trends", "/problems/trends/"),
    ("known-errors", "/problems/known-errors/"),
    ("groups", "/desk/groups/"),
    ("report-achievement", "/desk/reports/achievement/"),
    ("report-overdue", "/desk/reports/overdue/"),
    ("report-reopens", "/desk/reports/reopens/"),
    ("report-satisfaction", "/desk/reports/satisfaction/"),
    ("home", "/"),
]


def detail_pages() -> list[tuple[str, str]]:
    from iso20k.incidents.models import Incident
    from iso20k.problems.models import KnownError, Problem
    from iso20k.servicerequests.models import ServiceRequest

    major = Incident.objects.filter(is_major=True, review__isnull=False).first()
    waiting = Incident.objects.filter(is_major=True, review__isnull=True).first()
    request = ServiceRequest.objects.filter(tasks__isnull=False).first()
    return [
        ("incident-major-reviewed", major.get_absolute_url()),
        ("incident-major-awaiting-review", waiting.get_absolute_url()),
        ("incident-escalate", f"/incidents/{waiting.pk}/escalate/"),
        ("request-detail", request.get_absolute_url()),
        ("problem-detail", Problem.objects.filter(status="known_error").first().get_absolute_url()),
        ("known-error-detail", KnownError.objects.first().get_absolute_url()),
    ]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_service_desk_page_renders_in_both_languages(demo, session, language):
    me = session(width=1440, height=900)
    me.login("chenjing")
    me.switch_language(language)
    for name, path in PAGES + detail_pages():
        assert me.goto(path).status == 200, path
        me.shot(f"{name}-{language}")
    phone = session(width=360, height=780)
    phone.login("chenjing")
    phone.switch_language(language)
    for path in ["/incidents/", "/desk/reports/achievement/"]:
        phone.goto(path)
        phone.shot(f"narrow-{path.strip('/').replace('/', '-')}-{language}")
    assert unexpected(me.errors) == [] and unexpected(phone.errors) == []
