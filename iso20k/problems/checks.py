"""Evidence checks on problem management (8.6.3): root causes found in reasonable time,
repeating incidents taken up as problems, and problem management operated for 90 days."""

from datetime import timedelta
from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.evidence.operation import operation_check
from iso20k.evidence.registry import check
from iso20k.evidence.results import Status
from iso20k.incidents.models import Incident

from .choices import OPEN_PROBLEM_STATUSES
from .models import Problem

ROOT_CAUSE_DAYS = 60  # an open problem older than this should have its root cause
REPEAT_DAYS = 30  # incidents within this many days…
REPEAT_COUNT = 3  # …this many alike repeat, and call for a problem
REPEAT_KEY = ("service_id", "category", "subcategory", "configuration_item")


def open_problems(ctx):
    if ctx.live:
        return Problem.objects.filter(status__in=OPEN_PROBLEM_STATUSES)
    return ctx.open_at(Problem.objects.all())


@check(
    "problems.root-cause-found",
    clauses=["8.6.3"],
    depends_on=["problems.problem"],
    title=_("Problems find their root cause in reasonable time"),
    messages={
        Status.PASS: _(
            "None of the %(open)s open problems has gone more than %(days)s days without a "
            "root cause."
        ),
        Status.FAIL: _(
            "%(late)s of %(open)s open problems have had no root cause for more than %(days)s "
            "days; the oldest since %(since)s."
        ),
        Status.NOT_APPLICABLE: _("No problem is open."),
    },
)
def root_cause_found(ctx):
    problems = open_problems(ctx)
    total = problems.count()
    if not total:
        return ctx.result(Status.NOT_APPLICABLE)
    late = problems.filter(
        root_cause="", reported_at__lt=ctx.at - timedelta(days=ROOT_CAUSE_DAYS)
    ).order_by("reported_at", "id")
    params = {"open": total, "days": ROOT_CAUSE_DAYS}
    count = late.count()
    if not count:
        return ctx.result(Status.PASS, params)
    params.update(late=count, since=timezone.localdate(late.first().reported_at).isoformat())
    return ctx.result(Status.FAIL, params, refs=ctx.refs(late), ref_count=count)


@check(
    "problems.repeats-investigated",
    clauses=["8.6.3"],
    depends_on=["incidents.incident", "problems.problem"],
    title=_("Incidents that keep coming back are investigated as problems"),
    messages={
        Status.PASS: _(
            "No group of %(repeat)s or more alike incidents in the last %(days)s days is "
            "without a problem (%(incidents)s incidents examined)."
        ),
        Status.FAIL: _(
            "%(groups)s groups of alike incidents (%(repeated)s incidents in the last %(days)s "
            "days, same service, category, subcategory and configuration item) have no problem."
        ),
        Status.NOT_ENOUGH_DATA: _("No incident was reported in the last %(days)s days."),
    },
)
def repeats_investigated(ctx):
    recent = ctx.existing(
        Incident.objects.filter(
            reported_at__gt=ctx.at - timedelta(days=REPEAT_DAYS), reported_at__lte=ctx.at
        ).exclude(status="cancelled")
    )
    params = {"days": REPEAT_DAYS, "repeat": REPEAT_COUNT}
    alike = recent.exclude(subcategory="", configuration_item="").filter(service__isnull=False)
    groups = list(
        alike.values(*REPEAT_KEY)
        .annotate(n=Count("id"), linked=Count("problem"))
        .filter(n__gte=REPEAT_COUNT, linked=0)
        .order_by("-n", *REPEAT_KEY)
    )
    if not groups:
        examined = recent.count()
        if not examined:
            return ctx.result(Status.NOT_ENOUGH_DATA, params)
        return ctx.result(Status.PASS, {**params, "incidents": examined})
    repeated = sum(g["n"] for g in groups)
    params.update(groups=len(groups), repeated=repeated)
    members = alike.filter(
        reduce(or_, (Q(**{k: g[k] for k in REPEAT_KEY}) for g in groups[:50]))
    ).order_by(*REPEAT_KEY, "reported_at", "id")
    return ctx.result(Status.FAIL, params, refs=ctx.refs(members), ref_count=repeated)


operation_check(
    "problems.operated-90-days",
    clauses=["8.6.3"],
    depends_on=["problems.problem"],
    title=_("Problem management has run for at least 90 days"),
    records=Problem.objects.all,
)
