"""Accounts: every change to a user, a grant or an API token goes through these functions.

Each checks its rules, writes the version-checked row, records history and returns the
refreshed instance. Raises ValidationError (field-keyed, with a code), ConflictError or
PermissionDenied. Role checks for reading are in access.py.
"""

import zoneinfo
from datetime import datetime

from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from . import scopes
from .choices import ROLE_SCOPES, Language, Role, ScopeKind
from .models import Grant, User

SYSTEM_USERNAME = "system"
PROFILE_FIELDS = ["email", "display_name", "first_name", "last_name", "department"]


def system_actor() -> User:
    """The actor of commands and background jobs; it cannot sign in.

    Created by migration accounts 0002; recreated here if a test flush removed it. Several
    processes may ask at once (worker, scheduler, commands), so a lost race re-reads.
    """
    user = User.objects.filter(username=SYSTEM_USERNAME).first()
    if user is not None:
        return user
    try:
        with transaction.atomic():
            user = User(username=SYSTEM_USERNAME, display_name="system", is_active=False)
            user.set_unusable_password()
            user.save()
    except IntegrityError:
        user = User.objects.get(username=SYSTEM_USERNAME)
    return user


def _check_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            {
                "time_zone": ValidationError(
                    _("“%(value)s” is not a known time zone."),
                    code="unknown_time_zone",
                    params={"value": value},
                )
            }
        ) from None


def _check_profile(email: str, *, exclude_pk: int | None = None) -> None:
    if not email:
        return
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": ValidationError(_("Enter a valid e-mail address."), code="invalid_email")}
        ) from None
    clash = User.objects.filter(email__iexact=email).exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {
                "email": ValidationError(
                    _("Another user already has this e-mail address."), code="duplicate_email"
                )
            }
        )


def _check_password(password: str, user: User, field: str) -> None:
    try:
        password_validation.validate_password(password, user)
    except ValidationError as exc:
        raise ValidationError({field: exc.error_list}) from None


@transaction.atomic
def create_user(
    *,
    actor: User,
    username: str,
    password: str | None = None,
    email: str = "",
    display_name: str = "",
    first_name: str = "",
    last_name: str = "",
    department: str = "",
    language: str = "",
    time_zone: str = "",
) -> User:
    """Create a user. Event accounts.user.created. The password is never recorded."""
    username = username.strip()
    if not username:
        raise ValidationError(
            {"username": ValidationError(_("Enter a user name."), code="required")}
        )
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": ValidationError(_("This user name is taken."), code="duplicate_username")}
        )
    _check_profile(email)
    if language not in Language.values:
        raise ValidationError({"language": ValidationError(_("Unknown language."), code="invalid")})
    user = User(
        username=username,
        email=email,
        display_name=display_name,
        first_name=first_name,
        last_name=last_name,
        department=department,
        language=language,
    )
    if time_zone:
        _check_time_zone(time_zone)
        user.time_zone = time_zone
    if password:
        _check_password(password, user, "password")
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    history.record(
        user,
        event="accounts.user.created",
        actor=actor,
        changes=history.initial(user, ["username", *PROFILE_FIELDS, "language", "time_zone"]),
    )
    return user


@transaction.atomic
def update_user(user: User, *, actor: User, expected_version: int | None, **fields: str) -> User:
    """Change a user's profile (administrators). Event accounts.user.updated."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    _check_profile(fields.get("email", user.email), exclude_pk=user.pk)
    before = history.snapshot(user, list(fields))
    for name, value in fields.items():
        setattr(user, name, value)
    save_versioned(user, fields=list(fields), expected_version=expected_version)
    history.record(
        user,
        event="accounts.user.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(user, list(fields))),
    )
    return user


@transaction.atomic
def update_preferences(
    user: User,
    *,
    actor: User,
    expected_version: int | None,
    language: str,
    time_zone: str,
    display_name: str | None = None,
) -> User:
    """A user's own language, time zone and name. Event accounts.user.preferences_changed."""
    if actor.pk != user.pk:
        raise PermissionDenied(_("Only the user can change their own preferences."))
    if language not in Language.values:
        raise ValidationError({"language": ValidationError(_("Unknown language."), code="invalid")})
    _check_time_zone(time_zone)
    fields = ["language", "time_zone"] + (["display_name"] if display_name is not None else [])
    before = history.snapshot(user, fields)
    user.language, user.time_zone = language, time_zone
    if display_name is not None:
        user.display_name = display_name
    save_versioned(user, fields=fields, expected_version=expected_version)
    history.record(
        user,
        event="accounts.user.preferences_changed",
        actor=actor,
        changes=history.diff(before, history.snapshot(user, fields)),
    )
    return user


