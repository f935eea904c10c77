"""A certification lead in a real browser: creates a programme, runs a gap assessment, turns a
gap into a task and looks at the timeline, in English and in Chinese; every page is shot."""

import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _programme_id(me) -> str:
    return re.search(r"/programme/(\d+)/", me.page.url).group(1)


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_lead_plans_assesses_and_acts_on_a_gap(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    suffix = language
    # 1. Create a programme (the demo already has one; this is next year's recertification).
    me.goto("/programme/new/")
    me.page.select_option("#id_kind", "recertification")
    me.page.fill("#id_title_zh_hans", "2027 年再认证")
    me.page.fill("#id_title_en", "2027 recertification")
    me.page.check("input[name=purposes][value=customer_requirements]")
    me.page.fill("#id_starts_on", "2027-01-04")
    me.page.fill("#id_target_on", "2026-12-01")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#field-target_on .invalid-feedback")
    me.shot(f"programme-form-error-{suffix}")
    me.page.fill("#id_target_on", "2027-10-01")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_url(re.compile(r".*/programme/\d+/$"))
    me.page.wait_for_load_state("networkidle")
    programme_id = _programme_id(me)
    assert me.page.locator("#milestones tbody tr").count() == 7
    me.shot(f"programme-created-{suffix}")
    # 2. Run an assessment: start it, rate a clause, raise a gap against it.
    me.goto("/gaps/assessments/new/")
    me.page.fill("#id_title", "Browser check" if language == "en" else "浏览器检查")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_url(re.compile(r".*/gaps/assessments/\d+/$"))
    me.page.wait_for_load_state("networkidle")
    assessment_url = me.page.url
    me.goto(assessment_url.split(me.base_url)[1] + "clauses/8.6.1/")
    me.page.check("input[name=rating][value=not_applicable]")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_selector("#field-justification .invalid-feedback")
    me.shot(f"rating-na-needs-justification-{suffix}")
    me.page.check("input[name=rating][value=initial]")
    me.page.fill("#id_notes", "Tickets sampled; no major incident review")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_url("**/clauses/8.6.2/")
    me.goto(assessment_url.split(me.base_url)[1] + "clauses/8.6.1/")
    me.page.fill("#gap-form #id_description", "Major incidents are not reviewed")
    me.page.select_option("#gap-form #id_priority", "high")
    owner = me.page.locator("#gap-form #id_owner option", has_text="Zhang Wei")
    me.page.select_option("#gap-form #id_owner", owner.get_attribute("value"))
    me.page.fill("#gap-form #id_due_on", "2027-03-01")
    me.page.click("#gap-form button[type=submit]")
    me.page.wait_for_selector("#clause-gaps .list-group-item-action")
    me.shot(f"rating-with-gap-{suffix}")
    me.goto(assessment_url.split(me.base_url)[1])
    assert me.page.locator("#heatmap .heat-tile.tile-1").count() >= 1
    me.shot(f"assessment-heatmap-{suffix}")
    # 3. Turn the gap into a task of the new programme.
    me.goto("/gaps/list/?q=Major+incidents+are+not+reviewed")
    me.page.locator("#gap-table input[name=gaps]").first.check()
    me.click_and_wait("#to-tasks button[type=submit]", "**/gaps/to-tasks/**")
    me.page.select_option("#id_programme", programme_id)
    title = me.page.locator("#id_programme option:checked").inner_text()
    group = me.page.locator(f"#id_milestone optgroup[label='{title}']")
    me.page.select_option("#id_milestone", group.locator("option").nth(2).get_attribute("value"))
    me.shot(f"gaps-to-tasks-{suffix}")
    me.page.click("#form button[type=submit]")
    me.page.wait_for_url(f"**/programme/{programme_id}/tasks/")
    me.page.wait_for_load_state("networkidle")
    assert me.page.locator("#task-table", has_text="Major incidents are not reviewed").count()
    me.shot(f"programme-tasks-{suffix}")
    # 4. The timeline shows the milestones and the new task.
    me.goto(f"/programme/{programme_id}/timeline/?range=all")
    assert me.page.locator(".gantt-task", has_text="Major incidents").count() == 1
    me.shot(f"programme-timeline-new-{suffix}")
    # The refused inputs above answer 422 on purpose; nothing else may fail.
    assert [e for e in me.errors if "status of 422" not in e] == [], me.errors


def test_top_management_approves_a_programme(demo, session):
    lead, top = session(), session()
    lead.login("lina")
    lead.switch_language("en")
    lead.goto("/programme/new/")
    lead.page.fill("#id_title_en", "Scope extension to Beijing")
    lead.page.select_option("#id_kind", "scope_extension")
    lead.page.check("input[name=purposes][value=tenders]")
    lead.page.select_option("#id_scope_statement", index=1)
    lead.page.fill("#id_starts_on", "2027-01-04")
    lead.page.fill("#id_target_on", "2027-06-01")
    lead.page.click("#form button[type=submit]")
    lead.page.wait_for_url(re.compile(r".*/programme/\d+/$"))
    programme_id = _programme_id(lead)
    lead.click_and_wait("#programme-actions a:has-text('Submit for approval')", "**/submit/")
    lead.click_and_wait("button:has-text('Submit for approval')", f"**/programme/{programme_id}/")
    top.login("wangqiang")
    top.switch_language("zh-hans")
    top.goto(f"/programme/{programme_id}/")
    top.click_and_wait("#programme-actions a.btn-success", "**/approve/")
    top.page.fill("#id_note", "同意")
    top.shot("programme-approve-zh-hans")
    top.click_and_wait("#form button[type=submit]", f"**/programme/{programme_id}/")
    assert "王强" in top.page.locator("#approval").inner_text()
    top.shot("programme-approved-zh-hans")


def demo_pages() -> list[tuple[str, str]]:
    """The pages to shoot, with the demo's own ids (they differ from run to run)."""
    from iso20k.gaps.models import Assessment
    from iso20k.programme.models import Programme
    from iso20k.training.models import TrainingSession

    programme = Programme.objects.get(title_en="ISO/IEC 20000-1 initial certification").pk
    baseline, follow_up = Assessment.objects.order_by("assessed_on")[:2]
    sharing = TrainingSession.objects.get(course__kind="case_sharing").pk
    return [
        ("programme-list", "/programme/"),
        ("programme-detail", f"/programme/{programme}/"),
        ("programme-tasks", f"/programme/{programme}/tasks/"),
        ("programme-board", f"/programme/{programme}/board/"),
        ("programme-timeline", f"/programme/{programme}/timeline/"),
        ("programme-budget", f"/programme/{programme}/budget/"),
        ("programme-team", f"/programme/{programme}/team/"),
        ("programme-raci", f"/programme/{programme}/raci/"),
        ("my-tasks", "/programme/tasks/mine/"),
        ("gap-assessments", "/gaps/"),
        ("gap-assessment-follow-up", follow_up.get_absolute_url()),
        ("gap-rating", f"/gaps/assessments/{baseline.pk}/clauses/8.6.1/"),
        ("gap-compare", f"{follow_up.get_absolute_url()}compare/"),
        ("gap-list", "/gaps/list/"),
        ("training", "/training/"),
        ("competence-matrix", "/training/matrix/"),
        ("training-requirements", "/training/requirements/"),
        ("training-case-sharing", f"/training/sessions/{sharing}/"),
        ("my-training", "/training/me/"),
        ("home-journey", "/"),
    ]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_programme_gap_and_training_page_renders(demo, session, language):
    me = session()
    me.login("lina")
    me.switch_language(language)
    for name, path in demo_pages():
        response = me.goto(path)
        assert response.status == 200, path
        me.shot(f"{name}-{language}")
    assert me.errors == [], me.errors


def test_staff_see_their_own_training_and_pages_fit_a_phone(demo, session):
    phone = session(width=360, height=740)
    phone.login("zhaomin")
    phone.goto("/training/me/")
    assert phone.page.locator("#my-requirements").is_visible()
    phone.shot("my-training-phone-zh-hans")
    assert phone.goto("/training/matrix/").status == 404
    phone = session(width=360, height=740)
    phone.login("lina")
    pages = dict(demo_pages())
    for name in [
        "programme-detail",
        "programme-timeline",
        "programme-board",
        "gap-assessment-follow-up",
        "gap-list",
        "competence-matrix",
        "programme-raci",
    ]:
        path = pages[name]
        phone.goto(path)
        phone.shot(f"{name}-phone")
        overflow = phone.page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth + 1"
        )
        assert not overflow, path
    phone.shot("competence-matrix-phone")
