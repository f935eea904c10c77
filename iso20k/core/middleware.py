"""Request middleware of iso20k: sets the change context (channel, request id)."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from .context import change_context


class RequestContextMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        channel = "api" if request.path.startswith("/api/") else "web"
        with change_context(channel, ip_address=request.META.get("REMOTE_ADDR")) as ctx:
            request.request_id = ctx.request_id
            response = self.get_response(request)
        response["X-Request-ID"] = ctx.request_id
        return response
