"""Evidence checks on how the service desk performs (8.3.3, 8.6.1, 8.6.2).

Achievement and reopen rate are read from the monthly figures the ticket services keep
(TicketMonthStat), so a full evaluation never scans years of tickets; the window is the
month of the evaluated moment and the months before it. Tickets open past their deadline
are read from the tickets' SLA snapshot fields, through the index the lapse report uses.
"""

import datetime
from decimal import Decimal

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.evidence.registry import check
from iso20k.evidence.results import RecordRef, Status
from iso20k.slas.choices import OPEN_STAGES, AgreementStatus
from iso20k.slas.models import ServiceLevelAgreement

from . import kinds
from .models import TicketMonthStat

WINDOW_MONTHS = 3
# The ticket types measured; their history rows (object types) are what re-runs the checks.
TICKET_KINDS = ("incidents.incident", "servicerequests.servicerequest")
MIN_SAMPLE = 10  # resolutions a service needs before falling short is a failure
MIN_RESOLVED = 20  # resolutions the desk needs before its reopen rate means anything
REOPEN_WARNING, REOPEN_FAIL = 5.0, 10.0  # percent of resolutions reopened
LAPSE_FAIL = 10.0  # percent of open tickets past their deadline above which the desk fails


def window(at: datetime.datetime) -> tuple[datetime.date, datetime.date]:
    """(first, last) month of the window ending with the month of `at`."""
    last = timezone.localdate(at).replace(day=1)
    first = last
    for _month in range(WINDOW_MONTHS - 1):
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return first, last


def _figures(ctx):
    first, last = window(ctx.at)
    return TicketMonthStat.objects.filter(kind__in=TICKET_KINDS, month__gte=first, month__lte=last)


def _share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def agreed_achievement(ctx) -> tuple[dict[int, Decimal], Decimal | None]:
    """The agreed achievement per service id, and the one of agreements for any service."""
    specific: dict[int, Decimal] = {}
    general: Decimal | None = None
    agreements = ctx.existing(
        ServiceLevelAgreement.objects.filter(status=AgreementStatus.ACTIVE)
    ).values_list("service_id", "achievement_percent")
    for service_id, percent in agreements:
        if service_id is None:
            general = max(general or percent, percent)
        else:
            specific[service_id] = max(specific.get(service_id, percent), percent)
    return specific, general


@check(
    "desk.sla-achievement",
    clauses=["8.3.3", "8.6.1", "8.6.2"],
    depends_on=[*TICKET_KINDS, "slas.servicelevelagreement"],
    title=_("Each service resolves its tickets within target as often as agreed"),
    messages={
        Status.PASS: _(
            "All %(services)s services met their agreed achievement over %(months)s months: "
            "%(share)s%% of %(measured)s tickets resolved within target."
        ),
        Status.WARNING: _(
            "%(below)s of %(services)s services fell short on fewer than %(sample)s tickets "
            "each; the furthest, %(worst)s, reached %(worst_share)s%% against "
            "%(worst_target)s%%."
        ),
        Status.FAIL: _(
            "%(below)s of %(services)s services fell short of their agreed achievement; the "
            "furthest, %(worst)s, reached %(worst_share)s%% against %(worst_target)s%%."
        ),
        Status.NOT_ENOUGH_DATA: _(
            "No ticket with a resolution target was resolved in the last %(months)s months."
        ),
    },
)
def sla_achievement(ctx):
    rows = (
        _figures(ctx)
        .values("service_id", "service__code")
        .annotate(met=Sum("resolution_met"), missed=Sum("resolution_missed"))
    )
    specific, general = agreed_achievement(ctx)
    measured = met_total = 0
    services, below = 0, []
    for row in rows:
        total = row["met"] + row["missed"]
        measured += total
        met_total += row["met"]
        target = specific.get(row["service_id"], general)
        if not total or row["service_id"] is None or target is None:
            continue
        services += 1
        share = _share(row["met"], total)
        if share < target:
            below.append((float(target) - share, row, share, target, total))
    params = {"months": WINDOW_MONTHS, "measured": measured, "services": services}
    if not measured:
        return ctx.result(Status.NOT_ENOUGH_DATA, params)
    params["share"] = _share(met_total, measured)
    if not below:
        return ctx.result(Status.PASS, params)
    below.sort(key=lambda item: (-item[0], item[1]["service__code"]))
    _gap, worst, worst_share, worst_target, _total = below[0]
    params.update(
        below=len(below),
        worst=worst["service__code"],
        worst_share=worst_share,
        worst_target=float(worst_target),
        sample=MIN_SAMPLE,
    )
    refs = [
        RecordRef(
            "servicecatalogue.service",
            str(row["service_id"]),
            f"{row['service__code']}: {share} % / {target} % ({total})",
        )
        for _gap, row, share, target, total in below
    ]
    small = all(total < MIN_SAMPLE for *_rest, total in below)
    return ctx.result(Status.WARNING if small else Status.FAIL, params, refs=refs)


