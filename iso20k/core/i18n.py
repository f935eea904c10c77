"""Bilingual content stored as data (`title_en`, `title_zh_hans`): pick the reader's language."""

from django.utils import translation


def language_suffix(language: str | None = None) -> str:
    language = language or translation.get_language() or "en"
    return "zh_hans" if language.lower().startswith("zh") else "en"


def localized(obj: object, field: str, language: str | None = None) -> str:
    """`obj.<field>_<lang>`, falling back to the other language when empty."""
    primary = language_suffix(language)
    fallback = "en" if primary == "zh_hans" else "zh_hans"
    return getattr(obj, f"{field}_{primary}", "") or getattr(obj, f"{field}_{fallback}", "") or ""


class BilingualMixin:
    """Adds `localized(field)` for models storing content in both languages."""

    def localized(self, field: str) -> str:
        return localized(self, field)
