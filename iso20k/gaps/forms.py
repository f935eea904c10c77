"""Forms of the gap pages: shape only; services.py checks meaning."""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.core.forms import VersionedForm
from iso20k.files.choices import EVIDENCE_KINDS
from iso20k.files.forms import CheckedFileField
from iso20k.programme.choices import Priority
from iso20k.programme.querysets import internal_people

from .choices import CHOOSABLE, Rating


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class AssessmentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    assessed_on = forms.DateField(label=_("Assessment date"), widget=DateInput())
    assessors = forms.ModelMultipleChoiceField(
        label=_("Assessors"), queryset=None, widget=forms.CheckboxSelectMultiple
    )
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=None, required=False, empty_label="—"
    )
    scope = forms.CharField(
        label=_("Scope"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Services, sites and departments looked at."),
    )

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.programme.models import Programme

        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = internal_people()
        self.fields["programme"].queryset = Programme.objects.open()


class AssessmentEditForm(AssessmentForm, VersionedForm):
    summary = forms.CharField(
        label=_("Conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class CopyForm(forms.Form):
    title = forms.CharField(label=_("Title of the new assessment"), max_length=200)
    assessed_on = forms.DateField(label=_("Assessment date"), widget=DateInput())
    assessors = forms.ModelMultipleChoiceField(
        label=_("Assessors"), queryset=None, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessors"].queryset = internal_people()


class CompleteForm(VersionedForm):
    summary = forms.CharField(
        label=_("Conclusions"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class RatingForm(VersionedForm):
    rating = forms.ChoiceField(
        label=_("Rating"),
        choices=[(value, Rating(value).label) for value in CHOOSABLE],
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Justification (needed for not applicable)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    notes = forms.CharField(
        label=_("Notes: what was seen, who was asked"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class EvidenceForm(forms.Form):
    file = CheckedFileField(
        label=_("Evidence file"),
        allowed=EVIDENCE_KINDS,
        help_text=_("PDF, Word, Excel, PNG, JPEG, text or CSV; recognised by content."),
    )


class WithdrawEvidenceForm(forms.Form):
    file = forms.UUIDField(widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason"), max_length=300)


class GapForm(forms.Form):
    clause = forms.ModelChoiceField(
        label=_("Clause"), queryset=None, to_field_name="number", empty_label="—"
    )
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}))
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial="medium")
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None, required=False, empty_label="—")
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DateInput())

    def __init__(self, *args, fixed_clause: bool = False, **kwargs) -> None:
        from iso20k.catalogue.models import Clause

        super().__init__(*args, **kwargs)
        self.fields["clause"].queryset = Clause.objects.assessable()
        if fixed_clause:
            # Raised from a clause's own page: the clause is that page's.
            self.fields["clause"].widget = forms.HiddenInput()
        self.fields["owner"].queryset = internal_people()


class GapEditForm(GapForm, VersionedForm):
    pass


class NoteForm(VersionedForm):
    note = forms.CharField(
        label=_("Note"), max_length=500, widget=forms.Textarea(attrs={"rows": 3})
    )


class GapsToTasksForm(forms.Form):
    gaps = forms.ModelMultipleChoiceField(
        label=_("Gaps"), queryset=None, widget=forms.MultipleHiddenInput
    )
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=None)
    milestone = forms.TypedChoiceField(
        label=_("Milestone"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Choose a milestone of the programme chosen above."),
    )

    def __init__(self, *args, gaps=None, **kwargs) -> None:
        from iso20k.programme.models import Programme

        super().__init__(*args, **kwargs)
        programmes = Programme.objects.open().prefetch_related("milestones")
        self.fields["gaps"].queryset = gaps
        self.fields["programme"].queryset = programmes
        # Milestones grouped under their programme, so the choice reads unambiguously.
        self.fields["milestone"].choices = [("", "—")] + [
            (str(p), [(m.pk, str(m)) for m in p.milestones.all()]) for p in programmes
        ]

    def clean_milestone(self):
        from iso20k.programme.models import Milestone

        value = self.cleaned_data.get("milestone")
        return Milestone.objects.filter(pk=value).first() if value else None
