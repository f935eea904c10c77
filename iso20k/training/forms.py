"""Forms of the training pages: shape only; services.py checks meaning."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.choices import Role
from iso20k.catalogue.models import Clause
from iso20k.core.forms import VersionedForm
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.files.forms import CheckedFileField
from iso20k.programme.querysets import internal_people

from .choices import AttendanceStatus, CourseKind, Result
from .models import Competence, Course


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def _text(label, rows=3, required=False):
    return forms.CharField(
        label=label, required=required, widget=forms.Textarea(attrs={"rows": rows})
    )


class CompetenceForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"), max_length=60, help_text=_("Short, unique, e.g. iso20000-auditing.")
    )
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_zh_hans = _text(_("Description (Chinese)"))
    description_en = _text(_("Description (English)"))
    clauses = forms.ModelMultipleChoiceField(
        label=_("Clauses"),
        queryset=Clause.objects.current(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    valid_months = forms.IntegerField(
        label=_("Valid for (months)"), required=False, help_text=_("Empty: does not expire.")
    )


class CompetenceEditForm(CompetenceForm, VersionedForm):
    is_active = forms.BooleanField(label=_("Active (clear to retire it)"), required=False)


class CourseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=CourseKind.choices)
    title_zh_hans = forms.CharField(label=_("Title (Chinese)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description_zh_hans = _text(_("Description (Chinese)"))
    description_en = _text(_("Description (English)"))
    competences = forms.ModelMultipleChoiceField(
        label=_("Competences developed"),
        queryset=Competence.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    duration_hours = forms.DecimalField(label=_("Duration (hours)"), max_digits=5, decimal_places=1)
    has_test = forms.BooleanField(
        label=_("Has a test (competence only by passing it)"), required=False
    )
    provider = forms.CharField(label=_("Provider"), max_length=200, required=False)


class CourseEditForm(CourseForm, VersionedForm):
    is_active = forms.BooleanField(label=_("Active (clear to retire it)"), required=False)


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    location = forms.CharField(label=_("Location"), max_length=200, required=False)
    trainer = forms.CharField(label=_("Trainer"), max_length=200, required=False)
    topic = forms.CharField(
        label=_("Topic or case"),
        max_length=300,
        required=False,
        help_text=_("For a case-sharing session: the case presented."),
    )

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] <= data["starts_at"]:
            self.add_error(
                "ends_at",
                forms.ValidationError(
                    _("The session must end after it starts."), code="end_before_start"
                ),
            )
        return data


class SessionCreateForm(SessionForm):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=Course.objects.filter(is_active=True)
    )
    field_order = ["course"]


class SessionEditForm(SessionForm, VersionedForm):
    summary = _text(_("What was covered"), rows=4)


class HoldForm(VersionedForm):
    summary = _text(_("What was covered"), rows=4)


class CancelForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class InviteForm(forms.Form):
    people = forms.ModelMultipleChoiceField(
        label=_("People"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["people"].queryset = internal_people()


class AttendanceForm(VersionedForm):
    status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices)
    result = forms.ChoiceField(label=_("Result"), choices=Result.choices)
    score = forms.IntegerField(label=_("Score (0–100)"), required=False)
    certificate_number = forms.CharField(
        label=_("Certificate number"), max_length=100, required=False
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class FileForm(forms.Form):
    file = CheckedFileField(
        label=_("Certificate or evidence"),
        allowed=EVIDENCE_KINDS,
        help_text=_("PDF or image of the certificate; checked by content."),
    )


class RequirementForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)
    competence = forms.ModelChoiceField(
        label=_("Competence"), queryset=Competence.objects.filter(is_active=True)
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RetireForm(VersionedForm):
    pass


class RecordForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)
    competence = forms.ModelChoiceField(
        label=_("Competence"), queryset=Competence.objects.filter(is_active=True)
    )
    achieved_on = forms.DateField(label=_("Achieved on"), widget=DateInput())
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        widget=DateInput(),
        help_text=_("Empty: from the competence's validity."),
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("E.g. the external course and who certified it."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = internal_people()


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label=_("Reason"), max_length=300)
