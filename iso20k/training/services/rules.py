"""Rule checks shared by the training services; each raises a field-keyed, coded error."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from iso20k.accounts import access as accounts


def error(field: str, message: str, code: str, **params) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code, params=params or None)})


def require_text(fields: dict, name: str, message: str, code: str) -> None:
    if (
        not (fields.get(f"{name}_en") or "").strip()
        and not (fields.get(f"{name}_zh_hans") or "").strip()
    ):
        raise error(f"{name}_en", message, code)


def require_internal(user, field: str) -> None:
    if user is None or not user.is_active or not accounts.is_internal(user):
        raise error(
            field,
            _("Choose an active person of the organisation (someone with an internal role)."),
            "not_internal",
        )
