"""Forms of the incident pages: shape only (types, choices, lengths); rules live in
services.py and come back as field errors."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.forms import AttachmentsField
from iso20k.servicedesk.models import SupportGroup
from iso20k.slas.choices import Impact, Urgency

from .choices import EscalationKind, ResolutionCode


def customer_users():
    from iso20k.accounts.choices import Role
    from iso20k.accounts.models import User

    return (
        User.objects.filter(
            grants__role=Role.CUSTOMER, grants__revoked_at__isnull=True, is_active=True
        )
        .distinct()
        .order_by("username")
    )


class ClassificationFields(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[("", "—"), *Category.choices],
        error_messages={"required": _("Choose a category.")},
    )
    subcategory = forms.CharField(label=_("Subcategory"), max_length=100, required=False)
    configuration_item = forms.CharField(
        label=_("Configuration item"),
        max_length=200,
        required=False,
        help_text=_("The host, application or device affected, e.g. db-prod-02."),
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=Impact.choices, coerce=int, initial=Impact.LOW
    )
    urgency = forms.TypedChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        coerce=int,
        initial=Urgency.LOW,
        help_text=_("Impact × urgency gives the priority, which sets the SLA targets."),
    )
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.exclude(status="retired").order_by("code"),
        required=False,
    )
    customer = forms.ModelChoiceField(
        label=_("Customer"), queryset=Customer.objects.filter(is_active=True), required=False
    )
    contact_name = forms.CharField(label=_("Contact name"), max_length=150, required=False)
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)


class IncidentForm(ClassificationFields):
    requester = forms.ModelChoiceField(
        label=_("Requester (portal user)"),
        queryset=None,
        required=False,
        help_text=_("Choose the customer's portal user to keep them informed by e-mail."),
    )
    assigned_group = forms.ModelChoiceField(
        label=_("Support group"),
        queryset=SupportGroup.objects.filter(is_active=True),
        required=False,
    )
    assignee = forms.ModelChoiceField(label=_("Assignee"), queryset=None, required=False)
    uploads = AttachmentsField()

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.servicedesk.querysets import agents

        super().__init__(*args, **kwargs)
        self.fields["requester"].queryset = customer_users()
        self.fields["assignee"].queryset = agents()


class IncidentEditForm(ClassificationFields, VersionedForm):
    pass


class ResolveForm(VersionedForm):
    resolution_code = forms.ChoiceField(
        label=_("Resolution code"),
        choices=[("", "—"), *ResolutionCode.choices],
        error_messages={"required": _("Choose a resolution code.")},
    )
    resolution_notes = forms.CharField(
        label=_("Resolution notes"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Say what was done, for the customer and the next agent.")},
        help_text=_("The customer reads these notes in the resolution e-mail."),
    )
    known_error = forms.ModelChoiceField(
        label=_("Known error applied"),
        queryset=None,
        required=False,
    )

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.problems.querysets import active_known_errors

        super().__init__(*args, **kwargs)
        self.fields["known_error"].queryset = active_known_errors()


class EscalateForm(VersionedForm):
    kind = forms.ChoiceField(
        label=_("Escalate"),
        choices=EscalationKind.choices,
        widget=forms.RadioSelect,
        initial=EscalationKind.FUNCTIONAL,
    )
    to_group = forms.ModelChoiceField(
        label=_("To support group (functional)"),
        queryset=SupportGroup.objects.filter(is_active=True),
        required=False,
    )
    to_manager = forms.ModelChoiceField(
        label=_("To manager (hierarchical)"),
        queryset=None,
        required=False,
        help_text=_("Empty: the manager of the incident's group."),
    )
    make_major = forms.BooleanField(
        label=_("Declare a major incident (it then needs a review before closure)"),
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why the incident is escalated.")},
    )

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.accounts.models import User

        super().__init__(*args, **kwargs)
        self.fields["to_manager"].queryset = User.objects.filter(is_active=True).exclude(
            username="system"
        )


class ReviewForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    held_on = forms.DateField(
        label=_("Review held on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    summary = forms.CharField(
        label=_("What happened"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    cause = forms.CharField(
        label=_("Cause"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    went_well = forms.CharField(
        label=_("What went well"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    improvements = forms.CharField(
        label=_("Improvements agreed"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    attendees = forms.CharField(label=_("Attendees"), max_length=500, required=False)


class LinkForm(forms.Form):
    reference = forms.CharField(
        label=_("Related incident"),
        max_length=20,
        help_text=_("Its reference, e.g. INC-000042 or 42."),
    )


class ProblemLinkForm(VersionedForm):
    problem = forms.CharField(
        label=_("Problem"),
        max_length=20,
        required=False,
        help_text=_("Its reference, e.g. PRB-000007 or 7; empty to unlink."),
    )
