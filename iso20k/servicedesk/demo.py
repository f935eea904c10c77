"""Demo service desk teams of Huaxin Cloud: four more agents and five support groups with
their managers, plus two saved filters (one shared)."""

from iso20k.accounts import services as accounts
from iso20k.accounts.choices import Role
from iso20k.accounts.demo import PASSWORD
from iso20k.accounts.models import Grant, User

from .models import SavedFilter, SupportGroup
from .services import filters, groups

# username, display name, department
AGENTS = [
    ("wangfang", "王芳 Wang Fang", "云平台运维 Cloud Operations"),
    ("sunhao", "孙浩 Sun Hao", "数据库组 Database Team"),
    ("zhoujie", "周杰 Zhou Jie", "网络组 Network Team"),
    ("lixue", "李雪 Li Xue", "办公 IT Office IT"),
]
# code, Chinese name, English name, manager, members
GROUPS = [
    ("service-desk", "一线服务台", "Service desk (first line)", "zhangwei", ["chenjing", "lixue"]),
    ("cloud-ops", "云平台运维组", "Cloud operations", "zhangwei", ["wangfang", "chenjing"]),
    ("dba", "数据库组", "Database team", "zhangwei", ["sunhao"]),
    ("network", "网络组", "Network team", "zhangwei", ["zhoujie"]),
    ("office-it", "办公 IT 组", "Office IT", "lina", ["lixue"]),
]


def _agent(username: str, display: str, department: str, actor) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        user = accounts.create_user(
            actor=actor,
            username=username,
            password=PASSWORD,
            email=f"{username}@huaxin-cloud.example",
            display_name=display,
            department=department,
            language="zh-hans",
        )
    if not Grant.objects.active().filter(user=user, role=Role.AGENT).exists():
        granter = User.objects.filter(username="admin").first() or actor
        accounts.grant_role(user, actor=granter, role=Role.AGENT, note="demo")
    return user


def load(actor) -> str:
    for spec in AGENTS:
        _agent(*spec, actor=actor)
    created = 0
    for code, name_zh, name_en, manager, members in GROUPS:
        if SupportGroup.objects.filter(code=code).exists():
            continue
        groups.create_group(
            actor=actor,
            code=code,
            name_zh_hans=name_zh,
            name_en=name_en,
            manager=User.objects.get(username=manager),
            members=User.objects.filter(username__in=members),
        )
        created += 1
    from iso20k.customers.models import Customer

    chenjing = User.objects.get(username="chenjing")
    bank = Customer.objects.filter(code="dongfang-bank").first()
    if bank and not SavedFilter.objects.filter(owner=chenjing).exists():
        filters.save_filter(
            actor=chenjing,
            kind="incidents",
            name="未关闭·按优先级 Open by priority",
            query="queue=all&status=open&sort=priority",
            is_shared=True,
        )
        filters.save_filter(
            actor=chenjing,
            kind="incidents",
            name="东方银行 Dongfang Bank",
            query=f"queue=all&status=open&customer={bank.pk}",
        )
    if not created:
        return "support groups already present"
    return f"{len(AGENTS)} agents and {created} support groups created"


def logins() -> list[tuple[str, str]]:
    return [(username, "Service desk agent") for username, _d, _dep in AGENTS]
