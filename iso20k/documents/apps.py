from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "iso20k.documents"
    label = "documents"
    verbose_name = _("Documents")

    def ready(self) -> None:
        from iso20k.files import owners

        from . import access, choices  # noqa: F401  (registers history event labels)

        owners.register("documents.documentversion", access.can_view_version_file)
