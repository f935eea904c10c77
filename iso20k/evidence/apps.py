from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class EvidenceConfig(AppConfig):
    name = "iso20k.evidence"
    label = "evidence"
    verbose_name = _("Evidence and readiness")

    def ready(self) -> None:
        from iso20k.accounts import scopes
        from iso20k.accounts.choices import ScopeKind

        from . import choices, querysets, registry  # noqa: F401  (history labels)

        # Each app's checks.py registers its checks; a bad clause stops start-up here.
        autodiscover_modules("checks")
        registry.validate()
        scopes.register(
            scopes.ScopeType(
                kind=ScopeKind.AUDIT,
                exists=querysets.audit_ref_exists,
                label=lambda ref: ref,
                options=querysets.audit_ref_options,
            )
        )
