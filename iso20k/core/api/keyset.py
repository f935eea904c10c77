"""Keyset pagination for API lists of big tables: `?cursor=` links, never OFFSET, and a
count that is exact only up to a bound (`count_exact` says which).

A view sets `keyset_ordering` (a core.keyset.Ordering); the response is
{"count", "count_exact", "next", "previous", "results"}.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import NotFound
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from iso20k.core import keyset
from iso20k.core.counting import bounded_count


class KeysetPagination(BasePagination):
    page_size = 50
    max_page_size = 200
    cursor_query_param = "cursor"
    direction_query_param = "direction"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        ordering = view.keyset_ordering
        size = self._size(request)
        cursor = request.query_params.get(self.cursor_query_param)
        direction = request.query_params.get(self.direction_query_param, keyset.NEXT)
        if direction not in (keyset.NEXT, keyset.PREVIOUS, keyset.LAST):
            direction = keyset.NEXT
        try:
            self.page = keyset.paginate(
                queryset, ordering, cursor=cursor, direction=direction, size=size
            )
        except keyset.InvalidCursor:
            raise NotFound(_("This cursor is not valid for this list.")) from None
        self.count = bounded_count(queryset)
        return self.page.rows

    def _size(self, request) -> int:
        raw = request.query_params.get("page_size", "")
        return (
            min(int(raw), self.max_page_size) if raw.isdigit() and int(raw) > 0 else self.page_size
        )

    def _link(self, cursor, direction) -> str | None:
        if cursor is None:
            return None
        url = self.request.build_absolute_uri()
        url = replace_query_param(url, self.cursor_query_param, cursor)
        if direction == keyset.NEXT:
            return remove_query_param(url, self.direction_query_param)
        return replace_query_param(url, self.direction_query_param, direction)

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count.value,
                "count_exact": self.count.exact,
                "next": self._link(self.page.next_cursor, keyset.NEXT),
                "previous": self._link(self.page.previous_cursor, keyset.PREVIOUS),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "count_exact", "results"],
            "properties": {
                "count": {"type": "integer", "description": "Exact up to 1,000."},
                "count_exact": {"type": "boolean"},
                "next": {"type": "string", "format": "uri", "nullable": True},
                "previous": {"type": "string", "format": "uri", "nullable": True},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Page cursor from a `next` or `previous` link.",
                "schema": {"type": "string"},
            },
            {
                "name": self.direction_query_param,
                "required": False,
                "in": "query",
                "description": "next (default), previous, or last (the final page).",
                "schema": {"type": "string", "enum": ["next", "previous", "last"]},
            },
            {
                "name": "page_size",
                "required": False,
                "in": "query",
                "description": f"Rows per page (at most {self.max_page_size}).",
                "schema": {"type": "integer"},
            },
        ]
