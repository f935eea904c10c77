"""Support groups: create, edit and set members. History on the group for each change."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from ..models import SupportGroup
from .lifecycle import error

GROUP_FIELDS = ["name_en", "name_zh_hans", "description", "email", "manager", "is_active"]
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _check(fields: dict) -> None:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise error("name_en", _("Give a name in at least one language."), "name_required")
    manager = fields.get("manager")
    if manager is not None and not manager.is_active:
        raise error("manager", _("Choose an active user as the manager."), "manager_inactive")


def _check_members(members) -> list:
    members = list(members)
    inactive = [m for m in members if not m.is_active]
    if inactive:
        raise error(
            "members",
            _("%(person)s can no longer sign in."),
            "member_inactive",
            person=str(inactive[0]),
        )
    return members


@transaction.atomic
def create_group(*, actor, code: str, members=(), **fields) -> SupportGroup:
    """Add a support group. Event servicedesk.supportgroup.created."""
    code = (code or "").strip().lower()
    if not CODE.match(code):
        raise error(
            "code",
            _("Use lower-case letters, digits and hyphens (at most 40)."),
            "invalid_code",
        )
    if SupportGroup.objects.filter(code=code).exists():
        raise error(
            "code", _("A group with the code “%(value)s” exists."), "duplicate_code", value=code
        )
    fields = {name: value for name, value in fields.items() if name in GROUP_FIELDS}
    _check(fields)
    members = _check_members(members)
    group = SupportGroup.objects.create(code=code, **fields)
    group.members.set(members)
    history.record(
        group,
        event="servicedesk.supportgroup.created",
        actor=actor,
        changes=history.with_labels(
            SupportGroup, history.initial(group, ["code", *GROUP_FIELDS, "members"])
        ),
    )
    return group


@transaction.atomic
def update_group(
    group: SupportGroup, *, actor, expected_version: int | None, members=None, **fields
) -> SupportGroup:
    """Edit a group's names, manager, activity and (if given) members.
    Event servicedesk.supportgroup.updated."""
    require_version(group, expected_version)
    unknown = set(fields) - set(GROUP_FIELDS)
    if unknown:
        raise ValueError(f"not group fields: {sorted(unknown)}")
    tracked = [*GROUP_FIELDS, "members"]
    before = history.snapshot(group, tracked)
    merged = {name: getattr(group, name) for name in GROUP_FIELDS} | fields
    _check(merged)
    for name, value in fields.items():
        setattr(group, name, value)
    save_versioned(group, fields=list(fields) or ["is_active"], expected_version=expected_version)
    if members is not None:
        group.members.set(_check_members(members))
    changes = history.diff(before, history.snapshot(group, tracked))
    history.record(
        group,
        event="servicedesk.supportgroup.updated",
        actor=actor,
        changes=history.with_labels(SupportGroup, changes),
    )
    return group
