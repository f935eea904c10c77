"""Form bases: VersionedForm carries the version an edit started from; OptionChoiceField draws
long selects from one shared (pk, label) query."""

import html
from collections.abc import Callable, Mapping
from functools import cached_property

from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _

from .forms_renderer import select_tag


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, label=_("version"))


class VersionedModelForm(forms.ModelForm):
    """A ModelForm for shape only: views pass cleaned_data to a service, never call save()."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, label=_("version"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("version", None)
        return data


class OptionList:
    """A select's options read in one query as (pk, label) pairs, once per request however
    many forms offer them. Building a model instance per option cost more than the query;
    the queryset still validates the submitted choice (one lookup of that row only)."""

    def __init__(self, queryset, fields: tuple[str, ...], label: Callable[[Mapping], str]):
        self.queryset = queryset
        self.fields = fields
        self.label = label

    @cached_property
    def pairs(self) -> list[tuple[int, str]]:
        return [(row["pk"], self.label(row)) for row in self.queryset.values("pk", *self.fields)]

    @cached_property
    def markup(self) -> list[tuple[str, str]]:
        """(value, escaped label) of each option, escaped once however often it is drawn."""
        return [(str(pk), html.escape(str(label))) for pk, label in self.pairs]


class OptionSelect(forms.Select):
    """The select of an OptionChoiceField: drawn straight from its OptionList's markup,
    without the per-option dictionaries Django's Select builds (900 options on a queue
    page). Same markup as every other select (forms_renderer.select_tag)."""

    field: "OptionChoiceField | None" = None

    def render(self, name, value, attrs=None, renderer=None):
        field = self.field
        if field is None or field.options is None:
            return super().render(name, value, attrs, renderer)
        chosen = set(self.format_value(value))
        parts = []
        if field.empty_label is not None:
            mark = " selected" if "" in chosen else ""
            parts.append(f'<option value=""{mark}>{html.escape(str(field.empty_label))}</option>')
        for option, label in field.options.markup:
            mark = " selected" if option in chosen else ""
            parts.append(f'<option value="{option}"{mark}>{label}</option>')
        final = self.build_attrs(self.attrs, attrs)
        return select_tag(name, final, "".join(parts))


class _Choices(BaseChoiceIterator):
    """The choices of an OptionChoiceField, read when the select is drawn, not before (a
    BaseChoiceIterator, so Django keeps it lazy)."""

    def __init__(self, field: "OptionChoiceField") -> None:
        self.field = field

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.field.options.pairs

    def __bool__(self) -> bool:
        return self.field.empty_label is not None or bool(self.field.options.pairs)


class OptionChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField drawn from an OptionList instead of one instance per option."""

    widget = OptionSelect
    options: OptionList | None = None

    def use(self, options: OptionList) -> None:
        self.options = options
        self.queryset = options.queryset  # also hands the widget self.choices
        self.widget.field = self

    def _get_choices(self):
        if self.options is None:
            return super()._get_choices()
        return _Choices(self)

    choices = property(_get_choices, forms.ChoiceField.choices.fset)
