"""Six months of service requests at the demo organisation: submitted in the portal or by
the desk, approved (never by the requester) or rejected, fulfilled through task checklists
within or beyond the item's target, rated and closed; the last few still in flight."""

import datetime
import random

from django.conf import settings

from iso20k.servicecatalogue.models import RequestItem

from . import services
from .models import ServiceRequest

HOUR = datetime.timedelta(hours=1)
MINUTE = datetime.timedelta(minutes=1)
COUNT = 110
# item code: (answers for the form, fulfilment tasks, customers who ask for it)
REQUESTS = {
    "new-vm": (
        lambda rng, day: {
            "size": rng.choice("sml"),
            "os": rng.choice(["kylin-v10", "ubuntu-24"]),
            "data_disk_gb": rng.choice([0, 100, 500]),
            "needed_by": (day + datetime.timedelta(days=5)).isoformat(),
            "purpose": "测试环境 Test environment for the release",
        },
        ["分配资源 Allocate resources", "安装操作系统 Install the OS", "交付账号 Hand over access"],
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
    ),
    "vm-resize": (
        lambda rng, day: {"vm": f"vm-app-{rng.randint(1, 17):02d}", "size": rng.choice("ml")},
        ["预约维护窗口 Book the window", "调整规格 Resize"],
        ("dongfang-bank", "jinhai-logistics"),
    ),
    "database-restore": (
        lambda rng, day: {
            "database": "orders",
            "restore_to": f"{day:%Y-%m-%d} 02:00",
            "target": "new",
            "approved_by_owner": "yes",
        },
        ["恢复到新实例 Restore to a new instance", "校验数据 Verify the data"],
        ("dongfang-bank", "jinhai-logistics"),
    ),
    "vpn-access": (
        lambda rng, day: {
            "account": f"user{rng.randint(10, 99)}",
            "until": (day + datetime.timedelta(days=90)).isoformat(),
            "reason": "远程运维 Remote operations",
        },
        ["创建 VPN 账号 Create the VPN account"],
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
    ),
    "password-reset": (
        lambda rng, day: {"account": f"ops{rng.randint(1, 40)}"},
        [],
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
    ),
    "software": (
        lambda rng, day: {
            "software": rng.choice(["WPS Office 2024", "Visio 2021", "Xmind"]),
            "licence": "yes",
        },
        ["远程安装 Install remotely"],
        ("huaxin-staff",),
    ),
}
PORTAL = {
    "dongfang-bank": "customer1",
    "jinhai-logistics": "customer2",
    "nordlicht-medical": "customer3",
}


def _submit(story, item, reported):
    rng = story.rng
    answers_of, _tasks, customers = REQUESTS[item.code]
    customer = rng.choice(customers)
    username = PORTAL.get(customer)
    requester = story.users[username] if username else None
    portal = requester is not None and rng.random() < 0.75
    return services.submit_request(
        actor=requester if portal else story.users["chenjing"],
        item=item,
        answers=answers_of(rng, reported.date()),
        requester=requester,
        customer=story.customers[customer],
        source="portal" if portal else "agent",
        contact_name="" if requester else "赵敏 Zhao Min",
        at=reported,
    )


def _approve(story, request, t):
    approver = story.users["zhangwei" if story.rng.random() < 0.5 else "chenjing"]
    when = story.at(t + story.rng.randint(1, 8) * HOUR)
    if when is None:
        return None
    if story.rng.random() < 0.06:
        services.reject_request(
            request,
            actor=approver,
            expected_version=request.version,
            comment="本季度无预算 No budget this quarter",
            at=when,
        )
        return None
    return services.approve_request(
        request, actor=approver, expected_version=request.version, comment="同意 Agreed", at=when
    )


def _fulfil(story, request, group, t):
    rng = story.rng
    agent = rng.choice(story.members[group])
    take = story.at(t + rng.randint(5, 60) * MINUTE)
    if take is None:
        return None
    request = services.assign_request(
        request,
        actor=agent,
        expected_version=request.version,
        group=story.groups[group],
        assignee=agent,
        at=take,
    )
    tasks = [
        services.add_task(request, actor=agent, title=title, assignee=agent)
        for title in REQUESTS[request.item.code][1]
    ]
    request.refresh_from_db()
    due = request.sla_breach_at or take + 8 * HOUR
    done = story.at(max(story.fraction(take, due, late=rng.random() < 0.12), take + 10 * MINUTE))
    if done is None:
        return None
    for number, task in enumerate(tasks):
        services.set_task_done(
            task,
            actor=agent,
            expected_version=task.version,
            done=True,
            at=done - (len(tasks) - number) * MINUTE,
        )
    request.refresh_from_db()
    return services.fulfil_request(
        request,
        actor=agent,
        expected_version=request.version,
        notes="已交付，详见任务记录。Delivered; see the tasks.",
        at=done,
    )


def _finish(story, request, agent_group):
    rng = story.rng
    if request.requester_id and rng.random() < 0.5:
        rated = story.at(request.resolved_at + rng.randint(1, 24) * HOUR)
        if rated:
            stars = (
                rng.choice([5, 5, 4, 4, 3])
                if not request.sla_ever_breached
                else rng.choice([3, 2, 4])
            )
            services.rate_request(request, actor=request.requester, rating=stars, at=rated)
            request.refresh_from_db()
    closed = story.at(request.resolved_at + rng.randint(72, 120) * HOUR)
    if closed:
        agent = story.members[agent_group][0]
        services.close_request(request, actor=agent, expected_version=request.version, at=closed)


def load(actor) -> str:
    if ServiceRequest.objects.exists():
        return "service requests already present"
    from iso20k.incidents.demo import Story

    items = {i.code: i for i in RequestItem.objects.filter(code__in=REQUESTS)}
    if len(items) < len(REQUESTS):
        return "request items missing: load the service catalogue demo first"
    story = Story(random.Random(20261125))
    count = max(8, int(COUNT * getattr(settings, "DEMO_SCALE", 1.0)))
    moments = sorted(
        story.start + (story.now - story.start - HOUR) * story.rng.random() for _ in range(count)
    )
    groups = {
        "office-it": ("software",),
        "dba": ("database-restore",),
        "service-desk": ("vpn-access", "password-reset"),
    }
    for reported in moments:
        item = items[story.rng.choice(list(REQUESTS))]
        group = next((g for g, codes in groups.items() if item.code in codes), "cloud-ops")
        request = _submit(story, item, reported)
        t = reported
        if item.requires_approval:
            request = _approve(story, request, t)
            if request is None:
                continue
            t = request.approved_at
        request = _fulfil(story, request, group, t)
        if request is not None:
            _finish(story, request, group)
    return f"{ServiceRequest.objects.count()} service requests created"
