"""Table of the agreement list."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import ServiceLevelAgreement
from .templatetags.slas import business_minutes


class AgreementTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), empty_values=(), order_by=("name_en",))
    customer = tables.Column(verbose_name=_("Customer"), default=_("Any customer"))
    service = tables.Column(verbose_name=_("Service"), default=_("Any service"))
    calendar = tables.Column(verbose_name=_("Business calendar"))
    p1 = tables.Column(verbose_name=_("P1 response / resolution"), empty_values=(), orderable=False)
    open_clocks = tables.Column(verbose_name=_("Open clocks"), orderable=False)
    status = tables.Column(verbose_name=_("Status"))

    class Meta:
        model = ServiceLevelAgreement
        fields = ["code", "name", "customer", "service", "calendar", "p1", "open_clocks", "status"]
        attrs = {"class": "table table-vcenter card-table", "id": "agreement-table"}
        empty_text = _("No agreements match. Clear the filters or add an agreement.")

    def render_name(self, record):
        return str(record)

    def render_p1(self, record):
        target = next((t for t in record.target_list if t.priority == "P1"), None)
        if target is None:
            return "—"
        response = business_minutes(target.response_minutes)
        return f"{response} / {business_minutes(target.resolution_minutes)}"
