"""Evidence checks on incident management (8.6.1): major incidents reviewed, and incident
management operated for the required period."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from iso20k.evidence.operation import operation_check
from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .models import Incident, MajorIncidentReview

REVIEW_DAYS = 10  # a major incident resolved longer ago than this should have its review


@check(
    "incidents.major-reviewed",
    clauses=["8.6.1"],
    depends_on=["incidents.incident", "incidents.majorincidentreview"],
    title=_("Every major incident is reviewed after it is resolved"),
    messages={
        Status.PASS: _("All %(resolved)s resolved major incidents have a review."),
        Status.WARNING: _(
            "%(pending)s major incidents resolved in the last %(days)s days still await their "
            "review."
        ),
        Status.FAIL: _(
            "%(missing)s major incidents resolved more than %(days)s days ago have no review."
        ),
        Status.NOT_APPLICABLE: _("No major incident has been resolved."),
    },
)
def major_reviewed(ctx):
    reviewed = MajorIncidentReview.objects.filter(incident=OuterRef("pk"))
    if not ctx.live:
        reviewed = reviewed.filter(created_at__lte=ctx.at)
    resolved = ctx.existing(Incident.objects.filter(is_major=True, resolved_at__lte=ctx.at))
    total = resolved.count()
    if not total:
        return ctx.result(Status.NOT_APPLICABLE)
    unreviewed = resolved.exclude(Exists(reviewed)).order_by("resolved_at", "id")
    due = ctx.at - timedelta(days=REVIEW_DAYS)
    missing = unreviewed.filter(resolved_at__lt=due)
    params = {"resolved": total, "days": REVIEW_DAYS}
    if missing_count := missing.count():
        params["missing"] = missing_count
        return ctx.result(Status.FAIL, params, refs=ctx.refs(missing), ref_count=missing_count)
    if pending := unreviewed.count():
        params["pending"] = pending
        return ctx.result(Status.WARNING, params, refs=ctx.refs(unreviewed), ref_count=pending)
    return ctx.result(Status.PASS, params)


operation_check(
    "incidents.operated-90-days",
    clauses=["8.6.1"],
    depends_on=["incidents.incident"],
    title=_("Incident management has run for at least 90 days"),
    records=Incident.objects.all,
)
