"""The organisation, its sites and the scope statement: every change goes through here.

Each function checks its rules, writes the version-checked row and records history.
Raises ValidationError (field-keyed, coded), ConflictError or PermissionDenied.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.accounts.choices import Role
from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from .choices import OPEN_SCOPE_STATUSES, ScopeStatus
from .models import Organisation, ScopeStatement, Site

ORGANISATION_FIELDS = [
    "name_en",
    "name_zh_hans",
    "licence_number",
    "address_en",
    "address_zh_hans",
    "website",
    "phone",
]
SITE_FIELDS = ["name_en", "name_zh_hans", "address_en", "address_zh_hans", "in_scope", "is_active"]
SCOPE_TEXT_FIELDS = [
    "statement_en",
    "statement_zh_hans",
    "services_en",
    "services_zh_hans",
    "boundaries_en",
    "boundaries_zh_hans",
    "change_summary",
]


def _require_a_name(fields: dict) -> None:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise ValidationError(
            {
                "name_en": ValidationError(
                    _("Give a name in at least one language."), code="name_required"
                )
            }
        )


def current_organisation() -> Organisation | None:
    return Organisation.objects.first()


@transaction.atomic
def create_organisation(*, actor, **fields) -> Organisation:
    """Create the one organisation row. Event organisations.organisation.created."""
    _require_a_name(fields)
    if Organisation.objects.exists():
        raise ValidationError(
            {
                "name_en": ValidationError(
                    _("The organisation already exists; edit it instead."),
                    code="organisation_exists",
                )
            }
        )
    organisation = Organisation.objects.create(**fields)
    history.record(
        organisation,
        event="organisations.organisation.created",
        actor=actor,
        changes=history.initial(organisation, ORGANISATION_FIELDS),
    )
    return organisation


@transaction.atomic
def update_organisation(
    organisation: Organisation, *, actor, expected_version: int | None, **fields
) -> Organisation:
    """Edit names, licence, address. Event organisations.organisation.updated."""
    merged = {name: fields.get(name, getattr(organisation, name)) for name in ORGANISATION_FIELDS}
    _require_a_name(merged)
    before = history.snapshot(organisation, list(fields))
    for name, value in fields.items():
        setattr(organisation, name, value)
    save_versioned(organisation, fields=list(fields), expected_version=expected_version)
    history.record(
        organisation,
        event="organisations.organisation.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(organisation, list(fields))),
    )
    return organisation


@transaction.atomic
def add_site(organisation: Organisation, *, actor, **fields) -> Site:
    """Add a site. Event organisations.site.added."""
    _require_a_name(fields)
    site = Site.objects.create(organisation=organisation, **fields)
    history.record(
        site,
        event="organisations.site.added",
        actor=actor,
        changes=history.initial(site, SITE_FIELDS),
    )
    return site


@transaction.atomic
def update_site(site: Site, *, actor, expected_version: int | None, **fields) -> Site:
    """Edit or retire a site (is_active=False); sites are never deleted."""
    merged = {name: fields.get(name, getattr(site, name)) for name in SITE_FIELDS}
    _require_a_name(merged)
    before = history.snapshot(site, list(fields))
    for name, value in fields.items():
        setattr(site, name, value)
    save_versioned(site, fields=list(fields), expected_version=expected_version)
    history.record(
        site,
        event="organisations.site.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(site, list(fields))),
    )
    return site


def _check_sites(organisation: Organisation, sites) -> list[Site]:
    sites = list(sites)
    foreign = [s for s in sites if s.organisation_id != organisation.pk or not s.is_active]
    if foreign:
        raise ValidationError(
            {
                "sites": ValidationError(
                    _("Only active sites of the organisation can be in scope."), code="invalid_site"
                )
            }
        )
    return sites


@transaction.atomic
def start_scope_draft(organisation: Organisation, *, actor) -> ScopeStatement:
    """Start the next version of the scope, copied from the approved one if any.

    Only one version can be open (draft or awaiting approval) at a time.
    """
    if organisation.scope_statements.filter(status__in=OPEN_SCOPE_STATUSES).exists():
        raise ValidationError(
            {
                "status": ValidationError(
                    _("A draft of the scope is already open; finish or withdraw it first."),
                    code="draft_already_open",
                )
            }
        )
    approved = organisation.scope_statements.filter(status=ScopeStatus.APPROVED).first()
    number = (organisation.scope_statements.aggregate(n=Max("number"))["n"] or 0) + 1
    copied = {name: getattr(approved, name) for name in SCOPE_TEXT_FIELDS} if approved else {}
    copied["change_summary"] = ""
    draft = ScopeStatement.objects.create(
        organisation=organisation, number=number, drafted_by=actor, **copied
    )
    if approved:
        draft.sites.set(approved.sites.filter(is_active=True))
    history.record(
        draft,
        event="organisations.scopestatement.drafted",
        actor=actor,
        data={"copied_from": approved.number if approved else None},
    )
    return draft


def _require_status(scope: ScopeStatement, *allowed: str) -> None:
    if scope.status not in allowed:
        raise ValidationError(
            {
                "status": ValidationError(
                    _("This is not possible while the scope is “%(status)s”."),
                    code="wrong_status",
                    params={"status": scope.get_status_display()},
                )
            }
        )


@transaction.atomic
def update_scope_draft(
    scope: ScopeStatement, *, actor, expected_version: int | None, sites=None, **fields
) -> ScopeStatement:
    """Edit the text and sites of a draft. Event organisations.scopestatement.updated."""
    require_version(scope, expected_version)
    _require_status(scope, ScopeStatus.DRAFT)
    names = list(fields) + (["sites"] if sites is not None else [])
    before = history.snapshot(scope, names)
    for name, value in fields.items():
        setattr(scope, name, value)
    save_versioned(scope, fields=list(fields), expected_version=expected_version)
    if sites is not None:
        scope.sites.set(_check_sites(scope.organisation, sites))
    history.record(
        scope,
        event="organisations.scopestatement.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(scope, names)),
    )
    return scope


@transaction.atomic
def submit_scope(scope: ScopeStatement, *, actor, expected_version: int | None) -> ScopeStatement:
    """Send a draft to top management for approval."""
    require_version(scope, expected_version)
    _require_status(scope, ScopeStatus.DRAFT)
    if not scope.statement_en.strip() and not scope.statement_zh_hans.strip():
        raise ValidationError(
            {
                "statement_en": ValidationError(
                    _("Write the scope statement in at least one language before submitting."),
                    code="statement_required",
                )
            }
        )
    if not scope.sites.exists():
        raise ValidationError(
            {
                "sites": ValidationError(
                    _("Name at least one site covered by the scope."), code="sites_required"
                )
            }
        )
    scope.status, scope.submitted_at = ScopeStatus.SUBMITTED, timezone.now()
    save_versioned(scope, fields=["status", "submitted_at"], expected_version=expected_version)
    history.record(scope, event="organisations.scopestatement.submitted", actor=actor)
    return scope


@transaction.atomic
def withdraw_scope(scope: ScopeStatement, *, actor, expected_version: int | None) -> ScopeStatement:
    """Take a submitted draft back for more editing."""
    require_version(scope, expected_version)
    _require_status(scope, ScopeStatus.SUBMITTED)
    scope.status, scope.submitted_at = ScopeStatus.DRAFT, None
    save_versioned(scope, fields=["status", "submitted_at"], expected_version=expected_version)
    history.record(scope, event="organisations.scopestatement.withdrawn", actor=actor)
    return scope


def _require_top_management(actor) -> None:
    if not accounts.has_role(actor, Role.TOP_MANAGEMENT):
        raise PermissionDenied(_("Only top management can approve or return the scope."))


@transaction.atomic
def approve_scope(
    scope: ScopeStatement, *, actor, expected_version: int | None, note: str = ""
) -> ScopeStatement:
    """Top management approves; the previously approved version becomes superseded.

    Events organisations.scopestatement.approved (and .superseded for the old one).
    """
    require_version(scope, expected_version)
    _require_top_management(actor)
    _require_status(scope, ScopeStatus.SUBMITTED)
    previous = scope.organisation.scope_statements.filter(status=ScopeStatus.APPROVED).first()
    if previous is not None:
        previous.status = ScopeStatus.SUPERSEDED
        save_versioned(previous, fields=["status"], expected_version=previous.version)
        history.record(
            previous,
            event="organisations.scopestatement.superseded",
            actor=actor,
            data={"superseded_by": scope.number},
        )
    now = timezone.now()
    scope.status, scope.decided_by, scope.decided_at = ScopeStatus.APPROVED, actor, now
    scope.approved_at, scope.decision_note = now, note
    save_versioned(
        scope,
        fields=["status", "decided_by", "decided_at", "approved_at", "decision_note"],
        expected_version=expected_version,
    )
    history.record(
        scope, event="organisations.scopestatement.approved", actor=actor, data={"note": note}
    )
    return scope


@transaction.atomic
def reject_scope(
    scope: ScopeStatement, *, actor, expected_version: int | None, note: str
) -> ScopeStatement:
    """Top management returns the draft for rework, saying why."""
    require_version(scope, expected_version)
    _require_top_management(actor)
    _require_status(scope, ScopeStatus.SUBMITTED)
    if not note.strip():
        raise ValidationError(
            {"note": ValidationError(_("Say what needs to change."), code="note_required")}
        )
    scope.status, scope.submitted_at = ScopeStatus.DRAFT, None
    scope.decided_by, scope.decided_at, scope.decision_note = actor, timezone.now(), note
    save_versioned(
        scope,
        fields=["status", "submitted_at", "decided_by", "decided_at", "decision_note"],
        expected_version=expected_version,
    )
    history.record(
        scope, event="organisations.scopestatement.rejected", actor=actor, data={"note": note}
    )
    return scope
