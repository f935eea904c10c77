from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CustomersConfig(AppConfig):
    name = "iso20k.customers"
    label = "customers"
    verbose_name = _("Customers")

    def ready(self) -> None:
        from iso20k.accounts import scopes
        from iso20k.accounts.choices import ScopeKind

        from . import choices, querysets  # noqa: F401  (choices registers history labels)

        scopes.register(
            scopes.ScopeType(
                kind=ScopeKind.CUSTOMER,
                exists=querysets.customer_code_exists,
                label=querysets.customer_label,
                options=querysets.customer_options,
            )
        )
