"""Forms of the portal, in the customer's words: shape only; rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.servicedesk.forms import AttachmentsField

IMPACT = [
    (3, _("Just me")),
    (2, _("My team or department")),
    (1, _("Many people or the whole service")),
]
URGENCY = [
    (3, _("I can work around it for now")),
    (2, _("My work is slowed down")),
    (1, _("My work has stopped")),
]


class ReportForm(forms.Form):
    subject = forms.CharField(
        label=_("What is wrong, in a few words?"),
        max_length=200,
        error_messages={"required": _("Say in a few words what is wrong.")},
    )
    description = forms.CharField(
        label=_("Details"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you did, what happened, error messages, since when."),
    )
    service = forms.ModelChoiceField(
        label=_("Which service?"), queryset=None, required=False, empty_label=_("Not sure")
    )
    impact = forms.TypedChoiceField(
        label=_("Who is affected?"),
        choices=IMPACT,
        coerce=int,
        initial=3,
        widget=forms.RadioSelect,
    )
    urgency = forms.TypedChoiceField(
        label=_("How much does it hold you up?"),
        choices=URGENCY,
        coerce=int,
        initial=2,
        widget=forms.RadioSelect,
    )
    uploads = AttachmentsField(label=_("Screenshots or logs"))

    def __init__(self, *args, services=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = services


class RequestDetailsForm(forms.Form):
    description = forms.CharField(
        label=_("Anything else we should know? (optional)"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "request")
        super().__init__(*args, **kwargs)


class ReopenForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("What is still not right?"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Tell us what is still not right.")},
    )
