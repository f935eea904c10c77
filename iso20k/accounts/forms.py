"""Forms of accounts: shape only; the rules live in services.py."""

import zoneinfo

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm

from . import scopes
from .choices import Language, Role, ScopeKind


def time_zone_choices() -> list[tuple[str, str]]:
    return [
        (name, name.replace("_", " "))
        for name in sorted(zoneinfo.available_timezones())
        if "/" in name and not name.startswith(("Etc/", "SystemV/"))
    ]


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PreferencesForm(VersionedForm):
    display_name = forms.CharField(label=_("Display name"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(
        label=_("Current password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("The two new passwords differ."))
        return data


class SetPasswordForm(forms.Form):
    new_password1 = forms.CharField(
        label=_("New password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password2 = forms.CharField(
        label=_("New password again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        data = super().clean()
        if data.get("new_password1") and data.get("new_password1") != data.get("new_password2"):
            self.add_error("new_password2", _("The two new passwords differ."))
        return data


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("User name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"), required=False)
    display_name = forms.CharField(label=_("Display name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=100, required=False)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices, required=False)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices)
    password = forms.CharField(
        label=_("Initial password"),
        strip=False,
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Leave empty to create the account without a password for now."),
    )


class UserEditForm(VersionedForm):
    email = forms.EmailField(label=_("E-mail"), required=False)
    display_name = forms.CharField(label=_("Display name"), max_length=150, required=False)
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    department = forms.CharField(label=_("Department"), max_length=100, required=False)


class ActivationForm(VersionedForm):
    pass


class GrantForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    scope_kind = forms.ChoiceField(
        label=_("Scope"), choices=ScopeKind.choices, initial=ScopeKind.ORGANISATION
    )
    scope_ref = forms.CharField(
        label=_("Scope reference"),
        max_length=64,
        required=False,
        help_text=_(
            "For a process, the clause number (e.g. 8.6.1). Empty for the whole organisation."
        ),
    )
    valid_from = forms.DateTimeField(label=_("Valid from"), widget=DateTimeInput(), required=False)
    valid_until = forms.DateTimeField(
        label=_("Valid until"),
        widget=DateTimeInput(),
        required=False,
        help_text=_("Required for external auditors."),
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        available = scopes.available_kinds()
        self.fields["scope_kind"].choices = [c for c in ScopeKind.choices if c[0] in available]
        self.scope_options = {
            kind: scopes.get(kind).options() for kind in available if scopes.get(kind)
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("valid_from"), data.get("valid_until")
        if start and end and end <= start:
            self.add_error("valid_until", _("The end must be after the start."))
        return data


class GrantEditForm(VersionedForm):
    valid_until = forms.DateTimeField(
        label=_("Valid until"), widget=DateTimeInput(), required=False
    )
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class RevokeForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=200, required=False)
