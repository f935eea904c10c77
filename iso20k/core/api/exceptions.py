"""Turn service errors into API responses.

ValidationError -> 400 {field: [{message, code}]}; ConflictError -> 412 with the current
version; PermissionDenied -> 403. Everything else goes to DRF's own handler.
"""

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from rest_framework import status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from iso20k.core.errors import ConflictError


def validation_error_body(exc: ValidationError) -> dict:
    if hasattr(exc, "error_dict"):
        items = exc.error_dict.items()
    else:
        items = [(NON_FIELD_ERRORS, exc.error_list)]
    body = {}
    for field, errors in items:
        key = "non_field_errors" if field == NON_FIELD_ERRORS else field
        body[key] = [{"message": " ".join(e.messages), "code": e.code or "invalid"} for e in errors]
    return body


def exception_handler(exc: Exception, context: dict) -> Response | None:
    if isinstance(exc, ValidationError):
        return Response(validation_error_body(exc), status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ConflictError):
        current = getattr(exc.current, "version", None)
        response = Response(
            {
                "detail": _("This record was changed by someone else. Reload it and try again."),
                "code": "version_conflict",
                "current_version": current,
            },
            status=status.HTTP_412_PRECONDITION_FAILED,
        )
        if current is not None:
            response["ETag"] = f'"{current}"'
        return response
    if isinstance(exc, PermissionDenied) and exc.args:
        return Response(
            {"detail": str(exc.args[0]), "code": "permission_denied"},
            status=status.HTTP_403_FORBIDDEN,
        )
    return drf_exception_handler(exc, context)
