"""Runs INSIDE the peer's own virtual environment (django-helpdesk), never in iso20k's.

    python -m bench.peer_side load|measure --profile small --database <sqlite path|postgres url>

`load` migrates a fresh database and bulk-loads the same tickets iso20k gets (bench.corpus);
`measure` times the peer's ticket list (its DataTables endpoint: page 1 and a deep page),
search, ticket detail and dashboard with its own test client, and prints JSON.
Settings are configured here in code; nothing of the peer is written into the repository.
"""

import argparse
import base64
import json
import statistics
import sys
import time
from urllib.parse import urlparse

import django
from django.conf import settings


def configure(database: str) -> None:
    if database.startswith(("postgres://", "postgresql://")):
        url = urlparse(database)
        db = {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": url.path.lstrip("/"),
            "USER": url.username or "postgres",
            "PASSWORD": url.password or "",
            "HOST": url.hostname or "127.0.0.1",
            "PORT": url.port or 5432,
        }
    else:
        db = {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": database,
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "timeout": 20},
        }
    settings.configure(
        DEBUG=False,
        SECRET_KEY="peer-benchmark-only-" + "x" * 40,
        ALLOWED_HOSTS=["*"],
        DATABASES={"default": db},
        ROOT_URLCONF="bench.peer_urls",
        USE_TZ=True,
        TIME_ZONE="Asia/Shanghai",
        SITE_ID=1,
        INSTALLED_APPS=[
            "django.contrib.admin",
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.messages",
            "django.contrib.staticfiles",
            "django.contrib.sites",
            "django.contrib.humanize",
            "rest_framework",
            "helpdesk",
        ],
        MIDDLEWARE=[
            "django.contrib.sessions.middleware.SessionMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
            "django.contrib.auth.middleware.AuthenticationMiddleware",
            "django.contrib.messages.middleware.MessageMiddleware",
        ],
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
                "OPTIONS": {
                    "context_processors": [
                        "django.template.context_processors.request",
                        "django.contrib.auth.context_processors.auth",
                        "django.contrib.messages.context_processors.messages",
                    ]
                },
            }
        ],
        STATIC_URL="/static/",
        DEFAULT_AUTO_FIELD="django.db.models.AutoField",
        HELPDESK_TEAMS_MODE_ENABLED=False,
        LOGIN_URL="/login/",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )
    django.setup()


def load(shape) -> dict:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from helpdesk.models import FollowUp, Queue, Ticket

    from bench import corpus

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    staff = User.objects.create_user(
        "bench", "bench@example.com", "bench", is_staff=True, is_superuser=True
    )
    agents = User.objects.bulk_create(
        [User(username=f"agent{i}", is_staff=True, password="!") for i in range(shape.agents)]
    )
    agents = list(User.objects.filter(username__startswith="agent").order_by("id"))
    queues = Queue.objects.bulk_create(
        [
            Queue(title=f"Group {i}", slug=f"group-{i}", allow_public_submission=False)
            for i in range(shape.groups)
        ]
    )
    queues = list(Queue.objects.order_by("id"))
    tickets, followups = [], []
    for item in corpus.tickets(shape):
        status = 1 if item.open else (4 if item.closed_at else 3)
        tickets.append(
            Ticket(
                title=item.subject[:200],
                queue=queues[item.group],
                created=item.created_at,
                modified=item.closed_at or item.created_at,
                submitter_email=f"customer{item.customer}@example.com",
                assigned_to=agents[item.agent] if item.agent is not None else None,
                status=status,
                description=item.description,
                priority=min(item.priority, 5),
                secret_key=f"{item.number:012d}",
            )
        )
        followups.append(item.replies)
        if len(tickets) >= 2000:
            _flush(Ticket, FollowUp, tickets, followups, staff)
            tickets, followups = [], []
    _flush(Ticket, FollowUp, tickets, followups, staff)
    return {"seconds": round(time.perf_counter() - started, 1), "tickets": Ticket.objects.count()}


def _flush(Ticket, FollowUp, tickets, replies, staff) -> None:
    if not tickets:
        return
    created = Ticket.objects.bulk_create(tickets)
    if created[0].pk is None:  # SQLite before RETURNING support: read the ids back
        ids = list(Ticket.objects.order_by("-id").values_list("id", flat=True)[: len(created)])
        for ticket, pk in zip(created, reversed(ids), strict=True):
            ticket.pk = pk
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                ticket=ticket,
                date=reply.at,
                title="Reply",
                comment=reply.text,
                public=reply.public,
                user=staff,
            )
            for ticket, ticket_replies in zip(created, replies, strict=True)
            for reply in ticket_replies
        ]
    )


def _time(client, url, repeat: int) -> dict:
    client.get(url)  # warm up
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"peer page {url} answered {response.status_code}")
    samples.sort()
    return {
        "median_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[max(0, int(len(samples) * 0.95) - 1)], 2),
        "runs": repeat,
    }


def measure(repeat: int) -> dict:
    from django.contrib.auth.models import User
    from django.test import Client
    from helpdesk.models import Ticket

    client = Client()
    client.force_login(User.objects.get(username="bench"))
    total = Ticket.objects.count()
    everything = base64.urlsafe_b64encode(
        json.dumps(
            {"filtering": {}, "sorting": "created", "search_string": "", "sortreverse": True}
        ).encode()
    ).decode()
    searching = base64.urlsafe_b64encode(
        json.dumps(
            {"filtering": {}, "sorting": "created", "search_string": "VPN", "sortreverse": True}
        ).encode()
    ).decode()
    some_ticket = Ticket.objects.order_by("-id").values_list("id", flat=True)[total // 2]
    base = "/helpdesk/datatables_ticket_list/"
    return {
        "tickets": total,
        "list": _time(client, f"{base}{everything}?start=0&length=25&draw=1", repeat),
        "deep_page": _time(
            client, f"{base}{everything}?start={total // 2}&length=25&draw=1", max(3, repeat // 3)
        ),
        "search": _time(client, f"{base}{searching}?start=0&length=25&draw=1", repeat),
        "detail": _time(client, f"/helpdesk/tickets/{some_ticket}/", repeat),
        "dashboard": _time(client, "/helpdesk/dashboard/", max(3, repeat // 3)),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["load", "measure"])
    parser.add_argument("--database", required=True)
    parser.add_argument("--shape", required=True, help="JSON of bench.corpus.Shape")
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    configure(options.database)
    from bench.corpus import Shape

    shape = Shape(**json.loads(options.shape))
    result = load(shape) if options.action == "load" else measure(options.repeat)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
