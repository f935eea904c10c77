"""Forms of the document pages: shape only; the rules live in the services."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.choices import Role
from iso20k.catalogue.models import Clause, RequiredInformation
from iso20k.core.forms import VersionedForm
from iso20k.files.choices import DOCUMENT_KINDS
from iso20k.files.forms import CheckedFileField

from .choices import Tier
from .models.document import MAX_REVIEW_INTERVAL_MONTHS
from .models.version import MAX_BODY_CHARS
from .querysets import internal_people
from .services.reading import ASSIGNABLE_ROLES


class PeopleMixin:
    """People lists are read when the form is built: who holds a role changes over time."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, PersonChoiceField | PeopleChoiceField):
                field.queryset = internal_people()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj} ({obj.username})"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj} ({obj.username})"


class ClauseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.number} {obj.localized('title')}"


class InformationChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.clause.number} · {obj.localized('title')} ({obj.get_kind_display()})"


class DocumentForm(PeopleMixin, forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("Unique, e.g. SMS-P-08. Letters are stored in capitals."),
    )
    tier = forms.ChoiceField(label=_("Tier"), choices=Tier.choices)
    title_zh_hans = forms.CharField(label=_("Title (Chinese)"), max_length=200, required=False)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    owner = PersonChoiceField(label=_("Owner"), queryset=internal_people())
    clauses = ClauseChoiceField(
        label=_("Clauses and processes served"),
        queryset=Clause.objects.current(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    required_information = InformationChoiceField(
        label=_("Required documented information covered"),
        queryset=RequiredInformation.objects.filter(is_current=True).select_related("clause"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("What the standard asks for that this document provides."),
    )
    review_interval_months = forms.IntegerField(
        label=_("Review interval (months)"),
        min_value=1,
        max_value=MAX_REVIEW_INTERVAL_MONTHS,
        initial=12,
        error_messages={
            "min_value": _("A review interval must be at least one month."),
            "max_value": _("Review each document at least every 60 months."),
        },
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(["code", "tier", "title_zh_hans", "title_en", "owner"])


class DocumentEditForm(DocumentForm, VersionedForm):
    pass


class VersionDraftForm(PeopleMixin, VersionedForm):
    change_summary = forms.CharField(
        label=_("What changed in this version"), max_length=300, required=False
    )
    body_zh_hans = forms.CharField(
        label=_("Body (Chinese, Markdown)"),
        max_length=MAX_BODY_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "font-monospace"}),
    )
    body_en = forms.CharField(
        label=_("Body (English, Markdown)"),
        max_length=MAX_BODY_CHARS,
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, "class": "font-monospace"}),
    )
    file = CheckedFileField(
        label=_("File (DOCX, XLSX or PDF)"),
        allowed=DOCUMENT_KINDS,
        required=False,
        help_text=_("Replaces the attached file. Checked by its content; macros are refused."),
    )
    remove_file = forms.BooleanField(label=_("Remove the attached file"), required=False)
    reviewers = PeopleChoiceField(
        label=_("Reviewers"),
        queryset=internal_people(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    approvers = PeopleChoiceField(
        label=_("Approvers"),
        queryset=internal_people(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Everyone named must approve. The author cannot approve their own version."),
    )


class ConfirmForm(VersionedForm):
    pass


class ReviewForm(VersionedForm):
    decision = forms.ChoiceField(
        label=_("Your review"),
        choices=[("agree", _("I agree with this version")), ("changes", _("Changes are needed"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Comment"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for changes."),
    )


class ApproveForm(VersionedForm):
    effective_on = forms.DateField(
        label=_("Effective from"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Today or up to 90 days ahead."),
    )
    note = forms.CharField(
        label=_("Note"), max_length=1000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["effective_on"].initial = timezone.localdate()


class ReturnForm(VersionedForm):
    note = forms.CharField(
        label=_("What needs to change"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReasonForm(VersionedForm):
    reason = forms.CharField(
        label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )


class PeriodicReviewForm(VersionedForm):
    note = forms.CharField(
        label=_("What the review found"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignReadingForm(PeopleMixin, forms.Form):
    people = PeopleChoiceField(
        label=_("People"),
        queryset=internal_people(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    roles = forms.MultipleChoiceField(
        label=_("Everyone holding a role"),
        choices=[(r, label) for r, label in Role.choices if r in ASSIGNABLE_ROLES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "A role stands for the people who hold it now; someone who gets the role later "
            "is not added. Assign again to include them."
        ),
    )
    due_in_days = forms.IntegerField(
        label=_("Days to read each version"), min_value=1, max_value=365, initial=14
    )
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class GenerateForm(PeopleMixin, forms.Form):
    code = forms.CharField(label=_("Document code"), max_length=40)
    owner = PersonChoiceField(label=_("Owner"), queryset=internal_people())
