"""Build the benchmark data set in the configured database (run inside Django, see bench.side).

Reference data (people, customers, services, calendars, agreements, support groups) is
created through the services, as an administrator would, starting from the demo's
foundation. The tickets are bulk-inserted in batches: rows built by bench.rows exactly as
the services would have written them, history rows appended to the chain in time order
with the history module's own HMAC (history.services.compute_hash), so verify_history
passes; finally the monthly figures are rebuilt from the records (rebuild_desk_summary).
"""

import datetime
import heapq
import random
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.db.models.expressions import DatabaseDefault

from iso20k.accounts import services as accounts
from iso20k.accounts.choices import Role, ScopeKind
from iso20k.accounts.models import Grant, User
from iso20k.calendars.loading import spec_for
from iso20k.core.context import change_context
from iso20k.core.models import SearchEntry
from iso20k.customers import services as customer_services
from iso20k.customers.models import Customer
from iso20k.history.models import ChainHead, ChangeRecord
from iso20k.history.services import GENESIS, compute_hash
from iso20k.incidents.kind import KIND as INCIDENTS
from iso20k.problems.models import Problem
from iso20k.servicecatalogue import services as catalogue
from iso20k.servicecatalogue.models import RequestItem, Service
from iso20k.servicedesk.models import SupportGroup
from iso20k.servicedesk.services import groups as group_services
from iso20k.servicedesk.services import summary
from iso20k.servicerequests.kind import KIND as REQUESTS
from iso20k.slas import clocks
from iso20k.slas.models import (
    ClockEvent,
    ServiceLevelAgreement,
    SlaClock,
    SlaTarget,
    TrackedSubject,
)

from . import corpus
from .rows import Counters, Event, TicketRows, iso

BATCH = 5000
NOW = corpus.END  # clocks are evaluated as of the corpus's end, so two builds are identical
DEMO_PARTS = [
    "catalogue",
    "accounts",
    "customers",
    "servicecatalogue",
    "calendars",
    "slas",
    "servicedesk",
]


@dataclass
class World:
    """The reference data tickets point at, loaded once."""

    groups: list
    members: dict
    customers: list
    contacts: dict
    services: list
    items: list
    specs: dict
    targets: dict
    agreements: dict = field(default_factory=dict)
    labels: dict = field(default_factory=dict)

    def agreement_for(self, customer_id, service_id):
        key = (customer_id, service_id)
        if key not in self.agreements:
            self.agreements[key] = clocks.find_agreement(customer=customer_id, service=service_id)
        return self.agreements[key]

    def label(self, ticket, name: str):
        """A logged field's value as history.with_labels shows it ("name (#id)" for links)."""
        field_ = ticket._meta.get_field(name)
        value = getattr(ticket, field_.attname)
        if isinstance(value, datetime.datetime):
            return iso(value)
        if not field_.many_to_one or value is None:
            return value
        key = (field_.related_model, value)
        if key not in self.labels:
            self.labels[key] = f"{getattr(ticket, name)} (#{value})"
        return self.labels[key]


def insert(model, objects: list) -> None:
    """INSERT the objects in one executemany (SQLite) or COPY (PostgreSQL): the values
    Django would send, without the per-row compilation of bulk_create, which dominates at
    millions of rows. Database defaults (created_at) are written as the corpus's end."""
    if not objects:
        return
    fields = [f for f in model._meta.concrete_fields if not f.generated]
    if objects[0].pk is None:  # let the database number them
        fields = [f for f in fields if not f.primary_key]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(f.column) for f in fields)})"
        f" VALUES ({', '.join(['%s'] * len(fields))})"
    )
    rows = []
    for obj in objects:
        row = []
        for f in fields:
            value = getattr(obj, f.attname)
            if isinstance(value, DatabaseDefault):
                value = NOW
            row.append(f.get_db_prep_save(value, connection))
        rows.append(row)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # COPY: one stream instead of a round trip a row
            columns = ", ".join(quote(f.column) for f in fields)
            table = quote(model._meta.db_table)
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            cursor.executemany(sql, rows)


