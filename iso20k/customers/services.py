"""Customers and their contacts: every change goes through these functions.

Each checks its rules, writes the version-checked row and records history on the customer
(contact changes included, so the customer's history panel tells the whole story).
Raises ValidationError (field-keyed, coded) or ConflictError.
"""

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from iso20k.core.concurrency import require_version, save_versioned
from iso20k.core.errors import ConflictError
from iso20k.history import services as history

from .models import Customer, CustomerContact

CUSTOMER_FIELDS = ["name_en", "name_zh_hans", "notes"]
CONTACT_FIELDS = ["name", "title", "email", "phone", "is_primary"]
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


def _error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params)})


def _check_names(fields: dict) -> None:
    if not (fields.get("name_en") or "").strip() and not (fields.get("name_zh_hans") or "").strip():
        raise _error("name_en", _("Give a name in at least one language."), "name_required")


def _check_code(code: str) -> str:
    code = (code or "").strip().lower()
    if not CODE.match(code):
        raise _error(
            "code",
            _(
                "Use lower-case letters, digits and hyphens (at most 40), starting with a letter "
                "or digit."
            ),
            "invalid_code",
        )
    if Customer.objects.filter(code=code).exists():
        raise _error(
            "code",
            _("A customer with the code “%(value)s” already exists."),
            "duplicate_code",
            value=code,
        )
    return code


@transaction.atomic
def create_customer(
    *, actor, code: str, name_en: str = "", name_zh_hans: str = "", notes: str = ""
) -> Customer:
    """Add a customer organisation. Event customers.customer.created."""
    fields = {"name_en": name_en.strip(), "name_zh_hans": name_zh_hans.strip(), "notes": notes}
    _check_names(fields)
    customer = Customer.objects.create(code=_check_code(code), **fields)
    history.record(
        customer,
        event="customers.customer.created",
        actor=actor,
        changes=history.initial(customer, ["code", *CUSTOMER_FIELDS]),
    )
    return customer


@transaction.atomic
def update_customer(
    customer: Customer, *, actor, expected_version: int | None, **fields: str
) -> Customer:
    """Change names and notes (the code never changes). Event customers.customer.updated."""
    unknown = set(fields) - set(CUSTOMER_FIELDS)
    if unknown:
        raise ValueError(f"not customer fields: {sorted(unknown)}")
    require_version(customer, expected_version)
    _check_names({name: fields.get(name, getattr(customer, name)) for name in CUSTOMER_FIELDS})
    before = history.snapshot(customer, list(fields))
    for name, value in fields.items():
        setattr(customer, name, value.strip() if name != "notes" else value)
    save_versioned(customer, fields=list(fields), expected_version=expected_version)
    history.record(
        customer,
        event="customers.customer.updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(customer, list(fields))),
    )
    return customer


@transaction.atomic
def set_customer_active(
    customer: Customer, *, actor, expected_version: int | None, active: bool
) -> Customer:
    """Retire a customer (kept with its history and grants) or bring it back."""
    require_version(customer, expected_version)
    if customer.is_active == active:
        raise _error(
            "is_active",
            _("The customer is already active.")
            if active
            else _("The customer is already retired."),
            "unchanged",
        )
    customer.is_active = active
    save_versioned(customer, fields=["is_active"], expected_version=expected_version)
    event = "customers.customer.reactivated" if active else "customers.customer.retired"
    history.record(customer, event=event, actor=actor, changes={"is_active": [not active, active]})
    return customer


def _check_contact(fields: dict) -> dict:
    cleaned = {name: fields.get(name, "") for name in CONTACT_FIELDS}
    for name in ("name", "title", "email", "phone"):
        cleaned[name] = (cleaned[name] or "").strip()
    cleaned["is_primary"] = bool(fields.get("is_primary"))
    if not cleaned["name"]:
        raise _error("name", _("Give the contact's name."), "required")
    if cleaned["email"]:
        try:
            validate_email(cleaned["email"])
        except ValidationError:
            raise _error("email", _("Enter a valid e-mail address."), "invalid_email") from None
    return cleaned


def _demote_primary(customer: Customer, keep_pk: int | None = None) -> None:
    for other in customer.contacts.filter(is_primary=True).exclude(pk=keep_pk):
        other.is_primary = False
        save_versioned(other, fields=["is_primary"], expected_version=other.version)


@transaction.atomic
def add_contact(customer: Customer, *, actor, **fields) -> CustomerContact:
    """Add a contact; a new primary contact replaces the previous one."""
    cleaned = _check_contact(fields)
    if cleaned["is_primary"]:
        _demote_primary(customer)
    contact = CustomerContact.objects.create(customer=customer, **cleaned)
    history.record(
        customer,
        event="customers.customer.contact_added",
        actor=actor,
        changes={"contacts": [None, contact.name]},
        data={"contact_id": contact.pk, **cleaned},
    )
    return contact


@transaction.atomic
def update_contact(
    contact: CustomerContact, *, actor, expected_version: int | None, **fields
) -> CustomerContact:
    """Change a contact. Event customers.customer.contact_updated (on the customer)."""
    require_version(contact, expected_version)
    cleaned = _check_contact({**{n: getattr(contact, n) for n in CONTACT_FIELDS}, **fields})
    before = history.snapshot(contact, CONTACT_FIELDS)
    if cleaned["is_primary"]:
        _demote_primary(contact.customer, keep_pk=contact.pk)
    for name, value in cleaned.items():
        setattr(contact, name, value)
    save_versioned(contact, fields=CONTACT_FIELDS, expected_version=expected_version)
    history.record(
        contact.customer,
        event="customers.customer.contact_updated",
        actor=actor,
        changes=history.diff(before, history.snapshot(contact, CONTACT_FIELDS)),
        data={"contact_id": contact.pk},
    )
    return contact


@transaction.atomic
def remove_contact(contact: CustomerContact, *, actor, expected_version: int | None) -> Customer:
    """Remove a contact (a person who left); the removal stays in the customer's history."""
    require_version(contact, expected_version)
    customer = contact.customer
    data = {"contact_id": contact.pk, "name": contact.name, "email": contact.email}
    deleted, _count = CustomerContact.objects.filter(
        pk=contact.pk, version=expected_version
    ).delete()
    if not deleted:
        raise ConflictError(
            current=CustomerContact.objects.filter(pk=contact.pk).first(),
            expected_version=expected_version,
        )
    history.record(
        customer,
        event="customers.customer.contact_removed",
        actor=actor,
        changes={"contacts": [data["name"], None]},
        data=data,
    )
    return customer
