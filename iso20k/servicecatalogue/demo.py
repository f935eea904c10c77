"""Demo service catalogue of Huaxin Cloud: hosting, databases, the 24×7 service desk, office
IT for its own staff (all live) and a backup service still in the pipeline."""

from iso20k.accounts.models import User
from iso20k.customers.models import Customer

from . import services
from .choices import ServiceStatus
from .models import Service


def choice(name, en, zh, required, options, **extra):
    return {
        "name": name,
        "type": "choice",
        "label_en": en,
        "label_zh_hans": zh,
        "required": required,
        "choices": [{"value": v, "label_en": e, "label_zh_hans": z} for v, e, z in options],
        **extra,
    }


def field(name, kind, en, zh, required=False, **extra):
    return {
        "name": name,
        "type": kind,
        "label_en": en,
        "label_zh_hans": zh,
        "required": required,
        **extra,
    }


NEW_VM = [
    choice(
        "size",
        "Size",
        "规格",
        True,
        [
            ("s", "Small: 2 vCPU, 4 GB", "小型：2 核 4 GB"),
            ("m", "Medium: 4 vCPU, 16 GB", "中型：4 核 16 GB"),
            ("l", "Large: 16 vCPU, 64 GB", "大型：16 核 64 GB"),
        ],
    ),
    choice(
        "os",
        "Operating system",
        "操作系统",
        True,
        [
            ("kylin-v10", "Kylin V10", "银河麒麟 V10"),
            ("openeuler-22", "openEuler 22.03 LTS", "openEuler 22.03 LTS"),
            ("ubuntu-24", "Ubuntu 24.04 LTS", "Ubuntu 24.04 LTS"),
            ("windows-2022", "Windows Server 2022", "Windows Server 2022"),
        ],
    ),
    field(
        "data_disk_gb",
        "number",
        "Data disk (GB)",
        "数据盘（GB）",
        help_en="0 for none",
        help_zh_hans="不需要填 0",
    ),
    field("needed_by", "date", "Needed by", "需要日期", True),
    field("purpose", "long_text", "Purpose", "用途", True),
]
RESTORE = [
    field("database", "text", "Database name", "数据库名", True),
    field(
        "restore_to",
        "text",
        "Restore to (date and time)",
        "恢复到（日期时间）",
        True,
        help_en="e.g. 2026-11-20 02:00",
        help_zh_hans="例如 2026-11-20 02:00",
    ),
    choice(
        "target",
        "Restore into",
        "恢复位置",
        True,
        [
            ("new", "A new instance", "新实例"),
            ("replace", "Replace the current database", "覆盖当前数据库"),
        ],
    ),
    field("approved_by_owner", "yes_no", "The data owner agreed", "数据所有者已同意", True),
]
VPN = [
    field("account", "text", "User name", "用户名", True),
    field("until", "date", "Access until", "访问截止日期", True),
    field("reason", "long_text", "Reason", "理由", True),
]
SERVICES = [
    {
        "code": "CLOUD-HOST",
        "owner": "zhangwei",
        "name_zh_hans": "云主机托管",
        "name_en": "Managed cloud hosting",
        "description_zh_hans": "在苏州数据中心运行客户的虚拟机，含监控、补丁和备份。",
        "description_en": "Customers' virtual machines run in the Suzhou data centre, monitored, "
        "patched and backed up.",
        "customers": ["dongfang-bank", "jinhai-logistics", "nordlicht-medical"],
        "items": [
            ("new-vm", "New virtual machine", "新建云主机", True, 960, NEW_VM),
            (
                "vm-resize",
                "Resize a virtual machine",
                "云主机扩容",
                True,
                480,
                [
                    field("vm", "text", "Host name", "主机名", True),
                    choice(
                        "size",
                        "New size",
                        "新规格",
                        True,
                        [("m", "Medium", "中型"), ("l", "Large", "大型")],
                    ),
                ],
            ),
        ],
    },
    {
        "code": "MANAGED-DB",
        "owner": "zhangwei",
        "name_zh_hans": "托管数据库",
        "name_en": "Managed database",
        "description_zh_hans": "PostgreSQL 与达梦数据库托管：高可用、备份与恢复。",
        "description_en": "Managed PostgreSQL and Dameng databases: high availability, backup "
        "and restore.",
        "customers": ["dongfang-bank", "jinhai-logistics"],
        "items": [("database-restore", "Database restore", "数据库恢复", False, 240, RESTORE)],
    },
    {
        "code": "SERVICE-DESK",
        "owner": "chenjing",
        "all_customers": True,
        "name_zh_hans": "7×24 服务台",
        "name_en": "24×7 service desk",
        "description_zh_hans": "电话、邮件和门户全天候受理事件与请求。",
        "description_en": "Incidents and requests taken around the clock by phone, e-mail and "
        "the portal.",
        "customers": [],
        "items": [
            ("vpn-access", "VPN access", "VPN 访问", True, 480, VPN),
            (
                "password-reset",
                "Password reset",
                "密码重置",
                False,
                60,
                [field("account", "text", "User name", "用户名", True)],
            ),
        ],
    },
    {
        "code": "OFFICE-IT",
        "owner": "lina",
        "name_zh_hans": "内部办公 IT",
        "name_en": "Office IT for staff",
        "description_zh_hans": "员工电脑、软件和账号。",
        "description_en": "Staff laptops, software and accounts.",
        "customers": ["huaxin-staff"],
        "items": [
            (
                "software",
                "Install software",
                "安装软件",
                True,
                960,
                [
                    field("software", "text", "Software and version", "软件及版本", True),
                    field("licence", "yes_no", "We hold a licence", "已有许可", True),
                ],
            )
        ],
    },
    {
        "code": "BACKUP-ARCHIVE",
        "owner": "zhangwei",
        "pipeline": True,
        "name_zh_hans": "备份归档",
        "name_en": "Backup and archive",
        "description_zh_hans": "计划于明年推出的长期归档服务。",
        "description_en": "Long-term archive, planned for next year.",
        "customers": [],
        "items": [],
    },
]


def load(actor) -> str:
    created = 0
    for spec in SERVICES:
        if Service.objects.filter(code=spec["code"]).exists():
            continue
        service = services.create_service(
            actor=actor,
            code=spec["code"],
            owner=User.objects.get(username=spec["owner"]),
            name_en=spec["name_en"],
            name_zh_hans=spec["name_zh_hans"],
            description_en=spec["description_en"],
            description_zh_hans=spec["description_zh_hans"],
            all_customers=spec.get("all_customers", False),
            customers=Customer.objects.filter(code__in=spec["customers"]),
        )
        for code, name_en, name_zh, approval, minutes, fields in spec["items"]:
            services.create_request_item(
                service,
                actor=actor,
                code=code,
                name_en=name_en,
                name_zh_hans=name_zh,
                requires_approval=approval,
                fulfilment_target_minutes=minutes,
                fields=fields,
            )
        if not spec.get("pipeline"):
            services.change_service_status(
                service, actor=actor, expected_version=service.version, status=ServiceStatus.LIVE
            )
        created += 1
    return f"{created} services created" if created else "services already present"
