"""ETag / If-Match for versioned resources (optimistic locking over HTTP).

Responses carry ETag "<version>". Writes and workflow actions must send If-Match: a
missing header answers 428, a stale one 412 (raised by the service as ConflictError).
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import status
from rest_framework.exceptions import APIException

from iso20k.core.concurrency import parse_version

IF_MATCH = OpenApiParameter(
    name="If-Match",
    type=OpenApiTypes.STR,
    location=OpenApiParameter.HEADER,
    required=True,
    description=_('The ETag (version) of the resource this change starts from, e.g. "3".'),
)


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = _("Send an If-Match header with the version (ETag) you are changing.")
    default_code = "if_match_required"


def expected_version(request) -> int:
    version = parse_version(request.headers.get("If-Match"))
    if version is None:
        raise PreconditionRequired()
    return version


class ETagMixin:
    """Adds the ETag header to single-object responses of versioned resources."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if isinstance(data, dict) and "version" in data and response.status_code < 300:
            response["ETag"] = f'"{data["version"]}"'
        return response
