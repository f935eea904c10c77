"""A form field that checks an upload by content when the form is validated."""

from django import forms
from django.core.exceptions import ValidationError

from .inspection import inspect_upload


class CheckedFileField(forms.FileField):
    """FileField whose clean() refuses oversized, unsafe or mislabelled files (shape check;
    the service checks again before storing)."""

    def __init__(self, *, allowed: frozenset[str], **kwargs) -> None:
        self.allowed = allowed
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload:
            try:
                inspect_upload(upload, allowed=self.allowed)
            except ValidationError as exc:
                raise ValidationError(exc.error_list) from None
        return upload
