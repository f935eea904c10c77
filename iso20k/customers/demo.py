"""Demo customers of Huaxin Cloud: three external organisations and its own staff, with
contacts and portal users (customer1…customer3, password iso20k-demo)."""

from iso20k.accounts import services as accounts
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.accounts.demo import PASSWORD
from iso20k.accounts.models import Grant, User

from . import services
from .models import Customer

CUSTOMERS = [
    {
        "code": "dongfang-bank",
        "name_zh_hans": "东方银行股份有限公司",
        "name_en": "Dongfang Bank Co., Ltd.",
        "notes": "核心系统托管客户，要求 7×24 支持。 / Core-system hosting; 24×7 support.",
        "contacts": [
            (
                "周敏 Zhou Min",
                "IT 运维经理 IT operations manager",
                "zhou.min@dongfang-bank.example",
            ),
            (
                "孙磊 Sun Lei",
                "信息安全主管 Head of information security",
                "sun.lei@dongfang-bank.example",
            ),
        ],
        "user": ("customer1", "周敏 Zhou Min", "zh-hans"),
    },
    {
        "code": "jinhai-logistics",
        "name_zh_hans": "金海物流集团",
        "name_en": "Jinhai Logistics Group",
        "notes": "",
        "contacts": [("黄丽 Huang Li", "CIO", "huang.li@jinhai.example")],
        "user": ("customer2", "黄丽 Huang Li", "zh-hans"),
    },
    {
        "code": "nordlicht-medical",
        "name_zh_hans": "北极光医疗科技（柏林）",
        "name_en": "Nordlicht Medical GmbH",
        "notes": "Served from Berlin office hours. / 按柏林工作时间提供服务。",
        "contacts": [("Anna Weber", "Head of IT", "anna.weber@nordlicht.example")],
        "user": ("customer3", "Anna Weber", "en"),
    },
    {
        "code": "huaxin-staff",
        "name_zh_hans": "华信云内部员工",
        "name_en": "Huaxin internal staff",
        "notes": "内部客户：办公 IT 服务。 / Internal customer of office IT.",
        "contacts": [("赵敏 Zhao Min", "行政部 Administration", "zhaomin@huaxin-cloud.example")],
        "user": None,
    },
]


def _portal_user(customer: Customer, spec: tuple, actor) -> bool:
    username, display, language = spec
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = accounts.create_user(
            actor=actor,
            username=username,
            password=PASSWORD,
            email=f"{username}@{customer.code}.example",
            display_name=display,
            language=language,
        )
    has_grant = Grant.objects.active().filter(
        user=user, role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref=customer.code
    )
    if not has_grant.exists():
        granter = User.objects.filter(username="admin").first() or actor
        accounts.grant_role(
            user,
            actor=granter,
            role=Role.CUSTOMER,
            scope_kind=ScopeKind.CUSTOMER,
            scope_ref=customer.code,
            note="demo",
        )
    return created


def load(actor) -> str:
    created = users = 0
    for spec in CUSTOMERS:
        customer = Customer.objects.filter(code=spec["code"]).first()
        if customer is None:
            customer = services.create_customer(
                actor=actor,
                code=spec["code"],
                name_en=spec["name_en"],
                name_zh_hans=spec["name_zh_hans"],
                notes=spec["notes"],
            )
            for number, (name, title, email) in enumerate(spec["contacts"]):
                services.add_contact(
                    customer,
                    actor=actor,
                    name=name,
                    title=title,
                    email=email,
                    is_primary=number == 0,
                )
            created += 1
        if spec["user"] and _portal_user(customer, spec["user"], actor):
            users += 1
    if not created and not users:
        return "customers already present"
    return f"{created} customers, {users} portal users (customer1–3) created"


def logins() -> list[tuple[str, str]]:
    return [(s["user"][0], s["name_en"]) for s in CUSTOMERS if s["user"]]
