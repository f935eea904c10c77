"""Forms of the organisation pages: shape only; rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm

from .models import Site


class OrganisationForm(forms.Form):
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    licence_number = forms.CharField(
        label=_("Business licence number"),
        max_length=64,
        required=False,
        help_text=_("In mainland China, the 18-character unified social credit code."),
    )
    address_zh_hans = forms.CharField(label=_("Address (Chinese)"), max_length=300, required=False)
    address_en = forms.CharField(label=_("Address (English)"), max_length=300, required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    phone = forms.CharField(label=_("Phone"), max_length=50, required=False)

    def clean_licence_number(self):
        value = self.cleaned_data["licence_number"].strip().upper()
        if value and not value.isalnum():
            raise forms.ValidationError(_("Use letters and digits only."), code="invalid_licence")
        return value


class OrganisationEditForm(OrganisationForm, VersionedForm):
    pass


class SiteForm(forms.Form):
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    address_zh_hans = forms.CharField(label=_("Address (Chinese)"), max_length=300, required=False)
    address_en = forms.CharField(label=_("Address (English)"), max_length=300, required=False)
    in_scope = forms.BooleanField(label=_("In the SMS scope"), required=False, initial=True)


class SiteEditForm(SiteForm, VersionedForm):
    is_active = forms.BooleanField(label=_("Active (clear to retire the site)"), required=False)


class ScopeForm(VersionedForm):
    statement_zh_hans = forms.CharField(
        label=_("Scope statement (Chinese)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    statement_en = forms.CharField(
        label=_("Scope statement (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    services_zh_hans = forms.CharField(
        label=_("Services covered (Chinese)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    services_en = forms.CharField(
        label=_("Services covered (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    boundaries_zh_hans = forms.CharField(
        label=_("Boundaries and interfaces (Chinese)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    boundaries_en = forms.CharField(
        label=_("Boundaries and interfaces (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    sites = forms.ModelMultipleChoiceField(
        label=_("Sites covered"),
        queryset=Site.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    change_summary = forms.CharField(
        label=_("What changed in this version"), max_length=300, required=False
    )


class DecisionForm(VersionedForm):
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConfirmForm(VersionedForm):
    pass
