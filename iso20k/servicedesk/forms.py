"""Forms of the service desk pages: shape only; rules live in the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import OptionChoiceField, VersionedForm

from .models import SupportGroup

BULK_ACTIONS = [("assign", _("Assign to…")), ("close", _("Close the resolved ones"))]


class TicketVersionsField(forms.MultipleChoiceField):
    """Selected tickets as "id:version" pairs: each ticket is changed only if it is still at
    the version the agent saw."""

    def valid_value(self, value) -> bool:
        pk, _sep, version = str(value).partition(":")
        return pk.isdigit() and version.isdigit()

    def clean(self, value):
        values = super().clean(value)
        return [tuple(int(part) for part in v.split(":")) for v in values]


class BulkForm(forms.Form):
    tickets = TicketVersionsField(
        label=_("Tickets"),
        error_messages={"required": _("Select at least one ticket first.")},
    )
    action = forms.ChoiceField(label=_("Action"), choices=BULK_ACTIONS)
    group = OptionChoiceField(
        label=_("Support group"),
        queryset=SupportGroup.objects.none(),
        required=False,
        empty_label=_("Choose a group"),
    )
    assignee = OptionChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Nobody yet")
    )

    def __init__(self, data=None, *, kind, options: dict) -> None:
        super().__init__(data)
        self.kind = kind
        self.fields["group"].use(options["groups"])
        self.fields["assignee"].use(options["agents"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("action") == "assign" and not cleaned.get("group"):
            self.add_error("group", _("Choose the group to assign the tickets to."))
        return cleaned


class SaveFilterForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    is_shared = forms.BooleanField(label=_("Share with every agent"), required=False)
    query = forms.CharField(widget=forms.HiddenInput, max_length=1000)


class GroupForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"),
        max_length=40,
        help_text=_("Short, permanent identifier, e.g. network-ops."),
    )
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    email = forms.EmailField(label=_("Team e-mail"), required=False)
    manager = forms.ModelChoiceField(
        label=_("Manager"),
        queryset=None,
        required=False,
        help_text=_("Hierarchical escalations and breaches reach this person."),
    )
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=None,
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.accounts.models import User

        super().__init__(*args, **kwargs)
        people = User.objects.filter(is_active=True).exclude(username="system")
        self.fields["manager"].queryset = people
        self.fields["members"].queryset = people


class GroupEditForm(GroupForm, VersionedForm):
    is_active = forms.BooleanField(label=_("Active"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["code"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once, each checked by content (the service checks again)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Attachments"))
        kwargs.setdefault(
            "help_text", _("PDF, Office, images, text or CSV; at most 5 files, checked by content.")
        )
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        from django.core.exceptions import ValidationError

        from iso20k.files.choices import EVIDENCE_KINDS
        from iso20k.files.inspection import inspect_upload

        uploads = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(uploads) > 5:
            raise ValidationError(_("Attach at most 5 files."), code="too_many_files")
        for upload in uploads:
            try:
                inspect_upload(upload, allowed=EVIDENCE_KINDS)
            except ValidationError as exc:
                raise ValidationError(
                    [f"{upload.name}: {message}" for message in exc.messages]
                ) from None
        return uploads


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Write a message.")},
    )
    is_public = forms.TypedChoiceField(
        label=_("Who reads it"),
        choices=[
            ("1", _("Public reply: the customer reads it")),
            ("0", _("Internal note: agents only")),
        ],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    uploads = AttachmentsField()


class CustomerCommentForm(forms.Form):
    body = CommentForm.base_fields["body"]
    uploads = AttachmentsField()


class ReasonForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Give a reason.")},
    )


class HoldForm(VersionedForm):
    reason = forms.ChoiceField(
        label=_("Waiting for"),
        choices=[("", "—")],
        error_messages={"required": _("Say what the ticket is waiting for.")},
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, **kwargs) -> None:
        from .choices import HoldReason

        super().__init__(*args, **kwargs)
        self.fields["reason"].choices = [("", "—"), *HoldReason.choices]


class AssignForm(VersionedForm):
    group = forms.ModelChoiceField(
        label=_("Support group"),
        queryset=SupportGroup.objects.none(),
        error_messages={"required": _("Choose a support group.")},
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"), queryset=None, required=False, empty_label=_("Nobody yet: the group")
    )

    def __init__(self, *args, **kwargs) -> None:
        from .querysets import active_groups, agents

        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = active_groups()
        self.fields["assignee"].queryset = agents()


class RateForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you?"),
        choices=[],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a rating from 1 to 5.")},
    )
    comment = forms.CharField(
        label=_("Anything to add? (optional)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs) -> None:
        from .choices import Rating

        super().__init__(*args, **kwargs)
        self.fields["rating"].choices = Rating.choices[::-1]


class ConfirmForm(VersionedForm):
    pass
