"""Evaluations of the evidence checks, the current outcome of each check, and signed snapshots.

An Evaluation is one run (full, incremental after changes, or as of a past date). Its
Outcomes are data (code, status, figures, record references). LatestOutcome keeps the
newest live outcome per check for the dashboard. A Snapshot freezes one evaluation with
the history chain head and an HMAC signature (evidence for 9.2/9.3 and the certification
audits: what was true on the day).
"""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.models import TimeStamped, Versioned

from .results import Status


class EvaluationKind(models.TextChoices):
    FULL = "full", _("Full")
    INCREMENTAL = "incremental", _("After changes")
    AS_OF = "as_of", _("As of a past date")


class EvaluationState(models.TextChoices):
    PENDING = "pending", _("Waiting for the worker")
    DONE = "done", _("Done")


class Evaluation(models.Model):
    """One run of (some of) the checks, and the readiness it computed."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=EvaluationKind.choices)
    state = models.CharField(
        _("state"), max_length=16, choices=EvaluationState.choices, default=EvaluationState.DONE
    )
    as_of = models.DateTimeField(_("as of"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)
    history_seq = models.BigIntegerField(_("history position"), default=0)
    score = models.DecimalField(_("readiness score"), max_digits=5, decimal_places=1, null=True)
    group_scores = models.JSONField(_("scores per clause group"), default=dict)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["kind", "started_at"], name="evidence_eval_kind_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.as_of:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("evidence:evaluation-detail", args=[self.pk])


class Outcome(models.Model):
    """The result of one check in one evaluation (data; text is rendered when shown)."""

    evaluation = models.ForeignKey(
        Evaluation, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("evaluation")
    )
    code = models.CharField(_("check"), max_length=80)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    params = models.JSONField(_("figures"), default=dict)
    refs = models.JSONField(_("records"), default=list)
    ref_count = models.PositiveIntegerField(_("number of records"), default=0)
    error = models.TextField(_("error"), blank=True)
    duration_ms = models.PositiveIntegerField(_("duration (ms)"), default=0)

    class Meta:
        verbose_name = _("check outcome")
        verbose_name_plural = _("check outcomes")
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "code"], name="evidence_outcome_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.status}"


class LatestOutcome(models.Model):
    """The newest live outcome of each check: what the dashboard shows, in one small query."""

    code = models.CharField(_("check"), max_length=80, primary_key=True)
    outcome = models.ForeignKey(
        Outcome, on_delete=models.CASCADE, related_name="+", verbose_name=_("outcome")
    )
    evaluated_at = models.DateTimeField(_("evaluated at"))

    class Meta:
        verbose_name = _("latest outcome")
        verbose_name_plural = _("latest outcomes")

    def __str__(self) -> str:
        return self.code


class Snapshot(TimeStamped, Versioned):
    """A frozen, signed evaluation, taken for an audit and shared with its auditors."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    audit_ref = models.CharField(
        _("audit reference"),
        max_length=64,
        blank=True,
        help_text=_("External auditors granted this audit reference can see the snapshot."),
    )
    note = models.TextField(_("note"), blank=True)
    evaluation = models.OneToOneField(
        Evaluation, on_delete=models.PROTECT, related_name="snapshot", verbose_name=_("evaluation")
    )
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("taken by"),
    )
    head_seq = models.BigIntegerField(_("history chain position"))
    head_hash = models.CharField(_("history chain hash"), max_length=64)
    manifest = models.JSONField(_("manifest"))
    key_id = models.CharField(_("key id"), max_length=16)
    signature = models.CharField(_("signature"), max_length=64)

    class Meta:
        verbose_name = _("readiness snapshot")
        verbose_name_plural = _("readiness snapshots")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("evidence:snapshot-detail", args=[self.pk])
