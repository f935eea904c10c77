"""The benchmark's tickets, generated from a seed: the same stream for iso20k and for the peer.

Pure standard library (it also runs inside the peer's own virtual environment). The shape:
- created times spread over the profile's months, growing towards the end (a business that
  grows), mostly on working days and in office hours, Asia/Shanghai;
- 60 % Chinese and 40 % English text; subjects of 8–60 characters, descriptions of 80–1,500
  (log-normal), replies of 20–400;
- priority P1 2 %, P2 10 %, P3 48 %, P4 40 %; about 3 % of tickets open, almost all of them from
  the last weeks; 0–8 replies per ticket (mean about 2.5), public and internal.
Everything depends only on the seed and the profile, so two runs build the same data.
"""

import math
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

END = datetime(2026, 11, 1, tzinfo=UTC)  # fixed, so that runs on different days build the same data

ZH_SYSTEMS = [
    "邮件系统",
    "VPN",
    "财务系统",
    "OA 办公平台",
    "数据库集群",
    "云主机",
    "打印机",
    "门户网站",
    "CRM 系统",
    "备份服务",
    "存储阵列",
    "域控服务器",
    "视频会议",
    "人事系统",
    "监控平台",
]
EN_SYSTEMS = [
    "mail",
    "VPN",
    "finance system",
    "intranet",
    "database cluster",
    "cloud VM",
    "printer",
    "web portal",
    "CRM",
    "backup service",
    "storage array",
    "domain controller",
    "video conferencing",
    "HR system",
    "monitoring",
]
ZH_SYMPTOMS = [
    "无法登录",
    "访问缓慢",
    "频繁超时",
    "报错 500",
    "连接中断",
    "数据不同步",
    "页面空白",
    "证书过期",
    "磁盘空间不足",
    "CPU 使用率过高",
    "无法打印",
    "密码被锁定",
]
EN_SYMPTOMS = [
    "cannot log in",
    "is very slow",
    "times out",
    "returns error 500",
    "keeps dropping",
    "is out of sync",
    "shows a blank page",
    "certificate expired",
    "is out of disk space",
    "has high CPU",
    "cannot print",
    "account locked",
]
ZH_PLACES = ["上海总部", "苏州数据中心", "北京办事处", "深圳分公司", "生产环境", "测试环境"]
EN_PLACES = [
    "Shanghai office",
    "Suzhou data centre",
    "Beijing office",
    "Shenzhen branch",
    "production",
    "staging",
]
ZH_DETAIL = [
    "用户反馈从今天早上开始出现问题。",
    "已尝试重启客户端，问题依旧。",
    "影响整个部门的日常办公。",
    "日志中出现大量连接拒绝记录。",
    "请尽快协助排查。",
    "上周变更后首次出现。",
    "与网络组确认链路正常。",
    "附上截图和错误代码。",
]
EN_DETAIL = [
    "Users report the problem since this morning.",
    "Restarting the client did not help.",
    "The whole department is affected.",
    "The logs show many refused connections.",
    "Please help as soon as possible.",
    "It started after last week's change.",
    "The network team confirms the link is up.",
    "Screenshots and error codes attached.",
]
PRIORITIES = [(1, 0.02), (2, 0.10), (3, 0.48), (4, 0.40)]


@dataclass
class Reply:
    at: datetime
    text: str
    public: bool
    agent: int | None


@dataclass
class Ticket:
    number: int
    created_at: datetime
    subject: str
    description: str
    language: str
    priority: int
    service: int
    group: int
    agent: int | None
    customer: int
    open: bool
    resolved_at: datetime | None
    closed_at: datetime | None
    replies: list[Reply] = field(default_factory=list)


@dataclass(frozen=True)
class Shape:
    tickets: int
    months: int
    services: int
    groups: int
    agents: int
    customers: int
    seed: int


def _weighted(rng: random.Random, pairs: list[tuple[int, float]]) -> int:
    roll, acc = rng.random(), 0.0
    for value, weight in pairs:
        acc += weight
        if roll <= acc:
            return value
    return pairs[-1][0]


def _created(rng: random.Random, start: datetime, span_seconds: float) -> datetime:
    # Growth: density rises linearly towards the end of the period (inverse transform).
    position = math.sqrt(rng.random())
    moment = start + timedelta(seconds=position * span_seconds)
    local = moment + timedelta(hours=8)
    if local.weekday() >= 5 and rng.random() < 0.8:
        moment -= timedelta(days=local.weekday() - 4)
    hour = int(rng.triangular(9, 18, 11)) if rng.random() < 0.85 else rng.randrange(24)
    return moment.replace(hour=(hour - 8) % 24, minute=rng.randrange(60), second=rng.randrange(60))


def _text(rng: random.Random, zh: bool, low: int, high: int) -> str:
    target = int(min(high, max(low, rng.lognormvariate(math.log((low + high) / 4), 0.7))))
    pool = ZH_DETAIL if zh else EN_DETAIL
    parts, size = [], 0
    while size < target:
        sentence = rng.choice(pool)
        parts.append(sentence)
        size += len(sentence) + 1
    return ("" if zh else " ").join(parts)[:high]


def _subject(rng: random.Random, zh: bool) -> str:
    if zh:
        return f"{rng.choice(ZH_PLACES)}{rng.choice(ZH_SYSTEMS)}{rng.choice(ZH_SYMPTOMS)}"
    return (
        f"{rng.choice(EN_SYSTEMS).capitalize()} {rng.choice(EN_SYMPTOMS)} ({rng.choice(EN_PLACES)})"
    )


def tickets(shape: Shape, *, offset: int = 0, start_number: int = 1):
    """Yield the profile's tickets in creation order (deterministic for a given shape)."""
    rng = random.Random(shape.seed)
    start = END - timedelta(days=30.44 * shape.months)
    span = (END - start).total_seconds()
    moments = sorted(_created(rng, start, span) for _ in range(shape.tickets))
    for index, created in enumerate(moments):
        r = random.Random(shape.seed * 1_000_003 + index + offset)
        zh = r.random() < 0.6
        age_days = (END - created).total_seconds() / 86400
        is_open = r.random() < (0.55 if age_days < 14 else 0.12 if age_days < 60 else 0.002)
        resolved = None if is_open else created + timedelta(hours=r.lognormvariate(2.3, 1.1))
        closed = None if resolved is None else resolved + timedelta(days=r.uniform(1, 5))
        group = r.randrange(shape.groups)
        agent = None if (is_open and r.random() < 0.3) else r.randrange(shape.agents)
        ticket = Ticket(
            number=start_number + index,
            created_at=created,
            subject=_subject(r, zh),
            description=_text(r, zh, 80, 1500),
            language="zh-hans" if zh else "en",
            priority=_weighted(r, PRIORITIES),
            service=r.randrange(shape.services),
            group=group,
            agent=agent,
            customer=r.randrange(shape.customers),
            open=is_open,
            resolved_at=resolved,
            closed_at=closed,
        )
        moment = created
        for _ in range(min(8, int(r.expovariate(1 / 2.5)))):
            moment += timedelta(minutes=r.lognormvariate(4.0, 1.2))
            if resolved and moment > resolved:
                break
            ticket.replies.append(
                Reply(at=moment, text=_text(r, zh, 20, 400), public=r.random() < 0.7, agent=agent)
            )
        yield ticket
