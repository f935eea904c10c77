"""Forms of the readiness pages (shape only)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.forms import DateTimeInput


class AsOfForm(forms.Form):
    as_of = forms.DateTimeField(label=_("As it stood on"), widget=DateTimeInput())


class SnapshotForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=200, help_text=_("e.g. “Stage 2 audit, 12 March 2027”.")
    )
    audit_ref = forms.SlugField(
        label=_("Audit reference"),
        max_length=64,
        required=False,
        help_text=_(
            "Letters, digits and hyphens. External auditors granted this reference "
            "(role external auditor, scope “one audit”) can see the snapshot."
        ),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
