"""Rule checks shared by the programme's services; each raises a field-keyed, coded error."""

from datetime import date

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts
from iso20k.catalogue.models import Clause

from ..models import Programme


def field_error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def require_text_in_a_language(fields: dict, name: str, message: str, code: str) -> None:
    english = (fields.get(f"{name}_en") or "").strip()
    chinese = (fields.get(f"{name}_zh_hans") or "").strip()
    if not english and not chinese:
        raise field_error(f"{name}_en", message, code)


def require_order(start: date | None, end: date | None, field: str, message: str) -> None:
    if start is not None and end is not None and end < start:
        raise field_error(field, message, "end_before_start")


def require_open(programme: Programme) -> None:
    if not programme.is_open:
        raise field_error(
            "programme",
            _("The programme is %(status)s; it can no longer be changed."),
            "programme_closed",
            status=programme.get_status_display(),
        )


def require_internal(user, field: str) -> None:
    if user is None or not user.is_active or not accounts.is_internal(user):
        raise field_error(
            field,
            _("Choose an active person of the organisation (someone with an internal role)."),
            "not_internal",
        )


def resolve_clause(value, field: str = "clause") -> Clause | None:
    """A clause from an instance, a number ("8.6.1") or a stable id; None for empty."""
    if value in (None, ""):
        return None
    if isinstance(value, Clause):
        return value
    text = str(value).strip()
    clause = Clause.objects.current().filter(number=text).first()
    clause = clause or Clause.objects.current().filter(pk=text).first()
    if clause is None:
        raise field_error(
            field,
            _("There is no clause “%(value)s” in the catalogue."),
            "unknown_clause",
            value=text,
        )
    return clause


def require_not_future(value: date | None, field: str) -> None:
    if value is not None and value > timezone.localdate():
        raise field_error(
            field, _("An actual date cannot be in the future."), "actual_date_in_future"
        )
