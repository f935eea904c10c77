"""Demo gap assessments of Huaxin Cloud: a baseline four months ago and a follow-up last
month that shows progress, with gaps (some turned into tasks of the programme).

Idempotent: does nothing if the baseline exists.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from iso20k.accounts.models import User

from . import services
from .models import Assessment

BASELINE = "首次差距评估 · Baseline gap assessment"
FOLLOW_UP = "第二次差距评估 · Follow-up gap assessment"
NA_CLAUSE = "8.3.4.2"
NA_REASON = (
    "华信没有内部供方，所有服务组件由本公司或外部供方提供。"
    " / Huaxin has no internal suppliers: every service component is delivered by Huaxin "
    "itself or by external suppliers."
)
# Baseline ratings by clause (everything else: "initial").
BASELINE_RATINGS = {
    "4.1": "defined",
    "4.2": "defined",
    "4.3": "conforming",
    "5.1": "defined",
    "5.2.1": "not_addressed",
    "5.2.2": "not_addressed",
    "6.1": "not_addressed",
    "6.2.1": "not_addressed",
    "7.2": "defined",
    "7.5.1": "not_addressed",
    "8.2.1": "not_addressed",
    "8.2.6": "not_addressed",
    "8.3.3": "not_addressed",
    "8.5.1.1": "initial",
    "8.6.1": "defined",
    "8.6.2": "defined",
    "8.6.3": "not_addressed",
    "8.7.1": "not_addressed",
    "9.2": "not_addressed",
    "9.3": "not_addressed",
    "10.1": "not_addressed",
}
# Follow-up changes: what the programme achieved in between.
FOLLOW_UP_RATINGS = {
    "4.1": "conforming",
    "4.2": "conforming",
    "5.1": "conforming",
    "5.2.1": "conforming",
    "5.2.2": "defined",
    "6.1": "defined",
    "6.2.1": "defined",
    "7.2": "conforming",
    "7.3": "defined",
    "7.5.1": "defined",
    "7.5.2": "defined",
    "7.5.3": "defined",
    "8.2.1": "defined",
    "8.3.3": "defined",
    "8.5.1.1": "defined",
    "8.6.1": "conforming",
    "8.6.2": "conforming",
    "8.6.3": "initial",
    "8.2.6": "initial",
    "9.2": "initial",
}
# clause, description, priority, owner, days due from the assessment, to task, closed
BASELINE_GAPS = [
    (
        "5.2.1",
        "没有书面的服务管理方针 · No documented service management policy",
        "critical",
        "lina",
        45,
        False,
        "方针已由总经理批准发布 / Policy approved and published",
    ),
    (
        "8.3.3",
        "与客户没有书面 SLA · No written SLAs with customers",
        "critical",
        "zhangwei",
        90,
        True,
        None,
    ),
    (
        "8.5.1.1",
        "变更流程未闭环，缺少实施后评审 · Changes are not reviewed after implementation",
        "high",
        "zhangwei",
        75,
        True,
        None,
    ),
    (
        "8.2.6",
        "没有配置管理数据库 · No configuration management database",
        "high",
        "zhangwei",
        120,
        True,
        None,
    ),
    ("9.2", "尚未策划内部审核 · No internal audit planned", "high", "liuyang", 150, False, None),
    (
        "7.5.1",
        "文件编号和版本规则不统一 · Document numbering and versions are inconsistent",
        "medium",
        "zhaomin",
        60,
        False,
        "已发布文件控制程序 / Document control procedure issued",
    ),
    ("8.6.3", "没有问题管理 · No problem management", "medium", "zhangwei", 150, False, None),
]
FOLLOW_UP_GAPS = [
    (
        "8.6.3",
        "问题记录存在但没有根因分析 · Problems are logged without root cause analysis",
        "medium",
        "zhangwei",
        60,
    ),
    (
        "9.2",
        "内部审核方案尚未覆盖全部条款 · The audit programme does not cover every clause",
        "high",
        "liuyang",
        45,
    ),
]


def _people() -> dict[str, User]:
    return {
        u.username: u
        for u in User.objects.filter(
            username__in=["lina", "liuyang", "zhangwei", "zhaomin", "wangqiang"]
        )
    }


def _rate(assessment, actor, ratings: dict, default: str | None) -> None:
    for rating in assessment.ratings.select_related("clause"):
        number = rating.clause.number
        if number == NA_CLAUSE:
            if rating.rating != "not_applicable":
                services.rate_clause(
                    rating,
                    actor=actor,
                    expected_version=rating.version,
                    rating_value="not_applicable",
                    justification=NA_REASON,
                )
            continue
        value = ratings.get(number) or default or rating.rating
        if value == "not_rated":
            value = rating.previous_rating or "initial"
        if value != rating.rating or rating.carried_over:
            services.rate_clause(
                rating,
                actor=actor,
                expected_version=rating.version,
                rating_value=value,
                notes=_note(number, value),
            )


def _note(number: str, value: str) -> str:
    if value == "conforming":
        return "文件已批准并运行，抽查记录完整 · Documented, followed, records sampled"
    if value == "not_addressed":
        return "访谈确认尚无做法 · Interviews confirm nothing is in place yet"
    return ""


def _attach_sample(assessment, lead) -> None:
    incident = assessment.ratings.get(clause__number="8.6.1")
    sample = (
        "抽查 2025 年第一季度事件工单 20 张，其中 4 张超时未关闭。\n"
        "Sampled 20 incident tickets of Q1: 4 were closed late.\n"
    )
    services.add_evidence(
        incident, actor=lead, upload=SimpleUploadedFile("incident-sample.txt", sample.encode())
    )


def _baseline(people, programme, today):
    lead = people["lina"]
    assessment = services.create_assessment(
        actor=lead,
        title=BASELINE,
        assessed_on=today - timedelta(days=120),
        assessors=[lead, people["liuyang"]],
        programme=programme,
        scope="上海总部与苏州数据中心的全部服务 · All services of the Shanghai headquarters "
        "and the Suzhou data centre",
    )
    _rate(assessment, lead, BASELINE_RATINGS, "initial")
    _attach_sample(assessment, lead)
    gaps = []
    for number, text, priority, owner, days, to_task, closed in BASELINE_GAPS:
        gap = services.raise_gap(
            assessment,
            actor=lead,
            clause=number,
            description=text,
            priority=priority,
            owner=people[owner],
            due_on=assessment.assessed_on + timedelta(days=days),
        )
        gaps.append((gap, to_task, closed))
    return services.complete_assessment(
        assessment,
        actor=lead,
        expected_version=assessment.version,
        summary="体系框架尚未建立，运维流程依赖个人经验。 · The SMS is not yet in place; "
        "operations rely on individual experience.",
    ), gaps


def _act_on_gaps(gaps, people, programme):
    lead = people["lina"]
    document = programme.milestones.get(stage="document") if programme else None
    if programme is not None:
        services.create_tasks_for_gaps(
            [g for g, to_task, _c in gaps if to_task],
            actor=lead,
            programme=programme,
            milestone=document,
        )
    for gap, _to_task, closed in gaps:
        if closed:
            gap.refresh_from_db()
            services.close_gap(gap, actor=lead, expected_version=gap.version, note=closed)


def load(actor) -> str:
    if Assessment.objects.filter(title=BASELINE).exists():
        return "gap assessments already present"
    from iso20k.programme.models import Programme

    people = _people()
    programme = Programme.objects.current()
    today = timezone.localdate()
    baseline, gaps = _baseline(people, programme, today)
    _act_on_gaps(gaps, people, programme)
    follow_up = services.copy_assessment(
        baseline,
        actor=people["lina"],
        assessors=[people["liuyang"], people["zhangwei"]],
        title=FOLLOW_UP,
        assessed_on=today - timedelta(days=20),
    )
    _rate(follow_up, people["liuyang"], FOLLOW_UP_RATINGS, None)
    for number, text, priority, owner, days in FOLLOW_UP_GAPS:
        services.raise_gap(
            follow_up,
            actor=people["liuyang"],
            clause=number,
            description=text,
            priority=priority,
            owner=people[owner],
            due_on=follow_up.assessed_on + timedelta(days=days),
        )
    follow_up.refresh_from_db()
    services.complete_assessment(
        follow_up,
        actor=people["lina"],
        expected_version=follow_up.version,
        summary="方针、事件和服务请求管理已达标；问题管理与内部审核仍需加强。 · Policy, incident "
        "and request management conform; problem management and internal audit need "
        "more work.",
    )
    return "two gap assessments with gaps created"
