"""Reads of documents for the register, its filters and search, and the reading lists.

Counts of readers come as subquery annotations, so a page of the register costs the same
few queries whatever its length.
"""

from datetime import date, timedelta

from django.db import models
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from .choices import OPEN_VERSION_STATUSES, DocumentStatus, ReviewDue
from .search import terms as search_terms


def _count(queryset: models.QuerySet, group: str) -> Coalesce:
    counted = queryset.order_by().values(group).annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted), Value(0))


class DocumentQuerySet(models.QuerySet):
    def for_list(self) -> "DocumentQuerySet":
        from iso20k.catalogue.models import Clause

        from .models import DocumentVersion

        open_versions = DocumentVersion.objects.filter(
            document=OuterRef("pk"), status__in=OPEN_VERSION_STATUSES
        )
        return (
            self.select_related("owner", "current_version")
            .prefetch_related(
                Prefetch("clauses", queryset=Clause.objects.only("id", "number", "sort_key"))
            )
            .annotate(
                open_status=Subquery(open_versions.values("status")[:1]),
                open_number=Subquery(open_versions.values("number")[:1]),
            )
            .with_reading_counts()
        )

    def with_reading_counts(self) -> "DocumentQuerySet":
        from .models import Acknowledgement

        asked = Acknowledgement.objects.filter(
            document_version=OuterRef("current_version"), cancelled_at__isnull=True
        )
        return self.annotate(
            readers=_count(asked, "document_version"),
            readers_done=_count(asked.filter(acknowledged_at__isnull=False), "document_version"),
        )

    def approved(self) -> "DocumentQuerySet":
        return self.filter(status=DocumentStatus.APPROVED)

    def review_due(self, due: str, today: date) -> "DocumentQuerySet":
        """Approved documents whose next review is overdue, or due within 30 / 90 days."""
        approved = self.approved()
        if due == ReviewDue.OVERDUE:
            return approved.filter(current_version__next_review_on__lt=today)
        days = 30 if due == ReviewDue.DAYS_30 else 90
        return approved.filter(current_version__next_review_on__lte=today + timedelta(days=days))

    def serving_clause(self, number: str) -> "DocumentQuerySet":
        """Documents serving the clause or one of its sub-clauses."""
        return self.filter(
            pk__in=self.model.clauses.through.objects.filter(
                Q(clause__number=number) | Q(clause__number__startswith=f"{number}.")
            ).values("document_id")
        )

    def search(self, query: str, versions: models.QuerySet) -> "DocumentQuerySet":
        """Documents whose code, titles or a readable version's text contain every term.

        `versions` are the versions the reader may see, so a draft's text never makes a
        document turn up for someone who may only read approved versions.
        """
        result = self
        for term in search_terms(query):
            matching = versions.filter(search_text__contains=term).values("document_id")
            result = result.filter(Q(search_text__contains=term) | Q(pk__in=matching))
        return result


def outstanding_acknowledgements():
    """Requests to read the version in force that nobody has confirmed or cancelled yet."""
    from django.db.models import F

    from .models import Acknowledgement

    return Acknowledgement.objects.filter(
        acknowledged_at__isnull=True,
        cancelled_at__isnull=True,
        document_version=F("document_version__document__current_version"),
    )


def internal_people():
    """Active people holding at least one role of the organisation's own people now."""
    from iso20k.accounts.choices import INTERNAL_ROLES
    from iso20k.accounts.models import Grant, User

    holders = Grant.objects.active().filter(role__in=INTERNAL_ROLES).values("user_id")
    return (
        User.objects.filter(is_active=True)
        .filter(Q(pk__in=holders) | Q(is_superuser=True))
        .exclude(username="system")
        .order_by("display_name", "username")
    )
