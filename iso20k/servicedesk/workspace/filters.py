"""The queue filter of the agent's workspace: which tickets, in what order.

The form only checks shape (choices, lengths); workspace.queues turns the cleaned values
into a queryset. The same query string is the shareable URL and the saved filter.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import OptionChoiceField
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service
from iso20k.slas.choices import Priority, SlaState

from ..choices import Category, Queue, SortOrder
from ..models import SupportGroup

OPEN = "open"
SLA_FILTERS = [
    (SlaState.BREACHED, SlaState.BREACHED.label),
    (SlaState.WARNING, SlaState.WARNING.label),
    (SlaState.ON_TRACK, SlaState.ON_TRACK.label),
    (SlaState.PAUSED, SlaState.PAUSED.label),
    ("ever_breached", _("Breached at some point")),
]


class QueueFilterForm(forms.Form):
    queue = forms.ChoiceField(label=_("Queue"), choices=Queue.choices, required=False)
    q = forms.CharField(
        label=_("Search"),
        max_length=200,
        required=False,
        help_text=_("Subject, description or comments; two characters or more per word."),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    priority = forms.ChoiceField(
        label=_("Priority"), choices=[("", _("Any priority")), *Priority.choices], required=False
    )
    category = forms.ChoiceField(
        label=_("Category"), choices=[("", _("Any category")), *Category.choices], required=False
    )
    service = OptionChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("Any service"),
    )
    group = OptionChoiceField(
        label=_("Support group"),
        queryset=SupportGroup.objects.none(),
        required=False,
        empty_label=_("Any group"),
    )
    assignee = OptionChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Anyone")
    )
    customer = OptionChoiceField(
        label=_("Customer"),
        queryset=Customer.objects.none(),
        required=False,
        empty_label=_("Any customer"),
    )
    sla = forms.ChoiceField(
        label=_("SLA"), choices=[("", _("Any SLA state")), *SLA_FILTERS], required=False
    )
    major = forms.BooleanField(label=_("Major incidents only"), required=False)
    sort = forms.ChoiceField(label=_("Order"), choices=SortOrder.choices, required=False)
    after = forms.CharField(required=False, max_length=400, widget=forms.HiddenInput)
    before = forms.CharField(required=False, max_length=400, widget=forms.HiddenInput)
    page = forms.ChoiceField(
        required=False, choices=[("", ""), ("last", "last")], widget=forms.HiddenInput
    )

    def __init__(self, data, *, kind, options: dict) -> None:
        super().__init__(data)
        self.kind = kind
        statuses = [(OPEN, _("Open (being worked)")), *kind.statuses.choices]
        self.fields["status"].choices = [("", _("Any status")), *statuses]
        self.fields["service"].use(options["services"])
        self.fields["group"].use(options["groups"])
        self.fields["assignee"].use(options["agents"])
        self.fields["customer"].use(options["customers"])
        if kind.desk != "incidents":
            del self.fields["category"]
            del self.fields["major"]

    def value(self, name: str, default=None):
        """The cleaned value of one filter (a bad value of another does not void it)."""
        if not self.is_bound:
            return default
        self.is_valid()
        return self.cleaned_data.get(name) or default
