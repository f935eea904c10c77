"""Six months of incidents at the demo organisation, told through the real services with
back-dated business times: logged (portal, desk), taken, answered, put on hold, resolved in
or out of their SLA, reopened, rated and closed; problems and known errors behind the
recurring ones; two major incidents, one reviewed and closed, one still awaiting its review.
The SLA engine computes every clock; `created_at` stays the load time, as it must.
"""

import datetime
import random

from django.conf import settings
from django.utils import timezone

from iso20k.accounts.models import User
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.models import SupportGroup
from iso20k.slas import clocks

from . import services
from .demodata import (
    CUSTOMER_REPLIES,
    NOTES,
    PROBLEMS,
    RATING_COMMENTS,
    REPLIES,
    SCENARIOS,
    Scenario,
)
from .models import Incident

DAYS = 182
COUNT = 330
MINUTE = datetime.timedelta(minutes=1)
HOUR = datetime.timedelta(hours=1)
PORTAL_USERS = {
    "dongfang-bank": "customer1",
    "jinhai-logistics": "customer2",
    "nordlicht-medical": "customer3",
}
CONTACTS = {"huaxin-staff": ("赵敏 Zhao Min", "zhaomin@huaxin-cloud.example")}


class Story:
    """The demo's cast and clock: who works which group, and the present moment."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = timezone.now()
        self.start = self.now - datetime.timedelta(days=DAYS)
        self.groups = {g.code: g for g in SupportGroup.objects.prefetch_related("members")}
        self.members = {code: list(g.members.all()) for code, g in self.groups.items()}
        self.services = {s.code: s for s in Service.objects.all()}
        self.customers = {c.code: c for c in Customer.objects.all()}
        self.users = {u.username: u for u in User.objects.all()}
        self.known_errors: dict = {}
        self.problems: dict = {}

    def at(self, moment: datetime.datetime) -> datetime.datetime | None:
        """The moment if it has already happened (the story never runs ahead of now)."""
        return moment if moment <= self.now - MINUTE else None

    def fraction(self, start, due, *, late: bool) -> datetime.datetime:
        span = max((due - start), 10 * MINUTE)
        low, high = (1.1, 2.2) if late else (0.15, 0.85)
        return start + span * self.rng.uniform(low, high)


def _requester(story: Story, customer_code: str) -> dict:
    username = PORTAL_USERS.get(customer_code)
    if username and story.rng.random() < 0.7:
        return {"requester": story.users[username]}
    name, email = CONTACTS.get(customer_code, ("IT 值班 IT on duty", ""))
    return {"contact_name": name, "contact_email": email}


def _open(story: Story, scenario: Scenario, reported, number: int) -> Incident:
    customer_code = story.rng.choice(scenario.customers)
    who = _requester(story, customer_code)
    via_portal = "requester" in who and story.rng.random() < 0.6
    actor = who["requester"] if via_portal else story.users["chenjing"]
    return services.open_incident(
        actor=actor,
        subject=f"{scenario.zh} {scenario.en}",
        description=f"{scenario.zh}。{scenario.en}.",
        category=scenario.category,
        subcategory=scenario.subcategory,
        configuration_item=scenario.ci.format(n=number % 17 + 1),
        impact=max(1, min(3, scenario.impact + story.rng.choice([0, 0, 0, 1, -1]))),
        urgency=scenario.urgency,
        customer=story.customers[customer_code],
        service=story.services[scenario.service],
        assigned_group=story.groups[scenario.group],
        source="portal" if via_portal else story.rng.choice(["agent", "agent", "email"]),
        at=reported,
        **who,
    )


def _due(incident: Incident, kind: str):
    snapshot = clocks.snapshot_of(incident)
    clock = getattr(snapshot, kind, None) if snapshot else None
    return clock.breach_at if clock and clock.stage == "running" else None


def _answer(story: Story, incident: Incident, agent, t) -> datetime.datetime | None:
    """Take it, note, reply publicly (mostly within the response target)."""
    take = story.at(t + story.rng.randint(2, 25) * MINUTE)
    if take is None:
        return None
    incident = services.assign_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        group=incident.assigned_group,
        assignee=agent,
        at=take,
    )
    due = _due(incident, "response") or take + 30 * MINUTE
    reply = story.at(
        max(story.fraction(incident.reported_at, due, late=story.rng.random() < 0.1), take + MINUTE)
    )
    if reply is None:
        return None
    if story.rng.random() < 0.4:
        services.add_incident_comment(
            incident, actor=agent, body=story.rng.choice(NOTES), is_public=False, at=reply - MINUTE
        )
    services.add_incident_comment(
        incident, actor=agent, body=story.rng.choice(REPLIES[:2]), is_public=True, at=reply
    )
    return reply


def _hold(story: Story, incident: Incident, agent, t) -> datetime.datetime | None:
    """Wait for the customer, who answers some hours later (the reply resumes the work)."""
    held = story.at(t + 10 * MINUTE)
    if held is None:
        return None
    incident.refresh_from_db()
    incident = services.hold_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        reason="awaiting_customer",
        note="等待客户提供日志 Waiting for the customer's logs",
        at=held,
    )
    back = story.at(held + story.rng.randint(1, 20) * HOUR)
    if back is None:
        return None
    if incident.requester_id:
        services.add_incident_comment(
            incident, actor=incident.requester, body=CUSTOMER_REPLIES[0], is_public=True, at=back
        )
    else:
        services.resume_incident(incident, actor=agent, expected_version=incident.version, at=back)
    return back


def _resolve(story: Story, incident: Incident, scenario: Scenario, agent, t):
    incident.refresh_from_db()
    due = _due(incident, "resolution") or t + 8 * HOUR
    when = story.at(max(story.fraction(t, due, late=story.rng.random() < 0.14), t + 5 * MINUTE))
    if when is None:
        return None
    known = story.known_errors.get(scenario.problem)
    code = scenario.code
    if code == "known_error" and (known is None or known.published_at > when):
        code, known = "workaround", None
    return services.resolve_incident(
        incident,
        actor=agent,
        expected_version=incident.version,
        resolution_code=code,
        resolution_notes=scenario.notes,
        known_error=known if code == "known_error" else None,
        at=when,
    )


def _after(story: Story, incident: Incident, agent) -> None:
    """Reopen a few, rate about half of those with a portal requester, close the rest."""
    rng, requester = story.rng, incident.requester
    t = incident.resolved_at
    if requester and rng.random() < 0.06:
        reopen = story.at(t + rng.randint(2, 30) * HOUR)
        if reopen is None:
            return
        incident = services.reopen_incident(
            incident,
            actor=requester,
            expected_version=incident.version,
            reason=CUSTOMER_REPLIES[2],
            at=reopen,
        )
        scenario = next(s for s in SCENARIOS if incident.subject.startswith(s.zh))
        incident = _resolve(story, incident, scenario, agent, reopen)
        if incident is None:
            return
        t = incident.resolved_at
    if requester and rng.random() < 0.55:
        rated = story.at(t + rng.randint(1, 30) * HOUR)
        if rated:
            stars = (
                rng.choice([5, 5, 4, 4, 4, 3])
                if not incident.sla_ever_breached
                else rng.choice([4, 3, 3, 2, 1])
            )
            services.rate_incident(
                incident, actor=requester, rating=stars, comment=RATING_COMMENTS[stars], at=rated
            )
            incident.refresh_from_db()
    closed = story.at(t + rng.randint(72, 120) * HOUR)
    if closed and not incident.is_major:
        services.close_incident(incident, actor=agent, expected_version=incident.version, at=closed)


def _live(story: Story, scenario: Scenario, reported, number: int) -> Incident:
    incident = _open(story, scenario, reported, number)
    agent = story.rng.choice(story.members[scenario.group])
    t = _answer(story, incident, agent, reported)
    if t is None:
        return incident
    if story.now - reported < datetime.timedelta(days=25) and story.rng.random() < 0.15:
        return incident  # forgotten: still open, and past its deadline by now
    if story.rng.random() < 0.18:
        t = _hold(story, incident, agent, t)
        if t is None:
            return incident
    resolved = _resolve(story, incident, scenario, agent, t)
    if resolved is not None:
        _after(story, resolved, agent)
    return incident


def _problems(story: Story) -> None:
    from iso20k.problems import services as problems

    manager = story.users["sunhao"]
    for key, (zh, en, cause, workaround, fix, category, service) in PROBLEMS.items():
        raised = story.start + datetime.timedelta(days=story.rng.randint(12, 30))
        problem = problems.raise_problem(
            actor=manager,
            subject=f"{zh} {en}",
            category=category,
            service=story.services[service],
            source="trend",
            impact=2,
            urgency=2,
            assigned_group=story.groups["dba" if category == "database" else "cloud-ops"],
            at=raised,
        )
        problem = problems.start_investigation(
            problem, actor=manager, expected_version=problem.version, at=raised
        )
        story.known_errors[key] = problems.record_known_error(
            problem,
            actor=manager,
            expected_version=problem.version,
            root_cause=cause,
            workaround=workaround,
            at=raised + datetime.timedelta(days=3),
        )
        problem.refresh_from_db()
        if fix:
            problem = problems.resolve_problem(
                problem,
                actor=manager,
                expected_version=problem.version,
                resolution=fix,
                at=story.now - datetime.timedelta(days=20),
            )
        story.problems[key] = problem


def _link_problems(story: Story) -> None:
    from iso20k.problems import services as problems

    for scenario in SCENARIOS:
        if scenario.problem:
            linked = Incident.objects.filter(subject__startswith=scenario.zh)
            problems.link_incidents(
                story.problems[scenario.problem], linked, actor=story.users["sunhao"]
            )


def load(actor) -> str:
    if Incident.objects.exists():
        return "incidents already present"
    if "cloud-ops" not in SupportGroup.objects.values_list("code", flat=True):
        return "no support groups: load the service desk demo first"
    from .demomajor import major_incidents, trend_problem

    story = Story(random.Random(20261124))
    _problems(story)
    weights = [s.weight for s in SCENARIOS]
    count = max(20, int(COUNT * getattr(settings, "DEMO_SCALE", 1.0)))
    moments = sorted(
        story.start + (story.now - story.start - HOUR) * story.rng.random() for _ in range(count)
    )
    for number, reported in enumerate(moments, start=1):
        scenario = story.rng.choices(SCENARIOS, weights)[0]
        _live(story, scenario, reported, number)
    _link_problems(story)
    major_incidents(story)
    trend_problem(story)
    return f"{Incident.objects.count()} incidents, problems and known errors created"
