"""Demo agreements: per customer and service, a 24×7 service-desk agreement and a default one,
with realistic targets (business time) on the demo calendars."""

from iso20k.calendars.models import BusinessCalendar
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service

from . import services
from .models import ServiceLevelAgreement

H = 60
# (code, customer, service, calendar, names, targets {priority: (response, resolution)})
AGREEMENTS = [
    (
        "dongfang-hosting",
        "dongfang-bank",
        "CLOUD-HOST",
        "always",
        ("东方银行云主机托管 SLA", "Dongfang Bank hosting SLA"),
        {"P1": (15, 4 * H), "P2": (30, 8 * H), "P3": (2 * H, 24 * H), "P4": (4 * H, 72 * H)},
    ),
    (
        "dongfang-database",
        "dongfang-bank",
        "MANAGED-DB",
        "always",
        ("东方银行托管数据库 SLA", "Dongfang Bank database SLA"),
        {"P1": (15, 2 * H), "P2": (30, 6 * H), "P3": (2 * H, 24 * H), "P4": (4 * H, 72 * H)},
    ),
    (
        "jinhai-standard",
        "jinhai-logistics",
        None,
        "cn-office",
        ("金海物流标准 SLA", "Jinhai Logistics standard SLA"),
        {
            "P1": (30, 4 * H),
            "P2": (H, 8 * H),
            "P3": (4 * H, 24 * H),
            "P4": (8 * H, 40 * H),
            "P5": (None, 80 * H),
        },
    ),
    (
        "nordlicht-standard",
        "nordlicht-medical",
        None,
        "de-berlin",
        ("北极光医疗标准 SLA", "Nordlicht Medical standard SLA"),
        {"P1": (30, 4 * H), "P2": (H, 9 * H), "P3": (4 * H, 27 * H), "P4": (9 * H, 45 * H)},
    ),
    (
        "staff-office-it",
        "huaxin-staff",
        "OFFICE-IT",
        "cn-office",
        ("内部办公 IT 服务水平", "Office IT service levels"),
        {"P1": (H, 8 * H), "P2": (2 * H, 16 * H), "P3": (4 * H, 40 * H), "P4": (8 * H, 80 * H)},
    ),
    (
        "service-desk",
        None,
        "SERVICE-DESK",
        "always",
        ("7×24 服务台 SLA", "24×7 service desk SLA"),
        {"P1": (15, 4 * H), "P2": (30, 12 * H), "P3": (H, 48 * H), "P4": (4 * H, 120 * H)},
    ),
    (
        "standard",
        None,
        None,
        "cn-office",
        ("标准 SLA（默认）", "Standard SLA (default)"),
        {
            "P1": (30, 8 * H),
            "P2": (H, 16 * H),
            "P3": (4 * H, 40 * H),
            "P4": (8 * H, 80 * H),
            "P5": (None, 160 * H),
        },
    ),
]


def load(actor) -> str:
    created = 0
    for code, customer, service, calendar, (name_zh, name_en), targets in AGREEMENTS:
        if ServiceLevelAgreement.objects.filter(code=code).exists():
            continue
        services.create_agreement(
            actor=actor,
            code=code,
            name_zh_hans=name_zh,
            name_en=name_en,
            customer=Customer.objects.get(code=customer) if customer else None,
            service=Service.objects.get(code=service) if service else None,
            calendar=BusinessCalendar.objects.get(code=calendar),
            pause_statuses=["awaiting_customer", "awaiting_supplier"],
            warning_percent=75,
            targets=targets,
        )
        created += 1
    return f"{created} agreements created" if created else "agreements already present"
