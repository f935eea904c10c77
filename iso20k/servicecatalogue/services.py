"""The service catalogue: every change to a service or a request item goes through here.

Each function checks its rules, writes the version-checked row and records history.
Raises ValidationError (field-keyed, coded) or ConflictError.
"""

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.history import services as history

from .choices import SERVICE_TRANSITIONS, ServiceStatus
from .fieldschema import check_definitions
from .models import RequestItem, Service

SERVICE_FIELDS = [
    "name_en",
    "name_zh_hans",
    "description_en",
    "description_zh_hans",
    "owner",
    "all_customers",
]
ITEM_FIELDS = [
    "name_en",
    "name_zh_hans",
    "description_en",
    "description_zh_hans",
    "fields",
    "requires_approval",
    "fulfilment_target_minutes",
    "is_active",
]
SERVICE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,31}$")
ITEM_CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
MAX_TARGET_MINUTES = 366 * 24 * 60


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def _check_names(fields: dict) -> None:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise _error("name_en", _("Give a name in at least one language."), "name_required")


def _check_service_code(code: str, exclude_pk: int | None = None) -> str:
    code = (code or "").strip().upper()
    if not SERVICE_CODE.match(code):
        raise _error(
            "code",
            _("Use letters, digits and hyphens (at most 32), starting with a letter or digit."),
            "invalid_code",
        )
    if Service.objects.filter(code__iexact=code).exclude(pk=exclude_pk).exists():
        raise _error(
            "code",
            _("A service with the code “%(value)s” already exists."),
            "duplicate_code",
            value=code,
        )
    return code


def _check_owner(owner) -> None:
    if owner is None or not owner.is_active:
        raise _error("owner", _("Choose an active user as the service owner."), "invalid_owner")


@transaction.atomic
def create_service(
    *,
    actor,
    code: str,
    owner,
    name_en: str = "",
    name_zh_hans: str = "",
    description_en: str = "",
    description_zh_hans: str = "",
    all_customers: bool = False,
    customers=(),
) -> Service:
    """Add a service to the catalogue, in the pipeline. Event servicecatalogue.service.created."""
    fields = {
        "name_en": name_en.strip(),
        "name_zh_hans": name_zh_hans.strip(),
        "description_en": description_en,
        "description_zh_hans": description_zh_hans,
        "all_customers": all_customers,
    }
    _check_names(fields)
    _check_owner(owner)
    service = Service.objects.create(code=_check_service_code(code), owner=owner, **fields)
    service.customers.set(customers)
    history.record(
        service,
        event="servicecatalogue.service.created",
        actor=actor,
        changes=history.with_labels(
            Service, history.initial(service, ["code", "status", *SERVICE_FIELDS, "customers"])
        ),
    )
    return service


@transaction.atomic
def update_service(
    service: Service, *, actor, expected_version: int | None, customers=None, **fields
) -> Service:
    """Edit a service's names, descriptions, owner and customers (its code may be corrected
    too, never to one in use). Event servicecatalogue.service.updated."""
    require_version(service, expected_version)
    allowed = {*SERVICE_FIELDS, "code"}
    if set(fields) - allowed:
        raise ValueError(f"not service fields: {sorted(set(fields) - allowed)}")
    if "code" in fields:
        fields["code"] = _check_service_code(fields["code"], exclude_pk=service.pk)
    _check_names({n: fields.get(n, getattr(service, n)) for n in ("name_en", "name_zh_hans")})
    if "owner" in fields:
        _check_owner(fields["owner"])
    names = list(fields) + (["customers"] if customers is not None else [])
    before = history.snapshot(service, names)
    for name, value in fields.items():
        setattr(service, name, value)
    save_versioned(service, fields=list(fields), expected_version=expected_version)
    if customers is not None:
        service.customers.set(customers)
    history.record(
        service,
        event="servicecatalogue.service.updated",
        actor=actor,
        changes=history.with_labels(
            Service, history.diff(before, history.snapshot(service, names))
        ),
    )
    return service


