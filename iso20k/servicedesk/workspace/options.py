"""Choices the workspace's filter and bulk forms offer: one (pk, label) query per list, read
once per request and shared by both forms."""

from iso20k.accounts.models import PERSON_FIELDS, person_label
from iso20k.core.forms import OptionList
from iso20k.core.i18n import NAME_FIELDS, name_or_code
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service

from ..querysets import active_groups, agents


def filter_options() -> dict[str, OptionList]:
    return {
        "services": OptionList(
            Service.objects.exclude(status="retired").order_by("code"), NAME_FIELDS, name_or_code
        ),
        "groups": OptionList(active_groups(), NAME_FIELDS, name_or_code),
        "agents": OptionList(agents(), PERSON_FIELDS, person_label),
        "customers": OptionList(
            Customer.objects.filter(is_active=True).order_by("code"), NAME_FIELDS, name_or_code
        ),
    }
