"""What happens at the demo's service desk: recurring incident scenarios of Huaxin Cloud's
customers, with how they are resolved, and the problems and known errors behind some."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    key: str
    zh: str
    en: str
    category: str
    subcategory: str
    ci: str
    service: str
    group: str
    impact: int
    urgency: int
    code: str
    notes: str
    customers: tuple[str, ...]
    weight: int = 3
    problem: str = ""  # key of the problem (and known error) behind it


SCENARIOS = [
    Scenario(
        "vm-slow",
        "云主机响应缓慢",
        "VM responds slowly",
        "software",
        "性能 performance",
        "vm-app-{n:02d}",
        "CLOUD-HOST",
        "cloud-ops",
        3,
        2,
        "configuration",
        "扩大了内存预留，性能恢复。Raised the memory reservation; performance is back.",
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
        5,
    ),
    Scenario(
        "vm-down",
        "云主机宕机无法访问",
        "VM down, not reachable",
        "hardware",
        "宿主机 host",
        "vm-core-{n:02d}",
        "CLOUD-HOST",
        "cloud-ops",
        2,
        1,
        "fixed",
        "宿主机内存故障，已迁移虚机并更换内存条。Host memory fault; VM migrated, DIMM replaced.",
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
        3,
    ),
    Scenario(
        "disk-full",
        "磁盘空间不足告警",
        "Disk almost full",
        "storage",
        "磁盘 disk",
        "vm-log-{n:02d}",
        "CLOUD-HOST",
        "cloud-ops",
        3,
        2,
        "known_error",
        "按已知错误清理了过期日志。Cleared rotated logs as in the known error.",
        ("dongfang-bank", "jinhai-logistics"),
        4,
        "log-rotation",
    ),
    Scenario(
        "db-timeout",
        "数据库连接超时",
        "Database connection timeouts",
        "database",
        "连接池 connection pool",
        "pg-prod-{n:02d}",
        "MANAGED-DB",
        "dba",
        2,
        1,
        "known_error",
        "按已知错误重启批处理服务，连接恢复。Restarted the batch service as "
        "the known error says; connections recovered.",
        ("dongfang-bank", "jinhai-logistics"),
        5,
        "pool-leak",
    ),
    Scenario(
        "db-slow-report",
        "月末报表查询很慢",
        "Month-end report query is slow",
        "database",
        "SQL 调优 tuning",
        "dm-report-01",
        "MANAGED-DB",
        "dba",
        3,
        3,
        "fixed",
        "补建索引后查询从 40 秒降到 2 秒。Added an index; the query went from 40 s to 2 s.",
        ("dongfang-bank", "jinhai-logistics"),
        2,
    ),
    Scenario(
        "vpn-drop",
        "VPN 频繁断开",
        "VPN keeps dropping",
        "network",
        "VPN",
        "vpn-gw-01",
        "SERVICE-DESK",
        "network",
        3,
        2,
        "known_error",
        "按已知错误调整客户端 MTU。Lowered the client MTU as in the known error.",
        ("jinhai-logistics", "nordlicht-medical", "dongfang-bank"),
        4,
        "vpn-mtu",
    ),
    Scenario(
        "login-locked",
        "账号被锁定无法登录",
        "Account locked, cannot sign in",
        "access",
        "账号 account",
        "ad-01",
        "SERVICE-DESK",
        "service-desk",
        3,
        2,
        "user_guidance",
        "已解锁账号并说明密码策略。Unlocked the account and explained the password policy.",
        ("dongfang-bank", "jinhai-logistics", "nordlicht-medical"),
        6,
    ),
    Scenario(
        "mail-delay",
        "邮件发送延迟",
        "Outgoing mail delayed",
        "email",
        "SMTP",
        "mail-relay-01",
        "SERVICE-DESK",
        "service-desk",
        2,
        2,
        "fixed",
        "清理了中继队列并扩容。Cleared the relay queue and added capacity.",
        ("jinhai-logistics", "dongfang-bank"),
        3,
    ),
    Scenario(
        "laptop",
        "笔记本无法开机",
        "Laptop does not start",
        "hardware",
        "终端 endpoint",
        "PC-{n:04d}",
        "OFFICE-IT",
        "office-it",
        3,
        2,
        "fixed",
        "更换电源适配器。Replaced the power adapter.",
        ("huaxin-staff",),
        3,
    ),
    Scenario(
        "printer",
        "三楼打印机卡纸",
        "3rd-floor printer jams",
        "hardware",
        "打印机 printer",
        "PRN-3F",
        "OFFICE-IT",
        "office-it",
        3,
        3,
        "fixed",
        "更换搓纸轮。Replaced the pick-up roller.",
        ("huaxin-staff",),
        2,
    ),
    Scenario(
        "backup-fail",
        "夜间备份作业失败",
        "Nightly backup job failed",
        "storage",
        "备份 backup",
        "backup-01",
        "CLOUD-HOST",
        "cloud-ops",
        2,
        2,
        "fixed",
        "修复存储挂载后重跑成功。Fixed the storage mount; the rerun succeeded.",
        ("dongfang-bank", "nordlicht-medical"),
        2,
    ),
    Scenario(
        "cert-expiry",
        "网站证书即将过期",
        "Website certificate about to expire",
        "security",
        "证书 certificate",
        "lb-web-01",
        "CLOUD-HOST",
        "network",
        2,
        2,
        "fixed",
        "已续期并部署新证书。Renewed and deployed the certificate.",
        ("dongfang-bank", "nordlicht-medical"),
        1,
    ),
]

# key: (Chinese subject, English subject, root cause, workaround, fix, category, service)
PROBLEMS = {
    "pool-leak": (
        "数据库连接池耗尽",
        "Database connection pool exhausted",
        "夜间批处理作业在异常路径上不释放连接，连接泄漏直到连接池耗尽。The nightly batch job "
        "does not release connections on its error path; they leak until the pool is empty.",
        "重启批处理服务（batch-svc）释放连接；连接数超过 80% 时提前重启。Restart batch-svc to "
        "free the connections; restart early when the pool passes 80 %.",
        "",
        "database",
        "MANAGED-DB",
    ),
    "vpn-mtu": (
        "VPN 隧道在大报文时断开",
        "VPN tunnel drops on large packets",
        "运营商线路 MTU 为 1400，客户端默认 1500，分片被丢弃。The carrier path MTU is 1400 "
        "while clients default to 1500; fragments are dropped.",
        "在客户端将 MTU 设为 1380 后重连。Set the client MTU to 1380 and reconnect.",
        "网关启用 MSS 钳制（变更 CHG-2031）。MSS clamping enabled on the gateway (change "
        "CHG-2031).",
        "network",
        "SERVICE-DESK",
    ),
    "log-rotation": (
        "应用日志未轮转导致磁盘写满",
        "Application logs not rotated fill the disks",
        "镜像模板中 logrotate 配置缺失。The image template lacks the logrotate configuration.",
        "删除 /var/log/app 下 7 天前的压缩日志。Delete compressed logs older than 7 days in "
        "/var/log/app.",
        "",
        "storage",
        "CLOUD-HOST",
    ),
}

REPLIES = [
    "您好，我们已收到，正在排查。Hello, we have it and are looking into it.",
    "请提供出现问题的时间和截图。Please send the time it happened and a screenshot.",
    "已定位原因，正在处理。We found the cause and are fixing it.",
]
NOTES = [
    "已查看监控，CPU 与内存正常。Checked monitoring: CPU and memory are normal.",
    "与二线确认，需要重启服务。Confirmed with second line: the service needs a restart.",
    "日志显示连接被拒绝。Logs show refused connections.",
]
CUSTOMER_REPLIES = [
    "截图已附上，问题发生在上午九点左右。Screenshot attached; it happened around 9 am.",
    "现在可以了，谢谢！It works now, thank you!",
    "还是不行，请再看一下。Still failing, please have another look.",
]
RATING_COMMENTS = {
    5: "处理很快，感谢！Quick and clear, thanks!",
    4: "解决了，沟通及时。Solved, kept us informed.",
    3: "",
    2: "等了比较久。It took a while.",
    1: "影响了业务，希望改进。It hurt our business; please improve.",
}
