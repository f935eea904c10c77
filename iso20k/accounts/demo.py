"""Demo people of the bilingual demo organisation, one per role (password: iso20k-demo)."""

from datetime import timedelta

from django.utils import timezone

from . import services
from .choices import Role, ScopeKind
from .models import Grant, User

PASSWORD = "iso20k-demo"

# username, display name, department, language, role, scope
PEOPLE = [
    ("admin", "系统管理员 Admin", "IT", "en", Role.ADMINISTRATOR, ""),
    (
        "wangqiang",
        "王强 Wang Qiang",
        "总经办 General Management",
        "zh-hans",
        Role.TOP_MANAGEMENT,
        "",
    ),
    ("lina", "李娜 Li Na", "质量部 Quality", "zh-hans", Role.CERTIFICATION_LEAD, ""),
    ("zhangwei", "张伟 Zhang Wei", "运维部 IT Operations", "zh-hans", Role.PROCESS_OWNER, "8.6.1"),
    ("chenjing", "陈静 Chen Jing", "服务台 Service Desk", "zh-hans", Role.AGENT, ""),
    ("liuyang", "刘洋 Liu Yang", "审计部 Internal Audit", "en", Role.INTERNAL_AUDITOR, ""),
    ("auditor", "Sarah Miller (CB)", "", "en", Role.EXTERNAL_AUDITOR, ""),
    ("zhaomin", "赵敏 Zhao Min", "行政部 Administration", "zh-hans", Role.STAFF, ""),
]


def load(actor) -> str:
    created = 0
    admin = None
    for username, display, department, language, role, scope_ref in PEOPLE:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = services.create_user(
                actor=actor,
                username=username,
                password=PASSWORD,
                email=f"{username}@huaxin-cloud.example",
                display_name=display,
                department=department,
                language=language,
            )
            created += 1
        admin = admin or user
        if Grant.objects.active().filter(user=user, role=role).exists():
            continue
        granter = actor if user.pk == admin.pk else admin
        services.grant_role(
            user,
            actor=granter,
            role=role,
            scope_kind=ScopeKind.PROCESS if scope_ref else ScopeKind.ORGANISATION,
            scope_ref=scope_ref,
            valid_until=timezone.now() + timedelta(days=90)
            if role == Role.EXTERNAL_AUDITOR
            else None,
            note="demo",
        )
    return f"{created} users created" if created else "users already present"


def logins() -> list[tuple[str, str]]:
    """(username, role label) of the demo people, for the start-up banner."""
    labels = dict(Role.choices)
    return [(username, str(labels[role])) for username, _d, _dep, _l, role, _s in PEOPLE]
