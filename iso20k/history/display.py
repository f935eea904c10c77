"""How history values read on a page: field labels and choice labels in the reader's language."""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
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


def _value(field: models.Field | None, value: object) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and "T" in value:
        moment = parse_datetime(value)
        if moment is not None:
            return date_format(localtime(moment), "SHORT_DATETIME_FORMAT")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


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
        label = capfirst(str(field.verbose_name)) if field is not None else name
        rows.append((label, _value(field, old), _value(field, new)))
    return rows
