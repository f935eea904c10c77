"""Demo programme of Huaxin Cloud: an approved initial-certification programme half way through.

Dates are relative to the day the demo is loaded, so there is always work done, work in
progress and something overdue. Idempotent: does nothing if the programme exists.
"""

from datetime import timedelta

from django.utils import timezone

from iso20k.accounts.models import User

from . import services
from .models import Programme

TITLE_EN = "ISO/IEC 20000-1 initial certification"
CHARTER = {
    "kind": "initial",
    "title_en": TITLE_EN,
    "title_zh_hans": "ISO/IEC 20000-1 首次认证项目",
    "purposes": ["service_quality", "customer_requirements", "market_competitiveness"],
    "objectives_zh_hans": (
        "在目标日期前通过认证机构的第一阶段和第二阶段审核；事件按 SLA 解决率达到 95%；"
        "核心客户续约时能够出示有效证书。"
    ),
    "objectives_en": (
        "Pass the certification body's stage 1 and stage 2 audits by the target date; resolve "
        "95% of incidents within SLA; show a valid certificate when key customers renew."
    ),
    "scope_note_zh_hans": "覆盖上海总部和苏州数据中心提供的三项服务；北京销售办事处不在范围内。",
    "scope_note_en": (
        "The three services delivered from the Shanghai headquarters and the Suzhou data "
        "centre; the Beijing sales office is outside the scope."
    ),
}
BUDGET = [
    ("training", "内审员与意识培训", "Internal auditor and awareness training", 48000, 45600),
    ("consulting", "外部咨询辅导", "External consultant coaching", 120000, 60000),
    ("tooling", "ITSM 工具许可与实施", "ITSM tool licences and set-up", 80000, 82500),
    ("certification", "认证机构审核费", "Certification body audit fees", 65000, 0),
    ("internal", "内部人力投入", "Internal staff effort", 150000, 90000),
    ("travel", "差旅与会场", "Travel and venues", 12000, 4800),
]
MEMBERS = [
    ("zhangwei", "process_owner", "8.6.1", "负责事件与变更管理程序的编写和运行。"),
    ("chenjing", "member", None, "服务台代表：工单流程与记录。"),
    ("liuyang", "internal_auditor", None, "策划并实施内部审核，不审核自己的工作。"),
    ("zhaomin", "member", None, "行政部代表：培训组织、文件发放与归档。"),
]
RACI = {
    "8.6.1": {"zhangwei": "A", "chenjing": "R", "lina": "C", "liuyang": "I"},
    "8.5.1": {"zhangwei": "A", "chenjing": "R", "liuyang": "C", "wangqiang": "I"},
    "8.3.3": {"lina": "A", "zhangwei": "R", "chenjing": "C", "wangqiang": "I"},
    "8.6.2": {"zhangwei": "A", "chenjing": "R", "zhaomin": "I"},
}
# title, owner, stage, days from today (due), status, note
TASKS = [
    ("确定认证目的与范围 · Agree the purpose and scope", "lina", "plan", -160, "done", ""),
    ("组织 ISO/IEC 20000 意识培训 · Run awareness training", "lina", "learn", -130, "done", ""),
    ("完成首次差距评估 · Complete the first gap assessment", "liuyang", "learn", -115, "done", ""),
    ("编写《服务管理手册》 · Write the SMS manual", "lina", "document", 10, "in_progress", ""),
    (
        "编写《事件管理程序》 · Write the incident management procedure",
        "zhangwei",
        "document",
        -5,
        "in_progress",
        "",
    ),
    (
        "整理员工培训签到表 · File the training attendance sheets",
        "zhaomin",
        "document",
        -2,
        "todo",
        "",
    ),
    (
        "配置 ITSM 工具工单流程 · Configure the ITSM ticket workflows",
        "chenjing",
        "operate",
        40,
        "todo",
        "",
    ),
    (
        "采购 CMDB 自动发现工具 · Buy a CMDB discovery tool",
        "zhangwei",
        "operate",
        30,
        "blocked",
        "等待预算追加审批 · Waiting for extra budget",
    ),
    (
        "外部顾问第二轮辅导 · Second consultant visit",
        "lina",
        "document",
        20,
        "cancelled",
        "改为内部研讨会 · Replaced by an internal workshop",
    ),
    ("制定内部审核方案 · Draft the internal audit programme", "liuyang", "review", 90, "todo", ""),
]


