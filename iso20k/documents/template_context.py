"""What a template is filled with: the organisation, its scope, its people and roles, and
lists that other apps provide (services, SLAs) through a small registry.

Another app registers a provider with `register("services", provider)`; a provider takes a
language code and returns rows (dicts of short texts). With no provider, or no rows, the
template says plainly that none are defined yet, in the document's language.
"""

from collections.abc import Callable

from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iso20k.accounts.choices import Role

Provider = Callable[[str], list[dict]]

_providers: dict[str, Provider] = {}

# Known lists and their columns, in the order the table shows them.
COLUMNS = {
    "services": [
        ("name", gettext_lazy("Service")),
        ("description", gettext_lazy("Description")),
        ("hours", gettext_lazy("Service hours")),
        ("owner", gettext_lazy("Owner")),
    ],
    "slas": [
        ("name", gettext_lazy("Agreement")),
        ("service", gettext_lazy("Service")),
        ("customer", gettext_lazy("Customer")),
        ("targets", gettext_lazy("Targets")),
    ],
}
EMPTY = {
    "services": gettext_lazy(
        "None defined yet: iso20k's service catalogue holds no services. List them here, "
        "or define them in the service catalogue and generate this document again."
    ),
    "slas": gettext_lazy(
        "None defined yet: iso20k holds no service level agreements. List them here, or "
        "record them in iso20k and generate this document again."
    ),
}


def register(name: str, provider: Provider) -> None:
    _providers[name] = provider


def unregister(name: str) -> None:
    _providers.pop(name, None)


def rows(name: str, language: str) -> list[dict]:
    provider = _providers.get(name)
    if provider is None:
        return []
    with translation.override(language):
        return list(provider(language) or [])


def _cell(value: object) -> str:
    return " ".join(str(value if value is not None else "").split()).replace("|", "\\|") or "—"


def markdown_table(headers: list[str], body: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_cell(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in body)
    return "\n".join(lines)


def listing_table(name: str, items: list[dict]) -> str:
    if not items:
        return f"_{EMPTY.get(name, _('None defined yet.'))}_"
    columns = COLUMNS.get(name) or [(key, key) for key in items[0]]
    return markdown_table(
        [str(label) for _key, label in columns],
        [[item.get(key, "") for key, _label in columns] for item in items],
    )


def _names(users) -> str:
    return ", ".join(str(u) for u in users) or _("to be named")


def _people_by_role() -> dict[str, list]:
    from iso20k.accounts.models import Grant

    grants = Grant.objects.active().filter(user__is_active=True).select_related("user")
    people: dict[str, list] = {}
    for grant in grants.order_by("user__username"):
        bucket = people.setdefault(grant.role, [])
        if grant.user not in bucket:
            bucket.append(grant.user)
        if grant.scope_kind == "process":
            people.setdefault(f"process:{grant.scope_ref}", []).append(grant.user)
    return people


def _scope_context() -> dict:
    from iso20k.organisations.choices import ScopeStatus
    from iso20k.organisations.models import ScopeStatement

    scope = ScopeStatement.objects.filter(status=ScopeStatus.APPROVED).first()
    if scope is None:
        missing = _("The SMS scope is not approved yet (clause 4.3); insert it here.")
        return {"statement": missing, "services": missing, "boundaries": "—", "sites": []}
    sites = [site.localized("name") for site in scope.sites.all()]
    return {
        "statement": scope.localized("statement") or "—",
        "services": scope.localized("services") or "—",
        "boundaries": scope.localized("boundaries") or "—",
        "number": scope.number,
        "approved_on": formats.date_format(scope.approved_at, "SHORT_DATE_FORMAT"),
        "sites": sites,
        "sites_text": "、".join(sites)
        if translation.get_language() == "zh-hans"
        else ", ".join(sites),
    }


def _organisation_context() -> dict:
    from iso20k.organisations.models import Organisation

    organisation = Organisation.objects.first()
    if organisation is None:
        return {"name": _("[organisation name]"), "address": "—", "licence_number": "—"}
    return {
        "name": organisation.localized("name"),
        "name_en": organisation.name_en or organisation.name_zh_hans,
        "name_zh_hans": organisation.name_zh_hans or organisation.name_en,
        "address": organisation.localized("address") or "—",
        "licence_number": organisation.licence_number or "—",
        "website": organisation.website or "—",
        "phone": organisation.phone or "—",
    }


def _roles_table(people: dict[str, list]) -> str:
    body = [
        [str(label), _names(people.get(role, []))]
        for role, label in Role.choices
        if role not in {Role.CUSTOMER, Role.EXTERNAL_AUDITOR, Role.ADMINISTRATOR}
    ]
    return markdown_table([_("Role"), _("People")], body)


def _process_owners_table(people: dict[str, list]) -> str:
    from iso20k.catalogue.models import Clause

    owned = sorted(key.split(":", 1)[1] for key in people if key.startswith("process:"))
    clauses = {c.number: c for c in Clause.objects.filter(number__in=owned)}
    body = [
        [
            number,
            clauses[number].localized("title") if number in clauses else "",
            _names(people[f"process:{number}"]),
        ]
        for number in owned
    ]
    if not body:
        return f"_{_('No process owner is named yet; grant the role per process in iso20k.')}_"
    return markdown_table([_("Clause"), _("Process"), _("Owner")], body)


def build(language: str, *, template, code: str, owner) -> dict:
    """The context a template body is rendered with, in `language`."""
    with translation.override(language):
        people = _people_by_role()
        primary = template.clauses[0] if template.clauses else ""
        services, slas = rows("services", language), rows("slas", language)
        return {
            "organisation": _organisation_context(),
            "scope": _scope_context(),
            "people": {
                "top_management": _names(people.get(Role.TOP_MANAGEMENT, [])),
                "certification_lead": _names(people.get(Role.CERTIFICATION_LEAD, [])),
                "internal_auditors": _names(people.get(Role.INTERNAL_AUDITOR, [])),
                "agents": _names(people.get(Role.AGENT, [])),
                "administrators": _names(people.get(Role.ADMINISTRATOR, [])),
            },
            "process_owner": _names(people.get(f"process:{primary}", [])),
            "roles_table": _roles_table(people),
            "process_owners_table": _process_owners_table(people),
            "services": services,
            "services_table": listing_table("services", services),
            "slas": slas,
            "slas_table": listing_table("slas", slas),
            "document": {
                "code": code,
                "title": template.title.get(language) or template.title.get("en", ""),
                "owner": str(owner),
                "review_interval_months": template.review_interval_months,
            },
            "today": formats.date_format(timezone.localdate(), "SHORT_DATE_FORMAT"),
        }