@transaction.atomic
def change_password(user: User, *, actor: User, old_password: str, new_password: str) -> User:
    """The user changes their own password. Event accounts.user.password_changed."""
    if actor.pk != user.pk:
        raise PermissionDenied(_("Only the user can change their own password."))
    if not user.check_password(old_password):
        raise ValidationError(
            {
                "old_password": ValidationError(
                    _("Your current password is not correct."), code="wrong_password"
                )
            }
        )
    _check_password(new_password, user, "new_password1")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    history.record(user, event="accounts.user.password_changed", actor=actor)
    return user


@transaction.atomic
def set_password(user: User, *, actor: User, new_password: str) -> User:
    """An administrator sets a user's password. Event accounts.user.password_set."""
    _check_password(new_password, user, "new_password1")
    user.set_password(new_password)
    user.save(update_fields=["password"])
    history.record(user, event="accounts.user.password_set", actor=actor)
    return user


@transaction.atomic
def set_user_active(user: User, *, actor: User, expected_version: int | None, active: bool) -> User:
    """Deactivate or reactivate a user (users are never deleted: history points at them)."""
    if actor.pk == user.pk and not active:
        raise ValidationError(
            {
                "is_active": ValidationError(
                    _("You cannot deactivate your own account."), code="self_deactivation"
                )
            }
        )
    user.is_active = active
    save_versioned(user, fields=["is_active"], expected_version=expected_version)
    event = "accounts.user.reactivated" if active else "accounts.user.deactivated"
    history.record(user, event=event, actor=actor, changes={"is_active": [not active, active]})
    return user


def _check_scope(role: str, scope_kind: str, scope_ref: str) -> str:
    if scope_kind not in ROLE_SCOPES.get(role, []):
        raise ValidationError(
            {
                "scope_kind": ValidationError(
                    _("This scope does not apply to this role."), code="scope_not_for_role"
                )
            }
        )
    if scope_kind == ScopeKind.ORGANISATION:
        return ""
    scope_type = scopes.get(scope_kind)
    scope_ref = scope_ref.strip()
    if scope_type is None:
        raise ValidationError(
            {
                "scope_kind": ValidationError(
                    _("Nothing of this kind exists yet to grant a role on."),
                    code="scope_unavailable",
                )
            }
        )
    if not scope_ref or not scope_type.exists(scope_ref):
        raise ValidationError(
            {
                "scope_ref": ValidationError(
                    _("“%(ref)s” does not exist."), code="unknown_scope", params={"ref": scope_ref}
                )
            }
        )
    return scope_ref


def _check_validity(role: str, valid_from: datetime, valid_until: datetime | None) -> None:
    if valid_until is not None and valid_until <= valid_from:
        raise ValidationError(
            {
                "valid_until": ValidationError(
                    _("The end must be after the start."), code="end_before_start"
                )
            }
        )
    if role == Role.EXTERNAL_AUDITOR and valid_until is None:
        raise ValidationError(
            {
                "valid_until": ValidationError(
                    _("An external auditor's access must have an end."),
                    code="external_auditor_unlimited",
                )
            }
        )


