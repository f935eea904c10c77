from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CatalogueConfig(AppConfig):
    name = "iso20k.catalogue"
    label = "catalogue"
    verbose_name = _("Clause catalogue")

    def ready(self) -> None:
        from iso20k.accounts import scopes
        from iso20k.accounts.choices import ScopeKind

        from . import choices, querysets  # noqa: F401  (choices registers history labels)

        scopes.register(
            scopes.ScopeType(
                kind=ScopeKind.PROCESS,
                exists=querysets.clause_number_exists,
                label=querysets.clause_label,
                options=querysets.process_options,
            )
        )
