"""Document control in a real browser: a procedure drafted, reviewed, approved and read; the
manual generated from its template; every page shot in both languages and on a phone."""

import re

import pytest

DOCUMENT_PAGE = re.compile(r".*/documents/\d+/$")

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "en": {
        "title": "Major incident procedure",
        "body": "# 1 Purpose\nDeclare and review major incidents.\n\n1. Declare\n2. Inform",
        "summary": "First issue",
        "approved": "Approved",
        "read": "I have read it",
    },
    "zh-hans": {
        "title": "重大事件处理程序",
        "body": "# 1 目的\n宣布、协调并回顾重大事件。\n\n1. 宣布\n2. 通知",
        "summary": "首次发布",
        "approved": "已批准",
        "read": "我已阅读",
    },
}


def open_as(session, username: str, language: str):
    me = session()
    me.login(username)
    me.switch_language(language)
    return me


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_procedure_is_drafted_reviewed_approved_and_acknowledged(demo, session, language):
    text, code = TEXT[language], f"SMS-P-MI-{language.upper()}"
    owner = open_as(session, "zhangwei", language)
    owner.goto("/documents/new/")
    owner.page.fill("#id_code", code)
    owner.page.select_option("#id_tier", "l2")
    owner.page.fill("#id_title_zh_hans" if language == "zh-hans" else "#id_title_en", text["title"])
    owner.page.select_option("#id_clauses", "iso20000-1:2018:8.6.1")
    owner.page.select_option("#id_required_information", "major-incident-procedure")
    owner.click_and_wait("#form button[type=submit]", DOCUMENT_PAGE)
    document_url = owner.page.url
    owner.shot(f"document-registered-{language}")
    owner.click_and_wait("a[href$='/v1/']", "**/v1/")
    owner.click_and_wait("#edit-draft", "**/v1/edit/")
    owner.page.fill("#id_change_summary", text["summary"])
    body = "#id_body_zh_hans" if language == "zh-hans" else "#id_body_en"
    owner.page.fill(body, text["body"])
    owner.page.select_option("#id_reviewers", label="李娜 Li Na (lina)")
    owner.page.select_option("#id_approvers", label="王强 Wang Qiang (wangqiang)")
    owner.shot(f"version-draft-form-{language}")
    owner.click_and_wait("#form button[type=submit]", "**/v1/")
    owner.click_and_wait("#send-for-review", "**/v1/submit/")
    owner.click_and_wait("#form button[type=submit]", "**/v1/")
    version_url = owner.page.url

    reviewer = open_as(session, "lina", language)
    reviewer.page.goto(version_url)
    reviewer.click_and_wait("#record-review", "**/v1/review/")
    reviewer.page.check("input[name=decision][value=agree]")
    reviewer.click_and_wait("#form button[type=submit]", "**/v1/")
    reviewer.shot(f"version-reviewed-{language}")

    approver = open_as(session, "wangqiang", language)
    approver.page.goto(version_url)
    approver.click_and_wait("#approve", "**/v1/approve/")
    approver.shot(f"version-approve-form-{language}")
    approver.click_and_wait("#form button[type=submit]", "**/v1/")
    assert text["approved"] in approver.page.locator("h1").inner_text()
    approver.shot(f"version-approved-{language}")

    owner.page.goto(document_url + "reading/")
    owner.page.select_option("#id_people", label="陈静 Chen Jing (chenjing)")
    owner.click_and_wait("#assign-reading", "**/reading/")
    owner.shot(f"document-reading-assigned-{language}")

    reader = open_as(session, "chenjing", language)
    reader.goto("/documents/reading/")
    reader.shot(f"my-reading-list-{language}")
    reader.click_and_wait(
        f"#outstanding .list-group-item:has-text('{code}') >> text={text['read']}", "**/confirm/"
    )
    reader.click_and_wait("#form button[type=submit]", "**/documents/reading/")
    assert code in reader.page.locator("#done").inner_text()
    reader.shot(f"my-reading-confirmed-{language}")
    for person in (owner, reviewer, approver, reader):
        assert person.errors == []


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_manual_is_generated_from_its_template(demo, session, language):
    lead = open_as(session, "lina", language)
    lead.goto("/documents/templates/")
    lead.shot(f"document-templates-{language}")
    lead.click_and_wait(
        "a[href='/documents/templates/service-management-manual/'] >> nth=0",
        "**/templates/service-management-manual/",
    )
    lead.shot(f"template-manual-preview-{language}")
    code = f"SMS-M-02-{language.upper()}"
    lead.page.fill("#id_code", code)
    lead.click_and_wait("#generate", DOCUMENT_PAGE)
    heading = lead.page.locator("h1").inner_text()
    assert code in heading
    organisation = (
        "华信云服务有限公司" if language == "zh-hans" else "Huaxin Cloud Services Co., Ltd."
    )
    lead.click_and_wait("a[href$='/v1/']", "**/v1/")
    assert organisation in lead.page.locator("#content").inner_text()
    with lead.page.expect_download() as download:
        lead.page.click("#export-docx")
    assert download.value.suggested_filename.endswith(".docx")
    lead.shot(f"manual-generated-{language}")
    assert lead.errors == []


PAGES = [
    ("document-register", "/documents/"),
    ("document-register-search", "/documents/?q=incident"),
    ("document-manual", "{SMS-M-01}"),
    ("document-revised-versions", "{SMS-P-8.6.2}"),
    ("document-superseded-version", "{SMS-P-8.6.2}v1/"),
    ("document-in-review", "{SMS-P-8.6.3}v1/"),
    ("document-with-file", "{SMS-F-11}v1/"),
    ("document-reading", "{SMS-P-8.6.1}reading/"),
    ("mandatory-information", "/documents/mandatory/"),
    ("itil-mapping", "/documents/itil/"),
    ("document-new", "/documents/new/"),
]


def page_of(path: str) -> str:
    """Replace {CODE} by the document's page: primary keys differ between test runs."""
    from iso20k.documents.models import Document

    match = re.match(r"\{(.+)\}(.*)", path)
    if not match:
        return path
    return Document.objects.get(code=match.group(1)).get_absolute_url() + match.group(2)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_document_page_renders_in_both_languages(demo, session, language):
    me = open_as(session, "lina", language)
    for name, path in PAGES:
        response = me.goto(page_of(path))
        assert response.status == 200, path
        me.shot(f"{name}-{language}")
    assert me.errors == [], me.errors


def test_document_pages_fit_a_phone(demo, session):
    phone = session(width=360, height=740)
    phone.login("chenjing")
    for path in [
        "/documents/",
        "{SMS-M-01}",
        "/documents/reading/",
        "/documents/itil/",
        "{SMS-P-8.6.1}v1/",
    ]:
        phone.goto(page_of(path))
        overflow = phone.page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth + 1"
        )
        assert not overflow, path
    phone.shot("document-phone-en")