@transaction.atomic
def grant_role(
    user: User,
    *,
    actor: User,
    role: str,
    scope_kind: str = ScopeKind.ORGANISATION,
    scope_ref: str = "",
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    note: str = "",
) -> Grant:
    """Give `user` a role in a scope for a period. Event accounts.grant.granted.

    Raises PermissionDenied when actors grant roles to themselves (segregation of duties).
    """
    if actor.pk == user.pk:
        raise PermissionDenied(_("You cannot grant roles to yourself."))
    if role not in Role.values:
        raise ValidationError({"role": ValidationError(_("Unknown role."), code="invalid")})
    scope_ref = _check_scope(role, scope_kind, scope_ref)
    valid_from = valid_from or timezone.now()
    _check_validity(role, valid_from, valid_until)
    overlapping = Grant.objects.active(at=valid_from).filter(
        user=user, role=role, scope_kind=scope_kind, scope_ref=scope_ref
    )
    if overlapping.exists():
        raise ValidationError(
            {
                "role": ValidationError(
                    _("This user already holds this role in this scope."), code="duplicate_grant"
                )
            }
        )
    grant = Grant.objects.create(
        user=user,
        role=role,
        scope_kind=scope_kind,
        scope_ref=scope_ref,
        valid_from=valid_from,
        valid_until=valid_until,
        note=note,
        granted_by=actor,
    )
    history.record(
        grant,
        event="accounts.grant.granted",
        actor=actor,
        changes=history.initial(
            grant, ["user", "role", "scope_kind", "scope_ref", "valid_from", "valid_until", "note"]
        ),
    )
    return grant


@transaction.atomic
def update_grant(
    grant: Grant,
    *,
    actor: User,
    expected_version: int | None,
    valid_until: datetime | None,
    note: str,
) -> Grant:
    """Change when a grant ends and its note. Event accounts.grant.updated."""
    require_version(grant, expected_version)
    if grant.revoked_at is not None:
        raise ValidationError(
            {
                "valid_until": ValidationError(
                    _("A revoked grant cannot be changed."), code="revoked"
                )
            }
        )
    _check_validity(grant.role, grant.valid_from, valid_until)
    fields = ["valid_until", "note"]
    before = history.snapshot(grant, fields)
    grant.valid_until, grant.note = valid_until, note
    save_versioned(grant, fields=fields, expected_version=expected_version)
    history.record(
        grant,
        event="accounts.grant.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(grant, fields)),
    )
    return grant


@transaction.atomic
def revoke_grant(
    grant: Grant, *, actor: User, expected_version: int | None, reason: str = ""
) -> Grant:
    """End a grant now; it stays on record. Event accounts.grant.revoked."""
    require_version(grant, expected_version)
    if grant.revoked_at is not None:
        raise ValidationError(
            {"revoked_at": ValidationError(_("This grant is already revoked."), code="revoked")}
        )
    grant.revoked_at, grant.revoked_by = timezone.now(), actor
    save_versioned(grant, fields=["revoked_at", "revoked_by"], expected_version=expected_version)
    history.record(grant, event="accounts.grant.revoked", actor=actor, data={"reason": reason})
    return grant


def record_login(user: User) -> None:
    history.record(user, event="accounts.user.logged_in", actor=user)


def record_logout(user: User) -> None:
    history.record(user, event="accounts.user.logged_out", actor=user)


def record_failed_login(username: str, *, locked_out: bool = False) -> None:
    """Authentication failures are kept in history too (who tried, when, from where)."""
    user = User.objects.filter(username__iexact=username).first() if username else None
    event = "accounts.user.locked_out" if locked_out else "accounts.user.login_failed"
    history.record(
        user,
        event=event,
        actor=None,
        object_type="accounts.user",
        object_id=str(user.pk) if user else "",
        object_repr=username[:150],
    )


@transaction.atomic
def issue_api_token(user: User, *, actor: User) -> tuple[object, str]:
    """Create an API token for the user; the secret is returned once and stored hashed."""
    from knox.models import AuthToken

    if actor.pk != user.pk:
        raise PermissionDenied(_("Users issue their own API tokens."))
    instance, secret = AuthToken.objects.create(user=user)
    history.record(
        user,
        event="accounts.token.issued",
        actor=actor,
        data={"token_key": instance.token_key, "expiry": instance.expiry},
    )
    return instance, secret


@transaction.atomic
def revoke_api_token(user: User, *, actor: User, token_key: str) -> None:
    """Revoke one of the user's API tokens. Event accounts.token.revoked."""
    from knox.models import AuthToken

    if actor.pk != user.pk:
        raise PermissionDenied(_("Users revoke their own API tokens."))
    deleted, _count = AuthToken.objects.filter(user=user, token_key=token_key).delete()
    if not deleted:
        raise ValidationError(
            {"token_key": ValidationError(_("No such token."), code="unknown_token")}
        )
    history.record(user, event="accounts.token.revoked", actor=actor, data={"token_key": token_key})
