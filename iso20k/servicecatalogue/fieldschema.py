"""Form-field definitions of request items: check them, and build the form a requester fills in.

A definition is a dict: name (identifier, unique in the item), type (FieldType), label_en /
label_zh_hans (at least one), required (bool), optional help_en / help_zh_hans, and for a
choice field a list of choices {value, label_en, label_zh_hans}. check_definitions() returns
the normalised list or raises ValidationError on "fields" naming the row and the reason.
build_form_class() turns definitions into a Django form; clean_answers() validates answers.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from iso20k.core.i18n import localized

from .choices import FieldType

MAX_FIELDS = 30
MAX_CHOICES = 50
MAX_LABEL = 200
MAX_HELP = 500
NAME = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
CHOICE_VALUE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,49}$")


def _error(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError({"fields": ValidationError(message, code=code, params=params)})


def _text(raw: dict, key: str, limit: int) -> str:
    value = raw.get(key) or ""
    if not isinstance(value, str):
        value = str(value)
    return value.strip()[:limit]


def _check_choice(choice: object, seen: set[str], row: int, name: str) -> dict:
    value = str(choice.get("value", "")).strip() if isinstance(choice, dict) else ""
    if not CHOICE_VALUE.match(value):
        raise _error(
            _(
                "Field %(row)s (“%(name)s”): choice value “%(value)s” must be letters, "
                "digits, dots, hyphens or underscores."
            ),
            "invalid_choice_value",
            row=row,
            name=name,
            value=value,
        )
    if value in seen:
        raise _error(
            _("Field %(row)s (“%(name)s”): the choice “%(value)s” appears twice."),
            "duplicate_choice",
            row=row,
            name=name,
            value=value,
        )
    seen.add(value)
    label_en = _text(choice, "label_en", MAX_LABEL) or value
    return {
        "value": value,
        "label_en": label_en,
        "label_zh_hans": _text(choice, "label_zh_hans", MAX_LABEL) or label_en,
    }


def _check_choices(raw: dict, row: int, name: str) -> list[dict]:
    choices = raw.get("choices") or []
    if not isinstance(choices, list) or len(choices) < 2:
        raise _error(
            _("Field %(row)s (“%(name)s”): a choice field needs at least two choices."),
            "choices_required",
            row=row,
            name=name,
        )
    if len(choices) > MAX_CHOICES:
        raise _error(
            _("Field %(row)s (“%(name)s”): at most %(limit)s choices."),
            "too_many_choices",
            row=row,
            name=name,
            limit=MAX_CHOICES,
        )
    seen: set[str] = set()
    return [_check_choice(choice, seen, row, name) for choice in choices]


def _check_name(raw: dict, row: int, names: set[str]) -> str:
    name = str(raw.get("name", "")).strip()
    if not NAME.match(name):
        raise _error(
            _(
                "Field %(row)s: the name “%(name)s” must start with a lower-case letter and "
                "use only lower-case letters, digits and underscores (at most 40)."
            ),
            "invalid_field_name",
            row=row,
            name=name,
        )
    if name in names:
        raise _error(
            _("Field %(row)s: the name “%(name)s” is used by another field."),
            "duplicate_field_name",
            row=row,
            name=name,
        )
    return name


def _check_one(raw: object, row: int, names: set[str]) -> dict:
    if not isinstance(raw, dict):
        raise _error(_("Field %(row)s is not a field definition."), "invalid_field", row=row)
    name = _check_name(raw, row, names)
    kind = raw.get("type")
    if kind not in FieldType.values:
        raise _error(
            _("Field %(row)s (“%(name)s”): unknown type “%(type)s”."),
            "unknown_field_type",
            row=row,
            name=name,
            type=kind,
        )
    definition = {
        "name": name,
        "type": kind,
        "label_en": _text(raw, "label_en", MAX_LABEL),
        "label_zh_hans": _text(raw, "label_zh_hans", MAX_LABEL),
        "required": bool(raw.get("required", False)),
        "help_en": _text(raw, "help_en", MAX_HELP),
        "help_zh_hans": _text(raw, "help_zh_hans", MAX_HELP),
    }
    if not definition["label_en"] and not definition["label_zh_hans"]:
        raise _error(
            _("Field %(row)s (“%(name)s”): give a label in at least one language."),
            "field_label_required",
            row=row,
            name=name,
        )
    if kind == FieldType.CHOICE:
        definition["choices"] = _check_choices(raw, row, name)
    elif raw.get("choices"):
        raise _error(
            _("Field %(row)s (“%(name)s”): only choice fields have choices."),
            "choices_not_allowed",
            row=row,
            name=name,
        )
    return definition


def check_definitions(raw: object) -> list[dict]:
    """The normalised definitions; ValidationError on "fields" for the first problem found."""
    if raw in (None, ""):
        return []
    if not isinstance(raw, list):
        raise _error(_("The form fields must be a list."), "invalid_fields")
    if len(raw) > MAX_FIELDS:
        raise _error(
            _("A request item can have at most %(limit)s form fields."),
            "too_many_fields",
            limit=MAX_FIELDS,
        )
    names: set[str] = set()
    result = []
    for row, item in enumerate(raw, start=1):
        definition = _check_one(item, row, names)
        names.add(definition["name"])
        result.append(definition)
    return result


def _form_field(definition: dict) -> forms.Field:
    common = {
        "label": localized(definition, "label"),
        "required": definition["required"],
        "help_text": localized(definition, "help"),
    }
    kind = definition["type"]
    if kind == FieldType.LONG_TEXT:
        return forms.CharField(max_length=4000, widget=forms.Textarea(attrs={"rows": 4}), **common)
    if kind == FieldType.CHOICE:
        options = [(c["value"], localized(c, "label")) for c in definition["choices"]]
        return forms.ChoiceField(choices=[("", "—"), *options], **common)
    if kind == FieldType.DATE:
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if kind == FieldType.NUMBER:
        return forms.DecimalField(max_digits=15, decimal_places=4, **common)
    if kind == FieldType.YES_NO:
        if definition["required"]:
            return forms.TypedChoiceField(
                choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
                coerce=lambda v: v == "yes",
                **common,
            )
        return forms.BooleanField(**common)
    return forms.CharField(max_length=500, **common)


def build_form_class(definitions: list[dict]) -> type[forms.Form]:
    """A Form class with one field per definition, labels in the active language."""
    fields = {d["name"]: _form_field(d) for d in definitions}
    return type("RequestItemForm", (forms.Form,), fields)


def clean_answers(definitions: list[dict], data: dict) -> dict:
    """Validated answers as JSON-safe values; ValidationError keyed by field name."""
    form = build_form_class(definitions)(data)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    answers = {}
    for name, value in form.cleaned_data.items():
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif value is not None and not isinstance(value, bool | str):
            value = str(value)
        answers[name] = value
    return answers
