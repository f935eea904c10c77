"""The demo's two major incidents (one reviewed and closed, one still waiting for its review)
and the problems raised from an incident trend and closed with a documented reason."""

import datetime

from . import services
from .models import Incident

MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)


def _major(
    story,
    *,
    days_ago: int,
    subject: str,
    customer: str,
    service: str,
    group: str,
    requester: str | None,
    notes: str,
):
    desk = story.users["chenjing"]
    start = (story.now - datetime.timedelta(days=days_ago)).replace(hour=2, minute=10)
    incident = services.open_incident(
        actor=desk,
        subject=subject,
        description=subject,
        category="database" if service == "MANAGED-DB" else "storage",
        impact=1,
        urgency=1,
        customer=story.customers[customer],
        service=story.services[service],
        assigned_group=story.groups["service-desk"],
        source="agent",
        at=start,
        requester=story.users[requester] if requester else None,
        configuration_item="pg-core-01" if service == "MANAGED-DB" else "oss-cluster-a",
    )
    incident = services.escalate_incident(
        incident,
        actor=desk,
        expected_version=incident.version,
        kind="functional",
        to_group=story.groups[group],
        reason="需要二线专家 Needs second-line specialists",
        at=start + 5 * MINUTE,
    )
    engineer = story.members[group][0]
    incident = services.assign_incident(
        incident,
        actor=engineer,
        expected_version=incident.version,
        group=story.groups[group],
        assignee=engineer,
        at=start + 8 * MINUTE,
    )
    incident = services.escalate_incident(
        incident,
        actor=engineer,
        expected_version=incident.version,
        kind="hierarchical",
        to_manager=story.users["zhangwei"],
        make_major=True,
        reason="多个客户业务中断 Business stopped for several customers",
        at=start + 12 * MINUTE,
    )
    services.add_incident_comment(
        incident,
        actor=engineer,
        is_public=True,
        at=start + 15 * MINUTE,
        body="已启动重大事件流程，每 30 分钟通报进展。Major incident process started; updates "
        "every 30 minutes.",
    )
    incident.refresh_from_db()
    return services.resolve_incident(
        incident,
        actor=engineer,
        expected_version=incident.version,
        resolution_code="fixed",
        resolution_notes=notes,
        at=start + 3 * HOUR + 20 * MINUTE,
    )


def major_incidents(story) -> None:
    reviewed = _major(
        story,
        days_ago=64,
        subject="核心交易数据库主库故障 Core banking database primary failed",
        customer="dongfang-bank",
        service="MANAGED-DB",
        group="dba",
        requester="customer1",
        notes="主库磁盘控制器故障，已切换到备库并恢复复制。The primary's disk controller failed; "
        "switched to the standby and rebuilt replication.",
    )
    services.record_major_review(
        reviewed,
        actor=story.users["zhangwei"],
        held_on=(reviewed.resolved_at + datetime.timedelta(days=2)).date(),
        summary="02:10 主库不可用，03:05 切换备库，05:30 全部恢复。Primary down at 02:10, "
        "failover at 03:05, full service at 05:30.",
        cause="磁盘控制器固件缺陷；自动切换因仲裁配置错误未触发。Disk controller firmware "
        "defect; automatic failover did not trigger because of a quorum misconfiguration.",
        went_well="客户通报及时，备库数据完整。Customers were kept informed; the standby was "
        "complete.",
        improvements="1. 修正仲裁配置并演练切换（问题 PRB 跟踪）；2. 固件升级纳入变更计划。"
        "1. Fix the quorum configuration and rehearse failover; 2. plan the firmware upgrade.",
        attendees="张伟、孙浩、陈静、周敏（东方银行）Zhang Wei, Sun Hao, Chen Jing, Zhou Min",
    )
    services.close_incident(
        reviewed,
        actor=story.users["zhangwei"],
        expected_version=reviewed.version,
        at=reviewed.resolved_at + datetime.timedelta(days=4),
    )
    _major(
        story,
        days_ago=4,
        subject="对象存储集群大面积不可用 Object storage unavailable",
        customer="jinhai-logistics",
        service="CLOUD-HOST",
        group="cloud-ops",
        requester="customer2",
        notes="元数据节点内存耗尽，扩容并重启后恢复。Metadata nodes ran out of memory; scaled "
        "out and restarted.",
    )


def trend_problem(story) -> None:
    from iso20k.problems import services as problems
    from iso20k.problems.trends import incidents_in

    cloud = story.services["CLOUD-HOST"]
    slow = incidents_in(45, service_id=cloud.pk, category="software", now=story.now).filter(
        problem__isnull=True
    )
    problems.raise_problem(
        actor=story.users["wangfang"],
        subject="云主机反复变慢 VMs keep slowing down",
        description="近 45 天内多次出现云主机性能下降。Repeated VM slowdowns in the last 45 days.",
        category="software",
        service=cloud,
        source="trend",
        incidents=list(slow),
        assigned_group=story.groups["cloud-ops"],
        at=story.now - 2 * HOUR,
    )
    printers = Incident.objects.filter(subject__startswith="三楼打印机卡纸")
    problem = problems.raise_problem(
        actor=story.users["lixue"],
        subject="三楼打印机经常卡纸 3rd-floor printer jams often",
        category="hardware",
        service=story.services["OFFICE-IT"],
        source="trend",
        incidents=list(printers),
        at=story.now - datetime.timedelta(days=10),
    )
    problems.close_problem(
        problem,
        actor=story.users["lixue"],
        expected_version=problem.version,
        closure_reason="打印机已到报废年限并更换新机，不再调查原因。The printer reached its end of "
        "life and was replaced; no further investigation.",
        at=story.now - datetime.timedelta(days=9),
    )
