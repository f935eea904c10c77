"""Tiers and states of controlled documents, and the history events of this app."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class Tier(models.TextChoices):
    MANUAL = "l1", _("L1 · Manual and policies")
    PROCEDURE = "l2", _("L2 · Procedure")
    INSTRUCTION = "l3", _("L3 · Work instruction")
    FORM = "l4", _("L4 · Record form")


class DocumentStatus(models.TextChoices):
    """Where the document as a whole stands: its effective version decides."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    OBSOLETE = "obsolete", _("Obsolete")


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    APPROVED = "approved", _("Approved")
    OBSOLETE = "obsolete", _("Obsolete")


OPEN_VERSION_STATUSES = [VersionStatus.DRAFT, VersionStatus.IN_REVIEW]


class SignoffKind(models.TextChoices):
    REVIEWER = "reviewer", _("Reviewer")
    APPROVER = "approver", _("Approver")


class SignoffDecision(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Agreed")
    RETURNED = "returned", _("Changes requested")


class ReviewDue(models.TextChoices):
    """Filter values of the register's "due review" filter."""

    OVERDUE = "overdue", _("Review overdue")
    DAYS_30 = "30", _("Due within 30 days")
    DAYS_90 = "90", _("Due within 90 days")


events.register(
    {
        "documents.document.created": _("Document registered"),
        "documents.document.updated": _("Document details changed"),
        "documents.document.generated": _("Document generated from a template"),
        "documents.document.retired": _("Document made obsolete"),
        "documents.documentversion.drafted": _("Version drafted"),
        "documents.documentversion.updated": _("Draft edited"),
        "documents.documentversion.file_attached": _("File attached to the draft"),
        "documents.documentversion.file_removed": _("File removed from the draft"),
        "documents.documentversion.submitted": _("Version sent for review"),
        "documents.documentversion.withdrawn": _("Version withdrawn from review"),
        "documents.documentversion.reviewed": _("Review recorded"),
        "documents.documentversion.signed": _("Approval recorded"),
        "documents.documentversion.approved": _("Version approved"),
        "documents.documentversion.returned": _("Version returned to draft"),
        "documents.documentversion.effective": _("Version became effective"),
        "documents.documentversion.superseded": _("Version superseded"),
        "documents.documentversion.discarded": _("Draft discarded"),
        "documents.documentversion.withdrawn_from_use": _("Version withdrawn from use"),
        "documents.documentversion.review_confirmed": _("Periodic review confirmed"),
        "documents.readassignment.assigned": _("Reading assigned"),
        "documents.readassignment.revoked": _("Reading assignment ended"),
        "documents.acknowledgement.requested": _("Asked to read a version"),
        "documents.acknowledgement.acknowledged": _("Reading confirmed"),
    }
)
