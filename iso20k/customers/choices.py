"""History events of customers."""

from django.utils.translation import gettext_lazy as _

from iso20k.history import events

events.register(
    {
        "customers.customer.created": _("Customer created"),
        "customers.customer.updated": _("Customer updated"),
        "customers.customer.retired": _("Customer retired"),
        "customers.customer.reactivated": _("Customer reactivated"),
        "customers.customer.contact_added": _("Contact added"),
        "customers.customer.contact_updated": _("Contact updated"),
        "customers.customer.contact_removed": _("Contact removed"),
    }
)
