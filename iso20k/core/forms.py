"""Form bases: VersionedForm carries the version an edit started from."""

from django import forms
from django.utils.translation import gettext_lazy as _


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, label=_("version"))


class VersionedModelForm(forms.ModelForm):
    """A ModelForm for shape only: views pass cleaned_data to a service, never call save()."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, label=_("version"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data
