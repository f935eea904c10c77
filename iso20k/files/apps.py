from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FilesConfig(AppConfig):
    name = "iso20k.files"
    label = "files"
    verbose_name = _("Files")

    def ready(self) -> None:
        from . import choices  # noqa: F401  (registers history event labels)
