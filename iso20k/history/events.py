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
