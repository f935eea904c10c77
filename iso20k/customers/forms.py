"""Forms of the customer pages: shape only; rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm


class CustomerEditForm(VersionedForm):
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    notes = forms.CharField(
        label=_("Notes"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class CustomerForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("Short, permanent identifier, e.g. acme. Customer role grants refer to it."),
    )
    name_zh_hans = CustomerEditForm.base_fields["name_zh_hans"]
    name_en = CustomerEditForm.base_fields["name_en"]
    notes = CustomerEditForm.base_fields["notes"]


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    title = forms.CharField(label=_("Job title"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    is_primary = forms.BooleanField(label=_("Primary contact"), required=False)


class ContactEditForm(ContactForm, VersionedForm):
    pass


class ConfirmForm(VersionedForm):
    pass
