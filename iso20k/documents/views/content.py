"""What the content panel of a version needs: the body in the chosen language, rendered and
sanitised, and the file shown as HTML (DOCX, XLSX) or opened in the browser (PDF)."""

from django.http import HttpRequest
from django.utils import translation

from ..rendering import file_html, markdown_html


def content_language(request: HttpRequest) -> str:
    chosen = request.GET.get("lang", "")
    if chosen in {"en", "zh-hans"}:
        return chosen
    return "zh-hans" if (translation.get_language() or "").startswith("zh") else "en"


def content_context(request: HttpRequest, version) -> dict:
    language = content_language(request)
    primary = version.body_zh_hans if language == "zh-hans" else version.body_en
    other = version.body_en if language == "zh-hans" else version.body_zh_hans
    body = primary or other
    stored = version.file if version.file_id else None
    return {
        "content_version": version,
        "content_language": language,
        "content_fallback": bool(body) and not primary,
        "body_html": markdown_html(body) if body.strip() else "",
        "file": stored,
        "file_html": file_html(stored)
        if stored is not None and request.GET.get("partial") != "history"
        else None,
    }
