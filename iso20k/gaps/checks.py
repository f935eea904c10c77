"""Evidence from gap assessments: gaps closed on time (6.3), and the clause judgements that
the readiness page shows beside the checks."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.evidence import judgements
from iso20k.evidence.registry import check
from iso20k.evidence.results import Status

from .choices import AssessmentStatus, Rating
from .models import Assessment, ClauseRating, Gap

SCORES = {
    Rating.CONFORMING: 100,
    Rating.DEFINED: 50,
    Rating.INITIAL: 25,
    Rating.NOT_ADDRESSED: 0,
    Rating.NOT_APPLICABLE: None,
}


@check(
    "gaps.closed-on-time",
    clauses=["6.3"],
    depends_on=["gaps.gap"],
    title=_("Gaps found in assessments are closed by their due date"),
    messages={
        Status.PASS: _("None of the %(open)s open gaps is past its due date."),
        Status.FAIL: _(
            "%(overdue)s gaps are open past their due date; the oldest by %(days)s days."
        ),
        Status.NOT_ENOUGH_DATA: _("No gap has been recorded yet."),
    },
)
def closed_on_time(ctx):
    gaps = ctx.existing(Gap.objects.all())
    if not gaps.exists():
        return ctx.result(Status.NOT_ENOUGH_DATA)
    open_then = gaps.filter(Q(closed_at__isnull=True) | Q(closed_at__gt=ctx.at))
    today = timezone.localdate(ctx.at)
    overdue = open_then.filter(due_on__lt=today).select_related("clause").order_by("due_on")
    count = overdue.count()
    if not count:
        return ctx.result(Status.PASS, {"open": open_then.count()})
    days = (today - overdue.first().due_on).days
    return ctx.result(
        Status.FAIL,
        {"overdue": count, "days": days, "open": open_then.count()},
        refs=ctx.refs(overdue),
        ref_count=count,
    )


def latest_judgements(at) -> dict[str, judgements.Judgement]:
    """Ratings of the latest assessment completed by `at`, per clause number."""
    assessment = (
        Assessment.objects.filter(status=AssessmentStatus.COMPLETED, completed_at__lte=at)
        .order_by("-completed_at")
        .first()
    )
    if assessment is None:
        return {}
    ratings = ClauseRating.objects.filter(assessment=assessment).select_related("clause")
    labels = dict(Rating.choices)
    url = assessment.get_absolute_url()
    return {
        r.clause.number: judgements.Judgement(
            label=str(labels[r.rating]),
            score=SCORES[r.rating],
            url=url,
            judged_on=assessment.assessed_on.isoformat(),
        )
        for r in ratings
        if r.rating in SCORES
    }


judgements.register(latest_judgements)