def _say(out, text: str) -> None:
    out(f"  {time.strftime('%H:%M:%S')} {text}")


def reference(profile, actor, out) -> None:
    """Foundation from the demo, then customers, agents, services and groups up to the
    profile's counts, each through its service (so their history is real)."""
    import importlib

    for part in DEMO_PARTS:
        importlib.import_module(f"iso20k.{part}.demo").load(actor)
    for index in range(Customer.objects.count(), profile.customers):
        customer_services.create_customer(
            actor=actor,
            code=f"bench-customer-{index:03d}",
            name_en=f"Customer {index:03d}",
            name_zh_hans=f"客户 {index:03d}",
        )
    for customer in Customer.objects.order_by("pk"):
        granted = Grant.objects.filter(
            role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER, scope_ref=customer.code
        )
        if not granted.exists():
            user = accounts.create_user(
                actor=actor, username=f"contact-{customer.code}"[:150], language="zh-hans"
            )
            accounts.grant_role(
                user,
                actor=actor,
                role=Role.CUSTOMER,
                scope_kind=ScopeKind.CUSTOMER,
                scope_ref=customer.code,
            )
    agents = Grant.objects.filter(role=Role.AGENT).values("user").distinct().count()
    for index in range(agents, profile.agents):
        user = accounts.create_user(
            actor=actor,
            username=f"agent{index:03d}",
            display_name=f"坐席 Agent {index:03d}",
            language="zh-hans" if index % 3 else "en",
        )
        accounts.grant_role(user, actor=actor, role=Role.AGENT)
    owner = User.objects.get(username="zhangwei")
    for index in range(Service.objects.count(), profile.services):
        catalogue.create_service(
            actor=actor,
            code=f"SVC-{index:03d}",
            owner=owner,
            name_en=f"Service {index:03d}",
            name_zh_hans=f"服务 {index:03d}",
            all_customers=True,
        )
    _say(out, "people, customers and services ready")
    agent_ids = list(
        Grant.objects.filter(role=Role.AGENT).order_by("user_id").values_list("user_id", flat=True)
    )
    for index in range(SupportGroup.objects.count(), profile.groups):
        group_services.create_group(
            actor=actor,
            code=f"team-{index:02d}",
            name_en=f"Team {index:02d}",
            name_zh_hans=f"{index:02d} 组",
            manager=owner,
            members=User.objects.filter(pk__in=agent_ids[index :: profile.groups]),
        )
    _say(out, "support groups ready")


def world() -> World:
    groups = list(SupportGroup.objects.order_by("pk"))
    members = {
        group.pk: list(group.members.filter(is_active=True).order_by("pk")) for group in groups
    }
    customers = list(Customer.objects.order_by("pk"))
    contacts = {}
    for grant in Grant.objects.filter(role=Role.CUSTOMER, scope_kind=ScopeKind.CUSTOMER):
        customer = next((c for c in customers if c.code == grant.scope_ref), None)
        if customer is not None and customer.pk not in contacts:
            contacts[customer.pk] = grant.user
    targets = {
        (t.agreement_id, t.priority): (t.response_minutes, t.resolution_minutes)
        for t in SlaTarget.objects.all()
    }
    calendars = ServiceLevelAgreement.objects.values_list("calendar_id", flat=True).distinct()
    return World(
        groups=[g for g in groups if members[g.pk]],
        members=members,
        customers=customers,
        contacts=contacts,
        services=list(Service.objects.order_by("pk")),
        items=list(RequestItem.objects.select_related("service").order_by("pk")),
        specs={pk: spec_for(pk) for pk in calendars},
        targets=targets,
    )


