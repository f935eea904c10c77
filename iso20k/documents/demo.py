"""The demo register of Huaxin Cloud: a generated, approved manual, procedures at every stage
of their life, work instructions, record forms, and reading partly confirmed.

Each document is created only when its code is missing, so loading twice changes nothing.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from iso20k.accounts.choices import Role
from iso20k.accounts.models import User
from iso20k.core import exports

from . import services
from .models import Document

# code, template, author, owner, reviewers, approver, target state
PLAN = [
    ("SMS-M-01", "service-management-manual", "lina", "lina", ["liuyang"], "wangqiang", "approved"),
    ("SMS-L1-02", "service-management-policy", "lina", "wangqiang", [], "wangqiang", "approved"),
    ("SMS-L1-03", "service-management-objectives", "lina", "lina", [], "wangqiang", "draft"),
    ("SMS-P-7.5", "document-control-procedure", "lina", "lina", [], "wangqiang", "approved"),
    (
        "SMS-P-8.6.1",
        "incident-management-procedure",
        "zhangwei",
        "zhangwei",
        ["lina"],
        "wangqiang",
        "approved",
    ),
    ("SMS-P-8.5.1", "change-management-procedure", "lina", "lina", [], "wangqiang", "approved"),
    (
        "SMS-P-8.6.3",
        "problem-management-procedure",
        "lina",
        "lina",
        ["zhangwei"],
        "wangqiang",
        "in_review",
    ),
    (
        "SMS-P-8.6.2",
        "service-request-management-procedure",
        "lina",
        "lina",
        [],
        "wangqiang",
        "revised",
    ),
    ("SMS-WI-01", "wi-log-and-resolve-incident", "zhangwei", "zhangwei", [], "lina", "approved"),
    ("SMS-F-01", "form-incident-record", "zhangwei", "zhangwei", [], "lina", "approved"),
    ("SMS-F-02", "form-change-approval", "lina", "lina", [], "wangqiang", "approved"),
    ("SMS-F-11", "form-competence-record", "lina", "lina", [], "wangqiang", "approved"),
]


def _people() -> dict[str, User]:
    return {u.username: u for u in User.objects.filter(username__in=_usernames())}


def _usernames() -> set[str]:
    return {"lina", "wangqiang", "zhangwei", "chenjing", "zhaomin", "liuyang"}


def _send_and_approve(version, author, reviewers, approver, *, summary=""):
    fields = {"change_summary": summary} if summary else {}
    version = services.update_version_draft(
        version,
        actor=author,
        expected_version=version.version,
        reviewers=reviewers,
        approvers=[approver],
        **fields,
    )
    version = services.submit_version(version, actor=author, expected_version=version.version)
    for reviewer in reviewers:
        version = services.review_version(
            version,
            actor=reviewer,
            expected_version=version.version,
            agree=True,
            note="同意 / Agreed",
        )
    return version


def _approve(version, approver):
    return services.approve_version(version, actor=approver, expected_version=version.version)


def _training_matrix() -> SimpleUploadedFile:
    book = exports.workbook()
    exports.add_sheet(
        book,
        "培训矩阵 Training",
        [
            "姓名 Name",
            "角色 Role",
            "ISO/IEC 20000-1 意识 Awareness",
            "ITIL 4 Foundation",
            "内审员 Auditor",
        ],
        [
            ["李娜 Li Na", "认证负责人", "2025-03", "✓", "✓"],
            ["张伟 Zhang Wei", "流程负责人 8.6.1", "2025-03", "✓", ""],
            ["陈静 Chen Jing", "服务台坐席", "2025-04", "✓", ""],
            ["刘洋 Liu Yang", "内审员", "2025-03", "", "✓"],
        ],
    )
    return SimpleUploadedFile("training-matrix.xlsx", exports.xlsx_bytes(book))


def _build(code, template, author, owner, reviewers, approver, state, people):
    author, owner, approver = people[author], people[owner], people[approver]
    reviewers = [people[r] for r in reviewers]
    document = services.generate_document(template, actor=author, code=code, owner=owner)
    version = document.versions.get()
    if code == "SMS-F-11":
        version = services.update_version_draft(
            version, actor=author, expected_version=version.version, upload=_training_matrix()
        )
    if state == "draft":
        return document
    version = _send_and_approve(version, author, reviewers, approver)
    if state == "in_review":
        return document
    _approve(version, approver)
    if state == "revised":
        draft = services.start_revision(document, actor=author)
        draft = services.update_version_draft(
            draft,
            actor=author,
            expected_version=draft.version,
            body_en=draft.body_en + "\n# 8 Request types\nSee the service catalogue.\n",
            body_zh_hans=draft.body_zh_hans + "\n# 8 请求类型\n见服务目录。\n",
        )
        summary = "增加服务请求类型目录 / Request type catalogue added"
        draft = _send_and_approve(draft, author, reviewers, approver, summary=summary)
        _approve(draft, approver)
        draft = services.start_revision(document, actor=author)
        services.update_version_draft(
            draft,
            actor=author,
            expected_version=draft.version,
            change_summary="明确审批时限 / Clarify approval times",
        )
    return document


def _reading(people) -> None:
    manual = Document.objects.get(code="SMS-M-01")
    services.assign_reading(
        manual,
        actor=people["lina"],
        roles=[Role.STAFF, Role.AGENT, Role.PROCESS_OWNER],
        due_in_days=14,
        note="全员阅读 / Everyone reads the manual",
    )
    incident = Document.objects.get(code="SMS-P-8.6.1")
    services.assign_reading(
        incident, actor=people["zhangwei"], roles=[Role.AGENT], people=[people["zhaomin"]]
    )
    for username, code in [("zhangwei", "SMS-M-01"), ("chenjing", "SMS-M-01")]:
        acknowledgement = (
            Document.objects.get(code=code)
            .current_version.acknowledgements.filter(person=people[username])
            .get()
        )
        services.acknowledge_reading(
            acknowledgement, actor=people[username], expected_version=acknowledgement.version
        )


def load(actor) -> str:
    people = _people()
    if set(people) != _usernames():
        return "demo people missing; documents skipped"
    created = 0
    for code, *plan in PLAN:
        if Document.objects.filter(code=code).exists():
            continue
        _build(code, *plan, people)
        created += 1
    if created == len(PLAN):
        _reading(people)
    return f"{created} documents created" if created else "documents already present"
