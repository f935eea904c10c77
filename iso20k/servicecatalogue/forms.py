"""Forms of the service catalogue: shape only; rules live in services.py and fieldschema.py.

The request-item field editor is a formset of FieldDefinitionForms; each row becomes one
field definition, and choices are written one per line as "value | English | 中文".
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from iso20k.accounts.models import User
from iso20k.core.forms import VersionedForm
from iso20k.customers.models import Customer

from .choices import FieldType


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj} ({obj.username})"


class ServiceEditForm(VersionedForm):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("Short identifier, e.g. CLOUD-HOST: letters, digits and hyphens."),
    )
    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_zh_hans = forms.CharField(
        label=_("Description (Chinese)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    owner = OwnerChoiceField(
        label=_("Service owner"),
        queryset=User.objects.filter(is_active=True)
        .exclude(username="system")
        .order_by("username"),
        empty_label=_("Choose the owner"),
    )
    all_customers = forms.BooleanField(label=_("Offered to every customer"), required=False)
    customers = forms.ModelMultipleChoiceField(
        label=_("Customers"),
        queryset=Customer.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Only these customers see the service when it is live, unless it is offered "
            "to every customer. No customer and not offered to all: internal only."
        ),
    )


class ServiceForm(ServiceEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]


class RequestItemEditForm(VersionedForm):
    """The item's own fields; `formset` (the field editor) is validated with it."""

    formset = None

    def is_valid(self) -> bool:
        own = super().is_valid()
        return own and (self.formset is None or self.formset.is_valid())

    name_zh_hans = forms.CharField(label=_("Name (Chinese)"), max_length=200, required=False)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    description_zh_hans = forms.CharField(
        label=_("Description (Chinese)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    requires_approval = forms.BooleanField(label=_("Requires approval"), required=False)
    fulfilment_target_minutes = forms.IntegerField(
        label=_("Fulfilment target (business minutes)"),
        help_text=_("Counted on the calendar of the agreement that applies, e.g. 480 = 8 h."),
    )
    is_active = forms.BooleanField(
        label=_("Offered (clear to stop offering it)"), required=False, initial=True
    )


class RequestItemForm(RequestItemEditForm):
    code = forms.CharField(
        label=_("Code"), max_length=40, help_text=_("e.g. new-vm: lower-case letters, digits, -")
    )
    field_order = ["code"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["version"]


def parse_choices(text: str) -> list[dict]:
    """Lines "value | English | 中文" to choice dicts (shape only)."""
    choices = []
    for line in (text or "").splitlines():
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")] + ["", ""]
        choices.append({"value": parts[0], "label_en": parts[1], "label_zh_hans": parts[2]})
    return choices


def format_choices(choices: list[dict]) -> str:
    return "\n".join(
        f"{c['value']} | {c.get('label_en', '')} | {c.get('label_zh_hans', '')}" for c in choices
    )


class FieldDefinitionForm(forms.Form):
    name = forms.CharField(
        label=_("Field name"), max_length=40, help_text=_("e.g. size: lower-case, digits, _")
    )
    type = forms.ChoiceField(label=_("Type"), choices=FieldType.choices)
    label_zh_hans = forms.CharField(label=_("Label (Chinese)"), max_length=200, required=False)
    label_en = forms.CharField(label=_("Label (English)"), max_length=200, required=False)
    required = forms.BooleanField(label=_("Required"), required=False)
    choices = forms.CharField(
        label=_("Choices (choice fields only)"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: value | English label | 中文标签"),
    )
    help_zh_hans = forms.CharField(label=_("Hint (Chinese)"), max_length=500, required=False)
    help_en = forms.CharField(label=_("Hint (English)"), max_length=500, required=False)

    def definition(self) -> dict:
        data = dict(self.cleaned_data)
        definition = {
            key: data.get(key) for key in ("name", "type", "label_en", "label_zh_hans", "required")
        }
        definition.update(
            help_en=data.get("help_en", ""), help_zh_hans=data.get("help_zh_hans", "")
        )
        if data.get("choices"):
            definition["choices"] = parse_choices(data["choices"])
        return definition

    @staticmethod
    def initial_for(definition: dict) -> dict:
        initial = {k: v for k, v in definition.items() if k != "choices"}
        initial["choices"] = format_choices(definition.get("choices", []))
        return initial


FieldFormSet = forms.formset_factory(
    FieldDefinitionForm, extra=1, can_delete=True, can_order=True, max_num=30, absolute_max=40
)


def definitions_from(formset) -> list[dict]:
    """The formset's rows in their chosen order, deleted and blank rows left out."""
    return [form.definition() for form in formset.ordered_forms if form.cleaned_data]


class ConfirmForm(VersionedForm):
    pass
