"""Demo training of Huaxin Cloud: competences and requirements per role, four courses with
held sessions (the case-sharing session included), results, certificates, one upcoming
session, and a matrix with a few gaps (a failed test, an expired record).

Idempotent: does nothing if the competences exist.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from iso20k.accounts.models import User

from . import services
from .models import Competence

COMPETENCES = [
    ("sms-awareness", "服务管理体系意识", "SMS awareness", None),
    ("iso20000-auditing", "服务管理体系内部审核", "Auditing the SMS", 36),
    ("incident-management", "事件管理", "Incident management", 24),
    ("change-management", "变更管理", "Change management", 24),
    ("itsm-tool", "ITSM 工具使用", "Using the ITSM tool", None),
]
REQUIREMENTS = {
    "top_management": ["sms-awareness"],
    "certification_lead": ["sms-awareness", "iso20000-auditing"],
    "process_owner": ["sms-awareness", "incident-management", "change-management"],
    "agent": ["sms-awareness", "incident-management", "itsm-tool"],
    "internal_auditor": ["sms-awareness", "iso20000-auditing"],
    "staff": ["sms-awareness"],
}
# kind, Chinese, English, hours, has test, competences
COURSES = [
    (
        "awareness",
        "ISO/IEC 20000-1 标准宣贯",
        "ISO/IEC 20000-1 awareness",
        2,
        False,
        ["sms-awareness"],
    ),
    (
        "internal_auditor",
        "ISO/IEC 20000-1 内审员培训",
        "ISO/IEC 20000-1 internal auditor",
        16,
        True,
        ["iso20000-auditing", "sms-awareness"],
    ),
    (
        "process",
        "事件管理流程与工单系统培训",
        "Incident process and ticket tool",
        4,
        False,
        ["incident-management", "itsm-tool"],
    ),
    (
        "case_sharing",
        "服务管理案例分享会",
        "Service management case-sharing",
        1.5,
        False,
        ["sms-awareness"],
    ),
]
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _people() -> dict[str, User]:
    names = ["wangqiang", "lina", "zhangwei", "chenjing", "liuyang", "zhaomin"]
    return {u.username: u for u in User.objects.filter(username__in=names)}


def _definitions(lead):
    competences = {}
    for code, chinese, english, months in COMPETENCES:
        competences[code] = services.create_competence(
            actor=lead, code=code, name_zh_hans=chinese, name_en=english, valid_months=months
        )
    for role, codes in REQUIREMENTS.items():
        for code in codes:
            services.require_competence(actor=lead, role=role, competence=competences[code])
    courses = []
    for kind, chinese, english, hours, test, codes in COURSES:
        courses.append(
            services.create_course(
                actor=lead,
                kind=kind,
                title_zh_hans=chinese,
                title_en=english,
                duration_hours=hours,
                has_test=test,
                provider="华信质量部 · Huaxin Quality",
                competences=[competences[c] for c in codes],
            )
        )
    return competences, courses


def _session(course, lead, days_ago: int, hours: float, people, results=None, **fields):
    start = timezone.now().replace(hour=9, minute=30, second=0, microsecond=0) - timedelta(
        days=days_ago
    )
    session = services.schedule_session(
        course, actor=lead, starts_at=start, ends_at=start + timedelta(hours=hours), **fields
    )
    attendances = services.invite(session, actor=lead, people=people)
    if days_ago <= 0:
        return session
    session = services.hold_session(session, actor=lead, expected_version=session.version)
    for attendance in attendances:
        result = (results or {}).get(attendance.person.username)
        if result == "excused":
            services.record_attendance(
                attendance,
                actor=lead,
                expected_version=attendance.version,
                status="excused",
                note="出差 · Travelling",
            )
            continue
        data = {"status": "attended"}
        if course.has_test:
            data["result"], data["score"] = result or ("passed", 80)
            if data["result"] == "passed":
                data["certificate_number"] = f"IA-{attendance.pk:04d}"
        services.record_attendance(
            attendance, actor=lead, expected_version=attendance.version, **data
        )
    return session


def _certify(session, person, lead) -> None:
    attendance = session.attendances.get(person=person)
    upload = SimpleUploadedFile(f"{person.username}-internal-auditor.pdf", PDF)
    services.add_certificate(attendance, actor=lead, upload=upload)


def _held_sessions(people, lead, courses) -> None:
    awareness, auditor, incident, sharing = courses
    _session(
        awareness,
        lead,
        140,
        2,
        list(people.values()),
        results={"wangqiang": "excused"},
        location="上海总部 3 楼会议室",
        trainer="李娜 Li Na",
        topic="标准结构与七个阶段 · The standard and the seven stages",
    )
    auditors = _session(
        auditor,
        lead,
        110,
        16,
        [people["liuyang"], lead, people["zhangwei"]],
        results={"liuyang": ("passed", 86), "lina": ("passed", 92), "zhangwei": ("failed", 58)},
        location="外部培训机构",
        trainer="认证培训讲师 · Certified trainer",
    )
    _certify(auditors, people["liuyang"], lead)
    _session(
        incident,
        lead,
        60,
        4,
        [people["chenjing"], people["zhangwei"]],
        location="苏州数据中心",
        trainer="张伟 Zhang Wei",
    )
    _session(
        sharing,
        lead,
        30,
        1.5,
        [people["chenjing"], people["zhangwei"], people["zhaomin"]],
        location="线上会议 · Online",
        trainer="陈静 Chen Jing",
        topic="3 月 12 日数据库宕机的重大事件复盘 · Review of the 12 March database outage",
    )


def load(actor) -> str:
    if Competence.objects.filter(code="sms-awareness").exists():
        return "training already present"
    people = _people()
    lead = people["lina"]
    competences, courses = _definitions(lead)
    _held_sessions(people, lead, courses)
    _session(
        courses[1],
        lead,
        -14,
        16,
        [people["zhangwei"]],
        location="外部培训机构",
        topic="补考与复训 · Resit and refresher",
    )
    services.record_competence(
        actor=lead,
        person=people["zhangwei"],
        competence=competences["change-management"],
        achieved_on=timezone.localdate() - timedelta(days=800),
        source="前雇主 ITIL 变更管理课程 · ITIL change course with a former employer",
    )
    return "competences, courses, sessions, attendance and a competence matrix created"
