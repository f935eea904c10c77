"""Services and request items of the service catalogue (clause 8.2.4).

A live service is offered to its customers (or to every customer); its active request
items are what customers can ask for in the portal, each with its own form fields, an
approval flag and a fulfilment target in business minutes.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin, name_or_code
from iso20k.core.models import TimeStamped, Versioned

from .choices import ServiceStatus


class Service(BilingualMixin, TimeStamped, Versioned):
    """A service in the catalogue: who owns it, who it is for, and whether it is live."""

    code = models.CharField(
        _("code"),
        max_length=32,
        help_text=_("Short identifier, e.g. CLOUD-HOST: letters, digits and hyphens."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=4000)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True, max_length=4000)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_services",
        verbose_name=_("service owner"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ServiceStatus.choices, default=ServiceStatus.PIPELINE
    )
    customers = models.ManyToManyField(
        "customers.Customer", blank=True, related_name="services", verbose_name=_("customers")
    )
    all_customers = models.BooleanField(
        _("offered to every customer"),
        default=False,
        help_text=_("Leave unticked to offer it only to the customers listed."),
    )
    went_live_on = models.DateField(_("live since"), null=True, blank=True)
    retired_on = models.DateField(_("retired on"), null=True, blank=True)

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(Lower("code"), name="service_code_unique"),
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="service_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return name_or_code(self)

    def get_absolute_url(self) -> str:
        return reverse("servicecatalogue:service-detail", args=[self.code])


class RequestItem(BilingualMixin, TimeStamped, Versioned):
    """Something customers can request from a service, with the form they fill in."""

    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="request_items", verbose_name=_("service")
    )
    code = models.SlugField(_("code"), max_length=40)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True, max_length=2000)
    description_zh_hans = models.TextField(_("description (Chinese)"), blank=True, max_length=2000)
    fields = models.JSONField(_("form fields"), default=list, blank=True)
    requires_approval = models.BooleanField(_("requires approval"), default=False)
    fulfilment_target_minutes = models.PositiveIntegerField(
        _("fulfilment target (business minutes)")
    )
    is_active = models.BooleanField(_("offered"), default=True)

    class Meta:
        verbose_name = _("request item")
        verbose_name_plural = _("request items")
        ordering = ["service__code", "code"]
        constraints = [
            models.UniqueConstraint(fields=["service", "code"], name="request_item_code_unique"),
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="request_item_has_a_name"
            ),
            models.CheckConstraint(
                condition=Q(fulfilment_target_minutes__gt=0),
                name="request_item_target_positive",
            ),
        ]

    def __str__(self) -> str:
        return name_or_code(self)

    def get_absolute_url(self) -> str:
        return reverse("servicecatalogue:item-detail", args=[self.service.code, self.code])
