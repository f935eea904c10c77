"""Recognise an uploaded file by its content, never by its name, and refuse unsafe ones.

inspect_upload() reads the bytes: magic numbers for PDF and images, the inside of the ZIP
container for DOCX and XLSX (with limits against zip bombs and macro-enabled content),
and a text check for TXT and CSV. It raises ValidationError with a specific code, in the
user's language, or returns what the file really is.
"""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .choices import EXTENSIONS, FileKind

MAX_MEMBERS = 5000
MAX_RATIO = 100  # uncompressed / compressed, per member and overall


@dataclass(frozen=True)
class Inspection:
    kind: str
    size: int
    sha256: str


def _error(code: str, message: str, **params) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _zip_kind(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise _error("file_corrupt", _("The file is damaged and cannot be opened.")) from None
    limit = settings.UPLOAD_MAX_UNPACKED_BYTES
    if len(members) > MAX_MEMBERS:
        raise _error(
            "file_archive_unsafe", _("The file holds too many parts to be a real document.")
        )
    total = sum(m.file_size for m in members)
    packed = max(sum(m.compress_size for m in members), 1)
    if (
        total > limit
        or total / packed > MAX_RATIO
        or any(
            m.file_size > 1_000_000 and m.file_size / max(m.compress_size, 1) > MAX_RATIO
            for m in members
        )
    ):
        raise _error(
            "file_archive_unsafe",
            _("The file expands to far more than its size (a “zip bomb”); it was refused."),
        )
    names = {m.filename for m in members}
    if any(name.lower().endswith("vbaproject.bin") for name in names):
        raise _error(
            "file_has_macros", _("Files with macros are not accepted; save it without them.")
        )
    if "[Content_Types].xml" not in names:
        raise _error(
            "file_type_unknown", _("The file is a ZIP archive, not a Word or Excel document.")
        )
    if "word/document.xml" in names:
        return FileKind.DOCX
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    raise _error(
        "file_type_unknown", _("The file is an Office file of a kind that is not accepted.")
    )


def _text_kind(data: bytes, extension: str) -> str | None:
    if b"\x00" in data[:65536]:
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return FileKind.CSV if extension == ".csv" else FileKind.TEXT
    return None


def detect_kind(data: bytes, extension: str = "") -> str | None:
    if data.startswith(b"%PDF-"):
        return FileKind.PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    return _text_kind(data, extension)


def inspect_upload(upload: UploadedFile, *, allowed: frozenset[str] | set[str]) -> Inspection:
    """What the upload really is; ValidationError (coded) when it is too big, unsafe, or lies."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size is not None and upload.size > limit:
        raise _error(
            "file_too_large",
            _("The file is %(size)s; the limit is %(limit)s."),
            size=filesizeformat(upload.size),
            limit=filesizeformat(limit),
        )
    upload.seek(0)
    data = upload.read(limit + 1)
    upload.seek(0)
    if len(data) > limit:
        raise _error(
            "file_too_large",
            _("The file is larger than the limit of %(limit)s."),
            limit=filesizeformat(limit),
        )
    if not data:
        raise _error("file_empty", _("The file is empty."))
    extension = PurePath(upload.name or "").suffix.lower()
    kind = detect_kind(data, extension)
    if kind is None:
        raise _error(
            "file_type_unknown", _("The content of this file is not of a kind iso20k accepts.")
        )
    labels = dict(FileKind.choices)
    if extension not in EXTENSIONS[kind]:
        raise _error(
            "file_type_mismatch",
            _("The file's name says “%(ext)s” but its content is a %(kind)s."),
            ext=extension or "—",
            kind=labels[kind],
        )
    if kind not in allowed:
        accepted = ", ".join(str(labels[k]) for k in sorted(allowed))
        raise _error(
            "file_type_not_allowed",
            _("%(kind)s files are not accepted here. Accepted: %(accepted)s."),
            kind=labels[kind],
            accepted=accepted,
        )
    return Inspection(kind=kind, size=len(data), sha256=hashlib.sha256(data).hexdigest())
