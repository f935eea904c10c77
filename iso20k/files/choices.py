"""Kinds of files iso20k accepts, recognised by content; history events of stored files."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from iso20k.history import events


class FileKind(models.TextChoices):
    PDF = "pdf", _("PDF document")
    DOCX = "docx", _("Word document (DOCX)")
    XLSX = "xlsx", _("Excel workbook (XLSX)")
    PNG = "png", _("PNG image")
    JPEG = "jpeg", _("JPEG image")
    TEXT = "txt", _("Plain text")
    CSV = "csv", _("CSV table")


# What each kind is served as, and the file name endings that may claim it.
CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.PNG: "image/png",
    FileKind.JPEG: "image/jpeg",
    FileKind.TEXT: "text/plain; charset=utf-8",
    FileKind.CSV: "text/csv; charset=utf-8",
}
EXTENSIONS = {
    FileKind.PDF: {".pdf"},
    FileKind.DOCX: {".docx"},
    FileKind.XLSX: {".xlsx"},
    FileKind.PNG: {".png"},
    FileKind.JPEG: {".jpg", ".jpeg"},
    FileKind.TEXT: {".txt", ".md", ".log"},
    FileKind.CSV: {".csv"},
}
# Kinds a browser may show inline (inside a sandbox); everything else downloads.
INLINE_KINDS = {FileKind.PDF, FileKind.PNG, FileKind.JPEG, FileKind.TEXT}
EVIDENCE_KINDS = frozenset(FileKind.values)
DOCUMENT_KINDS = frozenset({FileKind.PDF, FileKind.DOCX, FileKind.XLSX})

events.register(
    {
        "files.storedfile.uploaded": _("File uploaded"),
        "files.storedfile.withdrawn": _("File withdrawn"),
    }
)
