"""Who may read and change gap assessments, ratings and gaps.

The organisation's own people read them; the certification lead (and the administrator)
run assessments and manage gaps; an assessment's assessors rate its clauses while it is in
progress.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role

from .models import Assessment, ClauseRating, Gap


def can_view(user) -> bool:
    return accounts.is_internal(user)


def can_manage(user) -> bool:
    return accounts.is_administrator(user) or accounts.has_role(user, Role.CERTIFICATION_LEAD)


def can_rate(user, assessment: Assessment) -> bool:
    if not assessment.is_open:
        return False
    if can_manage(user):
        return True
    return assessment.assessors.filter(pk=getattr(user, "pk", None)).exists()


def check_view(user) -> None:
    if not can_view(user):
        raise Http404


def check_manage(user) -> None:
    check_view(user)
    if not can_manage(user):
        raise PermissionDenied


def visible_assessments(user) -> QuerySet[Assessment]:
    if not can_view(user):
        return Assessment.objects.none()
    return Assessment.objects.for_list()


def get_assessment_for(user, pk: int, action: str = "view") -> Assessment:
    assessment = visible_assessments(user).filter(pk=pk).first()
    if assessment is None:
        raise Http404
    if action == "manage" and not can_manage(user):
        raise PermissionDenied
    if action == "rate" and not can_rate(user, assessment):
        raise PermissionDenied
    return assessment


def get_rating_for(user, assessment_pk: int, number: str, action: str = "view") -> ClauseRating:
    assessment = get_assessment_for(user, assessment_pk)
    rating = (
        assessment.ratings.select_related("clause", "rated_by")
        .filter(clause__number=number)
        .first()
    )
    if rating is None:
        raise Http404
    if action == "rate" and not can_rate(user, assessment):
        raise PermissionDenied
    return rating


def visible_gaps(user) -> QuerySet[Gap]:
    if not can_view(user):
        return Gap.objects.none()
    return Gap.objects.for_list()


def get_gap_for(user, pk: int, action: str = "view") -> Gap:
    gap = visible_gaps(user).filter(pk=pk).first()
    if gap is None:
        raise Http404
    if action == "manage" and not can_manage(user):
        raise PermissionDenied
    return gap
