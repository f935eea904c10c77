"""A file may be downloaded by whoever may see the record that owns it (404 otherwise)."""

from django.http import Http404

from . import owners
from .models import StoredFile


def get_file_for(user, pk) -> StoredFile:
    stored = StoredFile.objects.filter(pk=pk).first()
    if stored is None or not owners.can_view(user, stored.owner_type, stored.owner_id):
        raise Http404
    return stored