@check(
    "desk.reopen-rate",
    clauses=["8.6.1", "8.6.2"],
    depends_on=list(TICKET_KINDS),
    title=_("Resolved tickets stay resolved"),
    messages={
        Status.PASS: _(
            "%(reopened)s of %(resolved)s resolutions in %(months)s months were reopened "
            "(%(rate)s%%, at most %(warning)s%% expected)."
        ),
        Status.WARNING: _(
            "%(reopened)s of %(resolved)s resolutions in %(months)s months were reopened "
            "(%(rate)s%%, more than %(warning)s%%)."
        ),
        Status.FAIL: _(
            "%(reopened)s of %(resolved)s resolutions in %(months)s months were reopened "
            "(%(rate)s%%, more than %(fail)s%%)."
        ),
        Status.NOT_ENOUGH_DATA: _(
            "Only %(resolved)s tickets were resolved in %(months)s months; %(minimum)s are "
            "needed to judge the reopen rate."
        ),
    },
)
def reopen_rate(ctx):
    totals = _figures(ctx).aggregate(resolved=Sum("resolved"), reopened=Sum("reopened"))
    resolved, reopened = totals["resolved"] or 0, totals["reopened"] or 0
    params = {
        "months": WINDOW_MONTHS,
        "resolved": resolved,
        "reopened": reopened,
        "minimum": MIN_RESOLVED,
        "warning": REOPEN_WARNING,
        "fail": REOPEN_FAIL,
    }
    if resolved < MIN_RESOLVED:
        return ctx.result(Status.NOT_ENOUGH_DATA, params)
    rate = params["rate"] = _share(reopened, resolved)
    if rate <= REOPEN_WARNING:
        return ctx.result(Status.PASS, params)
    first, _last = window(ctx.at)
    since = timezone.make_aware(datetime.datetime.combine(first, datetime.time()))
    refs = []
    for key in TICKET_KINDS:
        model = kinds.get(key).model
        tickets = ctx.existing(model.objects.filter(reported_at__gte=since, reopened_count__gt=0))
        refs += ctx.refs(tickets.order_by("-reopened_count", "-id"), limit=250)
    status = Status.FAIL if rate > REOPEN_FAIL else Status.WARNING
    return ctx.result(status, params, refs=refs, ref_count=reopened)


def open_then(ctx, model):
    """Tickets of `model` open at ctx.at (live: the database's own is_open)."""
    if ctx.live:
        return model.objects.filter(is_open=True)
    return ctx.open_at(model.objects.all())


@check(
    "desk.open-past-deadline",
    clauses=["8.6.1", "8.6.2"],
    depends_on=list(TICKET_KINDS),
    title=_("Open incidents and requests are within their SLA deadlines"),
    messages={
        Status.PASS: _("None of the %(open)s open incidents and requests is past its deadline."),
        Status.WARNING: _(
            "%(late)s of %(open)s open incidents and requests are past their deadline "
            "(%(share)s%%); the oldest since %(since)s."
        ),
        Status.FAIL: _(
            "%(late)s of %(open)s open incidents and requests are past their deadline "
            "(%(share)s%%, more than %(limit)s%%); the oldest since %(since)s."
        ),
        Status.NOT_ENOUGH_DATA: _("No incident or request is open."),
    },
)
def open_past_deadline(ctx):
    open_count = late_count = 0
    late_sets = []
    for key in TICKET_KINDS:
        model = kinds.get(key).model
        open_tickets = open_then(ctx, model)
        late = open_tickets.filter(sla_breach_at__lt=ctx.at)
        if ctx.live:
            late = late.filter(sla_stage__in=OPEN_STAGES)
        open_count += open_tickets.count()
        count = late.count()
        late_count += count
        if count:
            late_sets.append(late.order_by("sla_breach_at", "id"))
    if not open_count:
        return ctx.result(Status.NOT_ENOUGH_DATA)
    params = {"open": open_count, "late": late_count}
    if not late_count:
        return ctx.result(Status.PASS, params)
    refs, oldest = [], None
    for late in late_sets:
        tickets = list(late[:250])
        refs += [ctx.ref(t) for t in tickets]
        oldest = min(filter(None, [oldest, tickets[0].sla_breach_at]))
    share = _share(late_count, open_count)
    params.update(
        share=share, limit=LAPSE_FAIL, since=timezone.localtime(oldest).date().isoformat()
    )
    status = Status.FAIL if share > LAPSE_FAIL else Status.WARNING
    return ctx.result(status, params, refs=refs, ref_count=late_count)
