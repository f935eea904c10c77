"""Controlled documents (7.5): register, numbered versions with sign-offs, read acknowledgement."""

from .acknowledgement import Acknowledgement, ReadAssignment
from .document import Document
from .version import DocumentVersion, Signoff

__all__ = ["Acknowledgement", "Document", "DocumentVersion", "ReadAssignment", "Signoff"]
