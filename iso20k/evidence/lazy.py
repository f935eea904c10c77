"""Titles of checks generated from bilingual catalogue data, localised when shown."""

from django.utils.functional import Promise
from django.utils.translation import gettext


class DataTitle(Promise):
    """Behaves like a lazy translation: str() gives the reader's language.

    `template` is a gettext msgid with %(title)s; `titles` maps en / zh-hans.
    """

    def __init__(self, template: str, titles: dict[str, str]) -> None:
        self.template = template
        self.titles = titles

    def __str__(self) -> str:
        from django.utils.translation import get_language

        language = "zh-hans" if (get_language() or "").startswith("zh") else "en"
        return gettext(self.template) % {"title": self.titles.get(language) or self.titles["en"]}
