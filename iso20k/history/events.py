"""Display labels of history event codes (`app.model.past_participle`).

History stores codes; text is translated when shown, so a record reads correctly in the
reader's language years later. Apps register their codes from their choices.py.
"""

from django.utils.functional import Promise

_labels: dict[str, Promise] = {}


def register(labels: dict[str, Promise]) -> None:
    _labels.update(labels)


def label(code: str) -> str:
    return str(_labels.get(code, code))


def registered() -> dict[str, Promise]:
    return dict(_labels)


_field_labels: dict[tuple[str, str], Promise] = {}


def register_fields(object_type: str, labels: dict[str, Promise]) -> None:
    """Labels of change keys that are not model fields (e.g. a summary a service records)."""
    for name, text in labels.items():
        _field_labels[(object_type, name)] = text


def field_label(object_type: str, name: str) -> Promise | None:
    return _field_labels.get((object_type, name))
