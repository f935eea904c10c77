"""Serve stored files with headers that stop a browser from running them."""

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpRequest

from . import access
from .choices import INLINE_KINDS


@login_required
def download(request: HttpRequest, pk) -> FileResponse:
    stored = access.get_file_for(request.user, pk)
    inline = request.GET.get("inline") == "1" and stored.kind in INLINE_KINDS
    response = FileResponse(stored.file.open("rb"), content_type=stored.content_type)
    disposition = "inline" if inline else "attachment"
    ascii_name = stored.original_name.encode("ascii", "replace").decode().replace('"', "")
    response["Content-Disposition"] = (
        f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(stored.original_name)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, no-store"
    return response
