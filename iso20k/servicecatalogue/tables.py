"""Table of the service list."""

import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from .models import Service


class ServiceTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), empty_values=(), order_by=("name_en",))
    status = tables.Column(verbose_name=_("Status"))
    owner = tables.Column(verbose_name=_("Service owner"), order_by=("owner__username",))
    customers = tables.Column(verbose_name=_("Customers"), empty_values=(), orderable=False)
    item_count = tables.Column(verbose_name=_("Request items"), orderable=False)

    class Meta:
        model = Service
        fields = ["code", "name", "status", "owner", "customers", "item_count"]
        attrs = {"class": "table table-vcenter card-table", "id": "service-table"}
        empty_text = _("No services match. Clear the filters or add a service.")

    def render_name(self, record):
        return str(record)

    def render_status(self, record):
        return render_to_string("servicecatalogue/_service_status.html", {"service": record})

    def render_customers(self, record):
        if record.all_customers:
            return _("Every customer")
        if record.customer_count:
            return str(record.customer_count)
        return _("Internal only")
