"""Monthly figures per ticket type and service, kept current by the ticket services so that
reports never scan the whole history."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class TicketMonthStat(models.Model):
    """How one month went for one service and one ticket type: tickets opened, resolution
    and response cycles met or missed, reopens and satisfaction ratings.

    Evidence for 8.3.3 (service levels achieved), 8.6.1/8.6.2 (tickets handled) and 9.1
    (monitoring). Maintained by servicedesk.reporting.summary as tickets change, and
    rebuilt from the tickets by `manage.py rebuild_desk_summary`. The month is the month
    of the business time of each event, in the organisation's time zone.
    """

    kind = models.CharField(_("ticket type"), max_length=64)
    month = models.DateField(_("month"))
    service = models.ForeignKey(
        "servicecatalogue.Service",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    opened = models.PositiveIntegerField(_("opened"), default=0)
    resolved = models.PositiveIntegerField(_("resolved"), default=0)
    reopened = models.PositiveIntegerField(_("reopened"), default=0)
    response_met = models.PositiveIntegerField(_("responses in time"), default=0)
    response_missed = models.PositiveIntegerField(_("responses late"), default=0)
    resolution_met = models.PositiveIntegerField(_("resolutions in time"), default=0)
    resolution_missed = models.PositiveIntegerField(_("resolutions late"), default=0)
    rated = models.PositiveIntegerField(_("ratings"), default=0)
    rating_total = models.PositiveIntegerField(_("sum of ratings"), default=0)

    class Meta:
        verbose_name = _("monthly ticket figures")
        verbose_name_plural = _("monthly ticket figures")
        ordering = ["kind", "month"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "month", "service"],
                condition=Q(service__isnull=False),
                name="month_stat_unique_service",
            ),
            models.UniqueConstraint(
                fields=["kind", "month"],
                condition=Q(service__isnull=True),
                name="month_stat_unique_no_service",
            ),
        ]
        indexes = [models.Index(fields=["kind", "month"], name="month_stat_kind_month_idx")]

    def __str__(self) -> str:
        return f"{self.kind} {self.month:%Y-%m} {self.service_id or '-'}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("servicedesk:report-achievement")
