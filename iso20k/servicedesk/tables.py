"""Table of the support group list."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from .models import SupportGroup


class GroupTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=True)
    name = tables.Column(verbose_name=_("Name"), empty_values=(), order_by=("name_en",))
    manager = tables.Column(verbose_name=_("Manager"), default="—")
    member_count = tables.Column(verbose_name=_("Members"))
    is_active = tables.BooleanColumn(verbose_name=_("Active"))

    class Meta:
        model = SupportGroup
        fields = ["code", "name", "manager", "member_count", "is_active"]
        attrs = {"class": "table table-vcenter card-table", "id": "group-table"}
        empty_text = _("No support groups yet. Create the teams that work tickets.")

    def render_name(self, record):
        return str(record)
