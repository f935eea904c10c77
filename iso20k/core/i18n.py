"""Bilingual content stored as data (`title_en`, `title_zh_hans`): pick the reader's language."""

from collections.abc import Mapping

from django.utils import translation
from django.utils.translation import gettext_noop


def language_suffix(language: str | None = None) -> str:
    language = language or translation.get_language() or "en"
    return "zh_hans" if language.lower().startswith("zh") else "en"


def localized(obj: object, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>` (or `obj["<field>_<lang>"]` for a dict, e.g. a request item's
    field definition), falling back to the other language when empty."""
    primary = language_suffix(language)
    fallback = "en" if primary == "zh_hans" else "zh_hans"
    if isinstance(obj, Mapping):
        return obj.get(f"{field}_{primary}") or obj.get(f"{field}_{fallback}") or ""
    return getattr(obj, f"{field}_{primary}", "") or getattr(obj, f"{field}_{fallback}", "") or ""


def name_or_code(obj: object) -> str:
    """How a coded, bilingual record is called: its name in the reader's language, else its
    code (a model instance, or the dict of its values when an option list reads them)."""
    code = obj["code"] if isinstance(obj, Mapping) else obj.code
    return localized(obj, "name") or code


NAME_FIELDS = ("code", "name_en", "name_zh_hans")


class BilingualMixin:
    """Adds `localized(field)` for models storing content in both languages."""

    def localized(self, field: str) -> str:
        return localized(self, field)


# Django 6.1 labels empty choices "- Select an option -" and ships no Chinese for it; naming
# the string here puts it in our catalogue, which Django reads first (LOCALE_PATHS).
BLANK_CHOICE_LABEL = gettext_noop("- Select an option -")
