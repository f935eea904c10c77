"""Reads of gap assessments: scores per section, the prioritised gap list, comparisons.

Scores are computed from the ratings each time (points 0–3 on the scale, not-applicable
clauses left out), never stored.
"""

from dataclasses import dataclass, field

from django.db import models
from django.db.models import Case, IntegerField, Value, When

from .choices import OPEN_GAP_STATUSES, POINTS, SCALE, GapStatus, Rating

PRIORITY_RANK = {"critical": 1, "high": 2, "medium": 3, "low": 4}


class AssessmentQuerySet(models.QuerySet):
    def for_list(self) -> "AssessmentQuerySet":
        return self.select_related("programme", "completed_by").prefetch_related("assessors")

    def completed(self) -> "AssessmentQuerySet":
        return self.filter(status="completed")


class ClauseRatingQuerySet(models.QuerySet):
    def for_map(self) -> "ClauseRatingQuerySet":
        return self.select_related("clause").order_by("clause__sort_key")


class GapQuerySet(models.QuerySet):
    def for_list(self) -> "GapQuerySet":
        return self.select_related("clause", "owner", "assessment", "task")

    def open(self) -> "GapQuerySet":
        return self.filter(status__in=OPEN_GAP_STATUSES)

    def prioritised(self) -> "GapQuerySet":
        """Open before closed, then by priority, due date (none last) and clause."""
        return self.annotate(
            status_rank=Case(
                When(status=GapStatus.CLOSED, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
            priority_rank=Case(
                *[When(priority=k, then=Value(v)) for k, v in PRIORITY_RANK.items()],
                output_field=IntegerField(),
            ),
        ).order_by(
            "status_rank",
            "priority_rank",
            models.F("due_on").asc(nulls_last=True),
            "clause__sort_key",
            "pk",
        )


@dataclass
class Score:
    """Maturity of a set of ratings: counts per rating and points over the applicable ones."""

    counts: dict = field(default_factory=lambda: dict.fromkeys(Rating.values, 0))
    points: int = 0

    def add(self, rating: str) -> None:
        self.counts[rating] = self.counts.get(rating, 0) + 1
        if rating in POINTS:
            self.points += POINTS[rating]

    @property
    def rated(self) -> int:
        return sum(self.counts[r] for r in SCALE)

    @property
    def applicable(self) -> int:
        return self.rated

    @property
    def unrated(self) -> int:
        return self.counts[Rating.NOT_RATED]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def percent(self) -> int:
        """Points reached out of the maximum for the rated, applicable clauses."""
        return round(100 * self.points / (3 * self.rated)) if self.rated else 0

    @property
    def average(self) -> float:
        return round(self.points / self.rated, 2) if self.rated else 0.0


def score(ratings) -> Score:
    result = Score()
    for rating in ratings:
        result.add(rating if isinstance(rating, str) else rating.rating)
    return result


def section_of(number: str) -> str:
    return number.split(".")[0]


def by_section(ratings) -> dict[str, list]:
    """Ratings grouped by top-level clause (4 to 10), in catalogue order."""
    sections: dict[str, list] = {}
    for rating in ratings:
        sections.setdefault(section_of(rating.clause.number), []).append(rating)
    return sections


@dataclass(frozen=True)
class Change:
    clause: object
    before: str | None
    after: str | None

    @property
    def delta(self) -> int | None:
        if self.before in POINTS and self.after in POINTS:
            return POINTS[self.after] - POINTS[self.before]
        return None

    @property
    def before_label(self) -> str:
        return Rating(self.before).label if self.before else ""

    @property
    def after_label(self) -> str:
        return Rating(self.after).label if self.after else ""

    @property
    def direction(self) -> str:
        delta = self.delta
        if delta is None:
            return "same" if self.before == self.after else "other"
        return "up" if delta > 0 else "down" if delta < 0 else "same"


def compare(first, second) -> list[Change]:
    """Clause-by-clause change from `first` to `second` (two queries)."""
    before = {r.clause_id: r.rating for r in first.ratings.all()}
    changes = []
    for rating in second.ratings.for_map():
        changes.append(Change(rating.clause, before.pop(rating.clause_id, None), rating.rating))
    for rating in first.ratings.for_map().filter(clause_id__in=list(before)):
        changes.append(Change(rating.clause, rating.rating, None))
    return changes


def ratings_by_assessment(ids: list[int]) -> dict[int, list[str]]:
    """The rating values of several assessments in one query, for list pages."""
    from .models import ClauseRating

    result: dict[int, list[str]] = {}
    rows = ClauseRating.objects.filter(assessment_id__in=ids).values_list("assessment_id", "rating")
    for assessment_id, rating in rows:
        result.setdefault(assessment_id, []).append(rating)
    return result


def open_gap_counts(ids: list[int]) -> dict[int, int]:
    from django.db.models import Count

    from .models import Gap

    rows = (
        Gap.objects.filter(assessment_id__in=ids, status__in=OPEN_GAP_STATUSES)
        .values("assessment_id")
        .annotate(n=Count("pk"))
        .values_list("assessment_id", "n")
    )
    return dict(rows)


def neighbours(rating) -> dict:
    """The clause ratings before and after this one, for paging through an assessment."""
    ratings = rating.assessment.ratings.select_related("clause")
    key = rating.clause.sort_key
    return {
        "previous": ratings.filter(clause__sort_key__lt=key).order_by("-clause__sort_key").first(),
        "next": ratings.filter(clause__sort_key__gt=key).order_by("clause__sort_key").first(),
    }


def next_unrated(rating):
    """The next clause still to rate after this one (wrapping round), or None."""
    ratings = rating.assessment.ratings.select_related("clause").filter(rating=Rating.NOT_RATED)
    after = ratings.filter(clause__sort_key__gt=rating.clause.sort_key).order_by("clause__sort_key")
    return after.first() or ratings.order_by("clause__sort_key").first()


def previous_of(assessment, candidates):
    """What an assessment is compared with by default: its source, else the one before it."""
    if assessment.copied_from_id:
        source = candidates.filter(pk=assessment.copied_from_id).first()
        if source is not None:
            return source
    return (
        candidates.exclude(pk=assessment.pk)
        .filter(assessed_on__lte=assessment.assessed_on)
        .order_by("-assessed_on", "-pk")
        .first()
    )


def tally(changes: list[Change]) -> dict[str, int]:
    counts = {"up": 0, "down": 0, "same": 0, "other": 0}
    for change in changes:
        counts[change.direction] += 1
    return counts
