"""Forms of the problem and known-error pages: shape only; rules live in services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm
from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.models import SupportGroup
from iso20k.slas.choices import Impact, Urgency

from .trends import WINDOWS


def _people():
    from iso20k.servicedesk.querysets import agents

    return agents()


class ProblemFields(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    description = forms.CharField(
        label=_("Description"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *Category.choices])
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.order_by("code"), required=False
    )
    impact = forms.TypedChoiceField(
        label=_("Impact"), choices=Impact.choices, coerce=int, initial=Impact.MEDIUM
    )
    urgency = forms.TypedChoiceField(
        label=_("Urgency"), choices=Urgency.choices, coerce=int, initial=Urgency.MEDIUM
    )
    assigned_group = forms.ModelChoiceField(
        label=_("Support group"),
        queryset=SupportGroup.objects.filter(is_active=True),
        required=False,
    )
    assignee = forms.ModelChoiceField(label=_("Problem manager"), queryset=None, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = _people()


class ProblemForm(ProblemFields):
    """Raise a problem; hidden fields say where it comes from (an incident or a trend)."""

    incident = forms.IntegerField(widget=forms.HiddenInput, required=False)
    trend_service = forms.IntegerField(widget=forms.HiddenInput, required=False)
    trend_category = forms.CharField(widget=forms.HiddenInput, required=False, max_length=16)
    trend_days = forms.TypedChoiceField(
        widget=forms.HiddenInput, choices=[(d, d) for d in WINDOWS], coerce=int, required=False
    )


class ProblemEditForm(ProblemFields, VersionedForm):
    root_cause = forms.CharField(
        label=_("Root cause"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    workaround = forms.CharField(
        label=_("Workaround"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class KnownErrorRecordForm(VersionedForm):
    root_cause = forms.CharField(
        label=_("Root cause"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Describe the root cause.")},
    )
    workaround = forms.CharField(
        label=_("Workaround"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Describe the workaround.")},
    )
    symptoms = forms.CharField(
        label=_("Symptoms agents will recognise"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResolveProblemForm(VersionedForm):
    root_cause = forms.CharField(
        label=_("Root cause"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    resolution = forms.CharField(
        label=_("Permanent fix"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Describe the permanent fix.")},
    )


class CloseProblemForm(VersionedForm):
    closure_reason = forms.CharField(
        label=_("Reason for closing without a root cause"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only needed when no root cause has been recorded."),
    )


class KnownErrorForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    symptoms = forms.CharField(
        label=_("Symptoms"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    root_cause = forms.CharField(
        label=_("Root cause"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    workaround = forms.CharField(
        label=_("Workaround"), max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.order_by("code"), required=False
    )
    category = forms.ChoiceField(label=_("Category"), choices=[("", "—"), *Category.choices])


class KnownErrorEditForm(KnownErrorForm, VersionedForm):
    pass


class TrendForm(forms.Form):
    days = forms.TypedChoiceField(label=_("Window"), choices=[], coerce=int, required=False)
    threshold = forms.TypedChoiceField(label=_("At least"), choices=[], coerce=int, required=False)

    def __init__(self, *args, **kwargs) -> None:
        from django.utils.translation import gettext, ngettext

        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [
            (d, gettext("last %(days)s days") % {"days": d}) for d in WINDOWS
        ]
        self.fields["threshold"].choices = [
            (n, ngettext("%(count)s incident", "%(count)s incidents", n) % {"count": n})
            for n in (2, 3, 5, 10)
        ]