class Chain:
    """Appends history rows after the current head, in the order they are given."""

    def __init__(self, request_id: str) -> None:
        head = ChainHead.objects.filter(pk=1).first()
        self.seq, self.hash = (head.seq, head.hash) if head else (0, GENESIS)
        self.key_id = next(iter(settings.HISTORY_KEYS))
        self.request_id = request_id

    def rows(self, events: list[Event]) -> list[ChangeRecord]:
        records = []
        for event in events:
            self.seq += 1
            row = {
                "seq": self.seq,
                "recorded_at": event.at,
                "actor_id": event.actor.pk if event.actor else None,
                "actor_label": (event.actor.username if event.actor else "system")[:150],
                "channel": "import",
                "request_id": self.request_id,
                "event": event.event,
                "object_type": event.object_type,
                "object_id": event.object_id,
                "object_repr": event.object_repr,
                "object_version": event.object_version,
                "changes": event.changes,
                "data": event.data,
            }
            digest = compute_hash(self.key_id, self.hash, row)
            records.append(
                ChangeRecord(key_id=self.key_id, prev_hash=self.hash, hash=digest, **row)
            )
            self.hash = digest
        return records

    def save_head(self) -> None:
        ChainHead.objects.update_or_create(pk=1, defaults={"seq": self.seq, "hash": self.hash})


def _problems(profile):
    """The profile's problems: created over the same months, most closed, a few open."""
    rng = random.Random(profile.seed + 7)
    start = corpus.END - datetime.timedelta(days=30.44 * profile.months)
    span = (corpus.END - start).total_seconds()
    moments = sorted(
        start + datetime.timedelta(seconds=rng.random() * span) for _ in range(profile.problems)
    )
    for number, created in enumerate(moments, start=1):
        zh = rng.random() < 0.6
        subject = corpus._subject(rng, zh)
        description = corpus._text(rng, zh, 80, 1500)
        days = None if rng.random() < 0.08 else rng.uniform(3, 40)
        yield (created, "problem", (number, created, subject, description, days))


