"""Forms of the service request pages: shape only; the item's own form comes from
servicecatalogue.fieldschema and is checked again by the service."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm
from iso20k.customers.models import Customer
from iso20k.slas.choices import Impact, Urgency


class RequestForm(forms.Form):
    """What the desk fills in besides the item's own fields (prefixed "request-")."""

    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        required=False,
        help_text=_("Empty: the item's name."),
    )
    description = forms.CharField(
        label=_("Anything else to know"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    customer = forms.ModelChoiceField(
        label=_("Customer"), queryset=Customer.objects.filter(is_active=True), required=False
    )
    requester = forms.ModelChoiceField(
        label=_("Requester (portal user)"), queryset=None, required=False
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=Impact.choices, coerce=int, initial=Impact.LOW
    )
    urgency = forms.TypedChoiceField(
        label=_("Urgency"), choices=Urgency.choices, coerce=int, initial=Urgency.LOW
    )

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.incidents.forms import customer_users

        kwargs.setdefault("prefix", "request")
        super().__init__(*args, **kwargs)
        self.fields["requester"].queryset = customer_users()


class DecisionForm(VersionedForm):
    comment = forms.CharField(
        label=_("Comment"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(VersionedForm):
    comment = forms.CharField(
        label=_("Why it is rejected (the requester reads this)"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the request is rejected.")},
    )


class FulfilForm(VersionedForm):
    notes = forms.CharField(
        label=_("What was delivered"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say what was delivered.")},
    )


class TaskForm(forms.Form):
    title = forms.CharField(
        label=_("New task"), max_length=200, error_messages={"required": _("Name the task.")}
    )
    assignee = forms.ModelChoiceField(label=_("Assignee"), queryset=None, required=False)

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.servicedesk.querysets import agents

        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = agents()


class TaskToggleForm(VersionedForm):
    done = forms.BooleanField(required=False, widget=forms.HiddenInput)
