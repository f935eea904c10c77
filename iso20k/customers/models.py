"""Customer organisations and their contacts (clauses 8.2.4 and 8.3.3 name the customers).

A customer's `code` is the scope reference of "customer" role grants, so it never changes
once created; names and contacts can.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from iso20k.core.i18n import BilingualMixin, name_or_code
from iso20k.core.models import TimeStamped, Versioned


class Customer(BilingualMixin, TimeStamped, Versioned):
    """An organisation the services are provided to, internal or external."""

    code = models.SlugField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Short, permanent identifier, e.g. acme. Customer role grants refer to it."),
    )
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("name (Chinese)"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=4000)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("customer")
        verbose_name_plural = _("customers")
        ordering = ["-is_active", "code"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name_en="", name_zh_hans=""), name="customer_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return name_or_code(self)

    def get_absolute_url(self) -> str:
        return reverse("customers:customer-detail", args=[self.code])


class CustomerContact(TimeStamped, Versioned):
    """A person at the customer to talk to about the services (not necessarily a user)."""

    customer = models.ForeignKey(
        Customer, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("customer")
    )
    name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("job title"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    is_primary = models.BooleanField(_("primary contact"), default=False)

    class Meta:
        verbose_name = _("customer contact")
        verbose_name_plural = _("customer contacts")
        ordering = ["-is_primary", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["customer"],
                condition=Q(is_primary=True),
                name="customer_one_primary_contact",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return self.customer.get_absolute_url()