def _people() -> dict[str, User]:
    names = {"wangqiang", "lina", "zhangwei", "chenjing", "liuyang", "zhaomin"}
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _approve(programme, people):
    from iso20k.organisations.models import ScopeStatement

    lead, top = people["lina"], people["wangqiang"]
    scope = ScopeStatement.objects.filter(status="approved").first()
    programme = services.update_programme(
        programme, actor=lead, expected_version=programme.version, scope_statement=scope
    )
    programme = services.submit_programme(programme, actor=lead, expected_version=programme.version)
    return services.approve_programme(
        programme,
        actor=top,
        expected_version=programme.version,
        note="同意立项，预算按计划执行 / Approved; spend as budgeted",
    )


def _team(programme, people):
    lead = people["lina"]
    for username, role, process, duties in MEMBERS:
        services.add_member(
            programme,
            actor=lead,
            person=people[username],
            role=role,
            process=process,
            responsibilities=duties,
            joined_on=programme.starts_on,
        )
    members = {
        m.person.username: m.pk
        for m in programme.team.active().select_related("person")
        if m.role != "sponsor" or m.person.username == "wangqiang"
    }
    for number, letters in RACI.items():
        services.set_process_raci(
            programme,
            actor=lead,
            clause=number,
            letters={members[u]: letter for u, letter in letters.items()},
        )


def _tasks(programme, people, today):
    lead = people["lina"]
    milestones = {m.stage: m for m in programme.milestones.all()}
    for title, owner, stage, due, status, note in TASKS:
        task = services.create_task(
            programme,
            actor=lead,
            title=title,
            owner=people[owner],
            due_on=today + timedelta(days=due),
            milestone=milestones[stage],
            priority="high" if due < 15 else "medium",
        )
        if status != "todo":
            services.change_task_status(
                task,
                actor=people[owner] if status != "cancelled" else lead,
                expected_version=task.version,
                status=status,
                note=note,
            )


def _milestones(programme, lead, today):
    starts = programme.starts_on
    plan = programme.milestones.get(stage="plan")
    services.update_milestone(
        plan,
        actor=lead,
        expected_version=plan.version,
        actual_start_on=starts,
        actual_end_on=starts + timedelta(days=25),
    )
    learn = programme.milestones.get(stage="learn")
    services.update_milestone(
        learn,
        actor=lead,
        expected_version=learn.version,
        actual_start_on=starts + timedelta(days=26),
        actual_end_on=starts + timedelta(days=90),
    )
    document = programme.milestones.get(stage="document")
    services.update_milestone(
        document,
        actor=lead,
        expected_version=document.version,
        actual_start_on=starts + timedelta(days=85),
    )


def load(actor) -> str:
    if Programme.objects.filter(title_en=TITLE_EN).exists():
        return "programme already present"
    people = _people()
    today = timezone.localdate()
    programme = services.create_programme(
        actor=people["lina"],
        starts_on=today - timedelta(days=180),
        target_on=today + timedelta(days=180),
        sponsor=people["wangqiang"],
        lead=people["lina"],
        **CHARTER,
    )
    programme = _approve(programme, people)
    for category, chinese, english, planned, spent in BUDGET:
        services.add_budget_line(
            programme,
            actor=people["lina"],
            category=category,
            description_zh_hans=chinese,
            description_en=english,
            planned_amount=planned,
            actual_amount=spent,
        )
    _team(programme, people)
    _tasks(programme, people, today)
    _milestones(programme, people["lina"], today)
    return "approved programme with milestones, budget, team, RACI and tasks created"
