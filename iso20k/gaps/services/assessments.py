"""Gap assessments, clause ratings and their evidence: start, rate, complete, copy.

Each function checks its rules, writes version-checked rows and records history.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from iso20k.accounts import access as accounts
from iso20k.catalogue.models import Clause
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.files import services as files
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.history import services as history

from ..choices import CARRIED_OVER, CHOOSABLE, AssessmentStatus, Rating
from ..models import Assessment, ClauseRating

ASSESSMENT_FIELDS = ["programme", "title", "assessed_on", "scope", "summary"]


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def _check_assessment(fields: dict, assessors) -> None:
    if not (fields.get("title") or "").strip():
        raise _error("title", _("Give the assessment a title."), "title_required")
    if fields.get("assessed_on") is None:
        raise _error("assessed_on", _("Give the assessment date."), "date_required")
    if assessors is not None:
        assessors = list(assessors)
        if not assessors:
            raise _error("assessors", _("Name at least one assessor."), "assessors_required")
        if any(not a.is_active or not accounts.is_internal(a) for a in assessors):
            raise _error(
                "assessors",
                _("Assessors must be active people of the organisation."),
                "not_internal",
            )
    programme = fields.get("programme")
    if programme is not None and not programme.is_open:
        raise _error("programme", _("Choose a programme that is still open."), "programme_closed")


def _require_open(assessment: Assessment) -> None:
    if not assessment.is_open:
        raise _error(
            "status",
            _("The assessment is completed and can no longer be changed."),
            "assessment_completed",
        )


@transaction.atomic
def create_assessment(*, actor, assessors, **fields) -> Assessment:
    """Start an assessment with every assessable clause waiting to be rated.

    Raises ValidationError (title_required, date_required, assessors_required,
    not_internal, programme_closed). Event gaps.assessment.created.
    """
    _check_assessment(fields, assessors)
    assessment = Assessment.objects.create(**fields)
    assessment.assessors.set(assessors)
    clauses = list(Clause.objects.assessable())
    ClauseRating.objects.bulk_create(
        ClauseRating(assessment=assessment, clause=clause) for clause in clauses
    )
    history.record(
        assessment,
        event="gaps.assessment.created",
        actor=actor,
        changes=history.initial(assessment, [*ASSESSMENT_FIELDS, "assessors"]),
        data={"clauses": len(clauses)},
    )
    return assessment


@transaction.atomic
def update_assessment(
    assessment: Assessment, *, actor, expected_version: int | None, assessors=None, **fields
) -> Assessment:
    """Edit an assessment in progress. Event gaps.assessment.updated."""
    require_version(assessment, expected_version)
    _require_open(assessment)
    merged = {name: fields.get(name, getattr(assessment, name)) for name in ASSESSMENT_FIELDS}
    _check_assessment(merged, assessors)
    names = list(fields) + (["assessors"] if assessors is not None else [])
    before = history.snapshot(assessment, names)
    for name, value in fields.items():
        setattr(assessment, name, value)
    save_versioned(assessment, fields=list(fields), expected_version=expected_version)
    if assessors is not None:
        assessment.assessors.set(assessors)
    history.record(
        assessment,
        event="gaps.assessment.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(assessment, names)),
    )
    return assessment


def _check_rating(rating_value: str, justification: str) -> str:
    """The justification to keep: required for not applicable, dropped otherwise."""
    if rating_value not in CHOOSABLE:
        raise _error(
            "rating",
            _("“%(value)s” is not on the scale."),
            "invalid_rating",
            value=str(rating_value),
        )
    justification = (justification or "").strip()
    if rating_value == Rating.NOT_APPLICABLE and not justification:
        raise _error(
            "justification",
            _(
                "Say why the clause does not apply; auditors will ask, as the standard allows "
                "no exclusions."
            ),
            "justification_required",
        )
    return justification if rating_value == Rating.NOT_APPLICABLE else ""


@transaction.atomic
def rate_clause(
    rating: ClauseRating,
    *,
    actor,
    expected_version: int | None,
    rating_value: str,
    justification: str = "",
    notes: str = "",
) -> ClauseRating:
    """Rate one clause on the scale, or mark it not applicable with a justification.

    Raises ValidationError (invalid_rating, justification_required, assessment_completed)
    and PermissionDenied for someone who is not an assessor. Event gaps.clauserating.rated.
    """
    require_version(rating, expected_version)
    assessment = rating.assessment
    _require_open(assessment)
    from .. import access

    if not access.can_rate(actor, assessment):
        raise PermissionDenied(_("Only the assessment's assessors can rate its clauses."))
    justification = _check_rating(rating_value, justification)
    names = ["rating", "justification", "notes", "carried_over", "rated_by", "rated_at"]
    before = history.snapshot(rating, ["rating", "justification", "notes"])
    rating.rating, rating.justification, rating.notes = rating_value, justification, notes
    rating.carried_over, rating.rated_by, rating.rated_at = False, actor, timezone.now()
    save_versioned(rating, fields=names, expected_version=expected_version)
    history.record(
        rating,
        event="gaps.clauserating.rated",
        actor=actor,
        changes=history.diff(
            before, history.snapshot(rating, ["rating", "justification", "notes"])
        ),
        data={"assessment": assessment.pk, "clause": rating.clause.number},
    )
    return rating


@transaction.atomic
def add_evidence(rating: ClauseRating, *, actor, upload):
    """Attach an evidence file to a rating (checked by content by the files app).

    Raises ValidationError on "file" (file_too_large, file_type_mismatch, …).
    Event gaps.clauserating.evidence_added.
    """
    _require_open(rating.assessment)
    stored = files.store_upload(
        upload, actor=actor, owner=rating, purpose="gap-evidence", allowed=EVIDENCE_KINDS
    )
    history.record(
        rating,
        event="gaps.clauserating.evidence_added",
        actor=actor,
        data={"file": str(stored.pk), "name": stored.original_name, "sha256": stored.sha256},
    )
    return stored


@transaction.atomic
def withdraw_evidence(rating: ClauseRating, *, actor, stored, reason: str):
    """Withdraw a wrongly attached file; it stays stored for the record."""
    _require_open(rating.assessment)
    if stored.owner_type != "gaps.clauserating" or stored.owner_id != str(rating.pk):
        raise _error("file", _("This file does not belong to this rating."), "wrong_file")
    files.withdraw_file(stored, actor=actor, reason=reason)
    history.record(
        rating,
        event="gaps.clauserating.evidence_withdrawn",
        actor=actor,
        data={"file": str(stored.pk), "name": stored.original_name, "reason": reason},
    )
    return stored


@transaction.atomic
def complete_assessment(
    assessment: Assessment, *, actor, expected_version: int | None, summary: str = ""
) -> Assessment:
    """Freeze an assessment once every clause is rated. Event gaps.assessment.completed."""
    require_version(assessment, expected_version)
    _require_open(assessment)
    unrated = assessment.ratings.filter(rating=Rating.NOT_RATED).count()
    if unrated:
        raise _error(
            "status",
            ngettext("%(n)s clause is not rated yet.", "%(n)s clauses are not rated yet.", unrated),
            "unrated_clauses",
            n=unrated,
        )
    assessment.status, assessment.completed_at = AssessmentStatus.COMPLETED, timezone.now()
    assessment.completed_by = actor
    names = ["status", "completed_at", "completed_by"]
    if summary:
        assessment.summary = summary
        names.append("summary")
    save_versioned(assessment, fields=names, expected_version=expected_version)
    history.record(assessment, event="gaps.assessment.completed", actor=actor)
    return assessment


def _copied_ratings(source: Assessment, assessment: Assessment) -> list[ClauseRating]:
    """Ratings of the new assessment: conforming and N/A carried, the rest to judge again."""
    previous = {r.clause_id: r for r in source.ratings.all()}
    rows = []
    for clause in Clause.objects.assessable():
        old = previous.get(clause.pk)
        carried = old is not None and old.rating in CARRIED_OVER
        rows.append(
            ClauseRating(
                assessment=assessment,
                clause=clause,
                rating=old.rating if carried else Rating.NOT_RATED,
                justification=old.justification if carried else "",
                previous_rating=old.rating if old else "",
                carried_over=carried,
            )
        )
    return rows


@transaction.atomic
def copy_assessment(source: Assessment, *, actor, assessors, **fields) -> Assessment:
    """Start the next assessment from a completed one.

    Conforming and not-applicable ratings are carried over (marked so); everything below
    conforming is reset to "not rated" with the earlier rating shown beside it. The source
    and its gaps stay as they were. Event gaps.assessment.copied.
    """
    if source.is_open:
        raise _error(
            "copied_from",
            _("Complete the assessment before starting the next one from it."),
            "source_not_completed",
        )
    fields.setdefault("programme", source.programme)
    fields.setdefault("scope", source.scope)
    _check_assessment(fields, assessors)
    assessment = Assessment.objects.create(copied_from=source, **fields)
    assessment.assessors.set(assessors)
    rows = _copied_ratings(source, assessment)
    ClauseRating.objects.bulk_create(rows)
    history.record(
        assessment,
        event="gaps.assessment.copied",
        actor=actor,
        changes=history.initial(assessment, [*ASSESSMENT_FIELDS, "assessors"]),
        data={
            "copied_from": source.pk,
            "carried_over": sum(r.carried_over for r in rows),
            "to_judge": sum(not r.carried_over for r in rows),
        },
    )
    return assessment