@transaction.atomic
def change_service_status(
    service: Service, *, actor, expected_version: int | None, status: str
) -> Service:
    """Move a service from the pipeline to live, retire it, or bring a retired one back.

    Event servicecatalogue.service.status_changed."""
    require_version(service, expected_version)
    if status not in SERVICE_TRANSITIONS.get(service.status, set()):
        raise _error(
            "status",
            _("A service cannot go from “%(current)s” to “%(target)s”."),
            "invalid_transition",
            current=service.get_status_display(),
            target=dict(ServiceStatus.choices).get(status, status),
        )
    before = history.snapshot(service, ["status", "went_live_on", "retired_on"])
    today: date = timezone.localdate()
    service.status = status
    if status == ServiceStatus.LIVE:
        service.went_live_on, service.retired_on = service.went_live_on or today, None
    else:
        service.retired_on = today
    save_versioned(
        service, fields=["status", "went_live_on", "retired_on"], expected_version=expected_version
    )
    history.record(
        service,
        event="servicecatalogue.service.status_changed",
        actor=actor,
        changes=history.diff(
            before, history.snapshot(service, ["status", "went_live_on", "retired_on"])
        ),
    )
    return service


def _check_item(fields: dict) -> dict:
    _check_names(fields)
    minutes = fields.get("fulfilment_target_minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise _error(
            "fulfilment_target_minutes",
            _("The fulfilment target must be a whole number of minutes above zero."),
            "target_not_positive",
        )
    if minutes > MAX_TARGET_MINUTES:
        raise _error(
            "fulfilment_target_minutes",
            _("The fulfilment target cannot exceed a year."),
            "target_too_long",
        )
    fields["fields"] = check_definitions(fields.get("fields"))
    return fields


@transaction.atomic
def create_request_item(service: Service, *, actor, code: str, **fields) -> RequestItem:
    """Add a request item to a service. Event servicecatalogue.requestitem.created."""
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not request item fields: {sorted(unknown)}")
    code = (code or "").strip().lower()
    if not ITEM_CODE.match(code):
        raise _error(
            "code",
            _("Use lower-case letters, digits and hyphens (at most 40)."),
            "invalid_code",
        )
    if service.request_items.filter(code=code).exists():
        raise _error(
            "code",
            _("This service already has a request item “%(value)s”."),
            "duplicate_code",
            value=code,
        )
    fields = _check_item({"fields": [], **fields})
    item = RequestItem.objects.create(service=service, code=code, **fields)
    changes = history.initial(item, ["code", *ITEM_FIELDS])
    changes["fields"] = [None, _field_summary(item.fields)]
    history.record(
        item,
        event="servicecatalogue.requestitem.created",
        actor=actor,
        changes=changes,
        data={"fields": item.fields},
    )
    return item


@transaction.atomic
def update_request_item(
    item: RequestItem, *, actor, expected_version: int | None, **fields
) -> RequestItem:
    """Edit a request item, its form fields included (tickets already raised keep the
    answers they were given). Event servicecatalogue.requestitem.updated."""
    require_version(item, expected_version)
    unknown = set(fields) - set(ITEM_FIELDS)
    if unknown:
        raise ValueError(f"not request item fields: {sorted(unknown)}")
    merged = _check_item({name: fields.get(name, getattr(item, name)) for name in ITEM_FIELDS})
    names = list(fields)
    before = history.snapshot(item, names)
    for name in names:
        setattr(item, name, merged[name])
    save_versioned(item, fields=names, expected_version=expected_version)
    changes = history.diff(before, history.snapshot(item, names))
    data = {}
    if "fields" in changes:
        data["fields"] = changes["fields"]
        changes["fields"] = [_field_summary(d) for d in changes["fields"]]
    history.record(
        item,
        event="servicecatalogue.requestitem.updated",
        actor=actor,
        changes=changes,
        data=data,
    )
    return item


def _field_summary(definitions: list[dict] | None) -> str:
    """ "size (choice, required), os (choice)": what a history reader needs to see."""
    parts = []
    for d in definitions or []:
        flags = d["type"] + (", required" if d.get("required") else "")
        parts.append(f"{d['name']} ({flags})")
    return "; ".join(parts)
