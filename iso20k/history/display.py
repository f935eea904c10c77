"""How history values read on a page: field labels and choice labels in the reader's language.

Foreign keys read as the related object (history stores its id), and apps can register the
labels of values that are not model choices, e.g. a JSON list of codes.
"""

from collections.abc import Callable

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.timezone import localtime
from django.utils.translation import gettext as _


def _model(object_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(object_type)
    except (LookupError, ValueError):
        return None


_value_labels: dict[tuple[str, str], Callable[[], dict]] = {}


def register_value_labels(object_type: str, field: str, labels: Callable[[], dict]) -> None:
    """Show the codes stored for `field` of `object_type` with `labels()` (code → label)."""
    _value_labels[(object_type, field)] = labels


def _related(field: models.Field | None, value: object) -> str | None:
    if field is None or value in (None, "", []):
        return None
    manager = field.related_model._default_manager if field.is_relation else None
    try:
        if field.many_to_one:
            related = manager.filter(pk=value).first()
            return str(related) if related is not None else None
        if field.many_to_many and isinstance(value, list):
            return ", ".join(str(obj) for obj in manager.filter(pk__in=value))
    except (ValueError, TypeError, ValidationError):
        return None  # a readable value stored by the service (e.g. a user name), not an id
    return None


def _labelled(labels: Callable[[], dict] | None, value: object) -> object:
    if labels is None:
        return value
    mapping = {str(k): v for k, v in labels().items()}
    if isinstance(value, list):
        return [str(mapping.get(str(v), v)) for v in value]
    return mapping.get(str(value), value)


def _value(field: models.Field | None, value: object) -> str:
    if value is None or value == "" or value == []:
        return "—"
    related = _related(field, value)
    if related is not None:
        return related
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        moment = parse_datetime(value)
        if moment is not None:
            return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _label(field: models.Field | None, name: str) -> str:
    """A field's label; a reverse relation (e.g. a calendar's holidays) reads as its model."""
    verbose = getattr(field, "verbose_name", None)
    if verbose is None and getattr(field, "related_model", None) is not None:
        verbose = field.related_model._meta.verbose_name_plural
    return capfirst(str(verbose or name))


def labelled_changes(object_type: str, changes: dict) -> list[tuple[str, str, str]]:
    model = _model(object_type)
    rows = []
    for name, pair in changes.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        field = None
        if model is not None:
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                field = None
        label = _label(field, name) if field is not None else None
        if label is None:
            from .events import field_label

            label = capfirst(str(field_label(object_type, name) or name))
        labels = _value_labels.get((object_type, name))
        rows.append(
            (label, _value(field, _labelled(labels, old)), _value(field, _labelled(labels, new)))
        )
    return rows
