"""The maturity scale of gap assessments, gap states, and the history events of this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class Rating(models.TextChoices):
    NOT_RATED = "not_rated", _("Not rated yet")
    NOT_ADDRESSED = "not_addressed", _("Not addressed")
    INITIAL = "initial", _("Initial")
    DEFINED = "defined", _("Defined but inconsistent")
    CONFORMING = "conforming", _("Conforming")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


# The scale an assessor chooses from, lowest first, with its points (0–3).
SCALE = [Rating.NOT_ADDRESSED, Rating.INITIAL, Rating.DEFINED, Rating.CONFORMING]
POINTS = {rating: index for index, rating in enumerate(SCALE)}
CHOOSABLE = [*SCALE, Rating.NOT_APPLICABLE]
# What must be judged again when an assessment is copied as the start of the next one:
# everything below "conforming". Conforming and not-applicable ratings are carried over.
CARRIED_OVER = {Rating.CONFORMING, Rating.NOT_APPLICABLE}


class AssessmentStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class GapStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("Being addressed")
    CLOSED = "closed", _("Closed")


OPEN_GAP_STATUSES = [GapStatus.OPEN, GapStatus.IN_PROGRESS]

events.register(
    {
        "gaps.assessment.created": _("Gap assessment started"),
        "gaps.assessment.copied": _("Gap assessment started from a copy"),
        "gaps.assessment.updated": _("Gap assessment edited"),
        "gaps.assessment.completed": _("Gap assessment completed"),
        "gaps.clauserating.rated": _("Clause rated"),
        "gaps.clauserating.evidence_added": _("Evidence attached"),
        "gaps.clauserating.evidence_withdrawn": _("Evidence withdrawn"),
        "gaps.gap.raised": _("Gap raised"),
        "gaps.gap.updated": _("Gap edited"),
        "gaps.gap.task_created": _("Gap turned into a task"),
        "gaps.gap.closed": _("Gap closed"),
        "gaps.gap.reopened": _("Gap reopened"),
    }
)
