"""Forms of the programme pages: shape only (types, choices, lengths, end after start).

Meaning (the sponsor is top management, amounts are not negative, the clause exists…) is
checked by services.py, whose field errors the views place on these fields.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.choices import Role
from iso20k.catalogue.models import Clause
from iso20k.core.forms import VersionedForm

from .choices import (
    BudgetCategory,
    Currency,
    Priority,
    ProgrammeKind,
    ProgrammeRole,
    Purpose,
    Stage,
    TaskStatus,
)
from .querysets import internal_people, people_with_role


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def _date(label, *, required=True, help_text=""):
    return forms.DateField(label=label, required=required, widget=DateInput(), help_text=help_text)


def _text(label, *, rows=3, required=False, max_length=None):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def clause_field(label, *, required=False, queryset=None):
    return forms.ModelChoiceField(
        label=label,
        queryset=queryset if queryset is not None else Clause.objects.current(),
        to_field_name="number",
        required=required,
        empty_label="—",
    )


class EndAfterStartMixin:
    """Pure input consistency: an end date before its start date is refused on the form."""

    date_pairs: list[tuple[str, str, str]] = []

    def clean(self):
        data = super().clean()
        for start, end, message in self.date_pairs:
            if data.get(start) and data.get(end) and data[end] < data[start]:
                self.add_error(end, forms.ValidationError(message, code="end_before_start"))
        return data


class ProgrammeForm(EndAfterStartMixin, forms.Form):
    date_pairs = [
        (
            "starts_on",
            "target_on",
            _("The target certification date cannot be before the start date."),
        )
    ]

    kind = forms.ChoiceField(label=_("Kind"), choices=ProgrammeKind.choices)
    title_zh_hans = forms.CharField(label=_("Title (Chinese)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    purposes = forms.MultipleChoiceField(
        label=_("Purposes"),
        choices=Purpose.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Why the organisation seeks certification; needed before approval."),
    )
    objectives_zh_hans = _text(_("Objectives (Chinese)"))
    objectives_en = _text(_("Objectives (English)"))
    scope_statement = forms.ModelChoiceField(
        label=_("SMS scope version"),
        queryset=None,
        required=False,
        empty_label="—",
        help_text=_("The version of the SMS scope (4.3) this programme certifies."),
    )
    scope_note_zh_hans = _text(_("Scope notes (Chinese)"), rows=2)
    scope_note_en = _text(_("Scope notes (English)"), rows=2)
    starts_on = _date(_("Start date"))
    target_on = _date(_("Target certification date"))
    sponsor = forms.ModelChoiceField(label=_("Sponsor (top management)"), queryset=None)
    lead = forms.ModelChoiceField(label=_("Project lead"), queryset=None)
    currency = forms.ChoiceField(label=_("Budget currency"), choices=Currency.choices)

    def __init__(self, *args, **kwargs) -> None:
        from iso20k.organisations.models import ScopeStatement

        super().__init__(*args, **kwargs)
        self.fields["scope_statement"].queryset = ScopeStatement.objects.order_by("-number")
        self.fields["sponsor"].queryset = people_with_role(Role.TOP_MANAGEMENT)
        self.fields["lead"].queryset = internal_people()


class ProgrammeEditForm(ProgrammeForm, VersionedForm):
    pass


class DecisionForm(VersionedForm):
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConfirmForm(VersionedForm):
    pass


class MilestoneForm(EndAfterStartMixin, forms.Form):
    date_pairs = [
        (
            "planned_start_on",
            "planned_end_on",
            _("The planned end cannot be before the planned start."),
        ),
        (
            "actual_start_on",
            "actual_end_on",
            _("The actual end cannot be before the actual start."),
        ),
    ]

    stage = forms.ChoiceField(label=_("Stage"), choices=Stage.choices)
    title_zh_hans = forms.CharField(label=_("Title (Chinese)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    planned_start_on = _date(_("Planned start"))
    planned_end_on = _date(_("Planned end"))


class MilestoneEditForm(MilestoneForm, VersionedForm):
    actual_start_on = _date(_("Actual start"), required=False)
    actual_end_on = _date(
        _("Actual end"), required=False, help_text=_("Setting the actual end marks it done.")
    )


class BudgetLineForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=BudgetCategory.choices)
    description_zh_hans = forms.CharField(
        label=_("Description (Chinese)"), max_length=200, required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), max_length=200, required=False
    )
    planned_amount = forms.DecimalField(
        label=_("Planned amount"), max_digits=14, decimal_places=2, localize=False
    )
    actual_amount = forms.DecimalField(
        label=_("Actual amount"),
        max_digits=14,
        decimal_places=2,
        required=False,
        initial=0,
        help_text=_("What has been spent or committed so far."),
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class BudgetLineEditForm(BudgetLineForm, VersionedForm):
    is_active = forms.BooleanField(label=_("Active (clear to retire the line)"), required=False)


class MemberForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=None)
    role = forms.ChoiceField(label=_("Role in the programme"), choices=ProgrammeRole.choices)
    department = forms.CharField(
        label=_("Department"),
        max_length=100,
        required=False,
        help_text=_("Leave empty to use the person's department."),
    )
    process = clause_field(_("Process owned"))
    responsibilities = _text(_("Responsibilities"))
    joined_on = _date(_("Joined on"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = internal_people()
        self.fields["process"].queryset = Clause.objects.current().filter(number__startswith="8.")


class MemberEditForm(MemberForm, VersionedForm):
    pass


class LeaveForm(VersionedForm):
    left_on = _date(_("Left on"), required=False)


class TaskForm(EndAfterStartMixin, forms.Form):
    date_pairs = [
        ("starts_on", "due_on", _("The due date cannot be before the start date.")),
    ]

    title = forms.CharField(label=_("Title"), max_length=200)
    description = _text(_("Description"), rows=4)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=None)
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, initial="medium")
    starts_on = _date(_("Start date"), required=False)
    due_on = _date(_("Due date"))
    milestone = forms.ModelChoiceField(
        label=_("Milestone"), queryset=None, required=False, empty_label="—"
    )
    clause = clause_field(_("Clause"))

    def __init__(self, *args, programme=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = internal_people()
        self.fields["milestone"].queryset = programme.milestones.all() if programme else None


class TaskEditForm(TaskForm, VersionedForm):
    pass


class TaskStatusForm(VersionedForm):
    status = forms.ChoiceField(label=_("New status"), choices=TaskStatus.choices)
    note = forms.CharField(
        label=_("Note"),
        max_length=500,
        required=False,
        help_text=_("Needed when blocking or cancelling the task."),
    )


class CloseForm(VersionedForm):
    note = forms.CharField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class RaciForm(forms.Form):
    """One select per active team member; the version is needed once the row exists."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, required=False)

    def __init__(self, *args, members=(), **kwargs) -> None:
        from .choices import Raci

        super().__init__(*args, **kwargs)
        self.members = list(members)
        choices = [("", "—"), *Raci.choices]
        for member in self.members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=str(member), choices=choices, required=False
            )

    def letters(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data.get(f"member_{m.pk}", "") for m in self.members}
