"""Table of the customer list."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import Customer


class CustomerTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), empty_values=(), order_by=("name_en",))
    contact_count = tables.Column(verbose_name=_("Contacts"), orderable=False)
    service_count = tables.Column(verbose_name=_("Services"), orderable=False)
    is_active = tables.BooleanColumn(verbose_name=_("Active"))

    class Meta:
        model = Customer
        fields = ["code", "name", "contact_count", "service_count", "is_active"]
        attrs = {"class": "table table-vcenter card-table", "id": "customer-table"}
        empty_text = _("No customers match. Clear the filters or add a customer.")

    def render_name(self, record):
        return str(record)