class Builder:
    def __init__(self, profile, out=print) -> None:
        self.profile = profile
        self.out = out
        self.heap: list = []
        self.tick = 0
        self.counts: dict[str, int] = {}

    def run(self) -> dict:
        started = time.perf_counter()
        actor = accounts.system_actor()
        with change_context("cli"):
            reference(self.profile, actor, self.out)
        self.world = world()
        self.counters = Counters(self._starts())
        self.makers = {
            INCIDENTS.key: TicketRows(INCIDENTS, self.world, self.counters, NOW),
            REQUESTS.key: TicketRows(REQUESTS, self.world, self.counters, NOW),
        }
        self.chain = Chain(f"bench-{self.profile.name}")
        stream = heapq.merge(
            (
                (t.created_at, INCIDENTS.key, t)
                for t in corpus.tickets(self.profile.incident_shape())
            ),
            ((t.created_at, REQUESTS.key, t) for t in corpus.tickets(self.profile.request_shape())),
            _problems(self.profile),
            key=lambda entry: entry[0],
        )
        batch: list = []
        for created, key, item in stream:
            batch.append((key, item))
            if len(batch) >= BATCH:
                self._flush(batch, until=created)
                batch = []
        self._flush(batch, until=None)
        self._finish()
        self.counts["seconds"] = round(time.perf_counter() - started, 1)
        return self.counts

    def _starts(self) -> dict[str, int]:
        models = {
            INCIDENTS.key: INCIDENTS.model,
            REQUESTS.key: REQUESTS.model,
            "incidents.incidentcomment": INCIDENTS.comment_model,
            "servicerequests.requestcomment": REQUESTS.comment_model,
            "subject": TrackedSubject,
            "clock": SlaClock,
            "search": SearchEntry,
            "problem": Problem,
        }
        return {
            name: (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
            for name, model in models.items()
        }

    def _flush(self, batch: list, *, until) -> None:
        built, problems = [], []
        for key, item in batch:
            if key == "problem":
                problems.append(self._problem(*item))
                continue
            rows = self.makers[key].build(item)
            built.append((key, rows))
            for event in rows.events:
                self.tick += 1
                heapq.heappush(self.heap, (event.at, self.tick, event))
        ready = []
        while self.heap and (until is None or self.heap[0][0] < until):
            ready.append(heapq.heappop(self.heap)[2])
        with transaction.atomic():
            self._insert(built, problems)
            insert(ChangeRecord, self.chain.rows(ready))
            self.chain.save_head()
        self._count("history", len(ready))
        _say(
            self.out,
            f"{self.counts.get(INCIDENTS.key, 0):>9,} incidents "
            f"{self.counts.get(REQUESTS.key, 0):>9,} requests "
            f"{self.counts.get('problems', 0):>7,} problems "
            f"{self.counts.get('history', 0):>10,} history rows",
        )

    def _insert(self, built: list, problems: list) -> None:
        for kind in (INCIDENTS, REQUESTS):
            mine = [rows for key, rows in built if key == kind.key]
            if not mine:
                continue
            insert(kind.model, [r.ticket for r in mine])
            comments = [c for r in mine for c in r.comments]
            insert(kind.comment_model, comments)
            self._count(kind.key, len(mine))
            self._count("comments", len(comments))
        rows = [rows for _key, rows in built]
        insert(TrackedSubject, [r.subject for r in rows if r.subject])
        insert(SlaClock, [c for r in rows for c in r.clocks])
        insert(ClockEvent, [e for r in rows for e in r.clock_events])
        insert(SearchEntry, [r.search_entry for r in rows])
        insert(Problem, problems)
        self._count("problems", len(problems))

    def _problem(self, number, at, subject, description, days) -> Problem:
        world = self.world
        pk = self.counters.take("problem")
        group = world.groups[number % len(world.groups)]
        members = world.members[group.pk]
        resolved = at + datetime.timedelta(days=days) if days is not None else None
        resolved = resolved if resolved and resolved < NOW else None
        closed = resolved + datetime.timedelta(days=2) if resolved else None
        closed = closed if closed and closed < NOW else None
        status = "closed" if closed else "resolved" if resolved else "investigating"
        problem = Problem(
            pk=pk,
            subject=subject,
            description=description,
            status=status,
            impact=2,
            urgency=2,
            priority="P3",
            service=world.services[number % len(world.services)],
            category="software",
            assigned_group=group,
            assignee=members[number % len(members)],
            root_cause=description[:200] if resolved else "",
            resolution=description[:200] if resolved else "",
            reported_at=at,
            resolved_at=resolved,
            closed_at=closed,
            created_at=at,
            updated_at=closed or resolved or at,
        )
        self.tick += 1
        event = Event(
            at=at,
            order=number,
            actor=problem.assignee,
            event="problems.problem.raised",
            object_type="problems.problem",
            object_id=str(pk),
            object_repr=f"PRB-{pk:06d} {subject}"[:200],
            object_version=1,
            changes={"subject": [None, subject], "status": [None, "new"]},
            data={"at": iso(at), "incidents": []},
        )
        heapq.heappush(self.heap, (at, self.tick, event))
        return problem

    def _finish(self) -> None:
        if connection.vendor == "postgresql":
            models = [
                INCIDENTS.model,
                REQUESTS.model,
                INCIDENTS.comment_model,
                REQUESTS.comment_model,
                TrackedSubject,
                SlaClock,
                ClockEvent,
                SearchEntry,
                Problem,
                ChangeRecord,
            ]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), models):
                    cursor.execute(sql)
        for kind in (INCIDENTS, REQUESTS):
            summary.rebuild(kind)
        _say(self.out, "monthly figures rebuilt")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
                cursor.execute("PRAGMA optimize")

    def _count(self, name: str, amount: int) -> None:
        self.counts[name] = self.counts.get(name, 0) + amount
