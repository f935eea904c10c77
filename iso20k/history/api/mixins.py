"""Adds GET /api/v1/<resource>/{id}/history/ to a viewset (same access as the object)."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from ..querysets import for_object
from .serializers import ChangeRecordSerializer


class HistoryMixin:
    @extend_schema(
        responses=ChangeRecordSerializer(many=True),
        description="The change history of this object, newest first (up to 200 rows).",
    )
    @action(detail=True, methods=["get"], url_path="history")
    def history(self, request, *args, **kwargs):
        obj = self.get_object()
        records = for_object(obj, limit=200)
        return Response(ChangeRecordSerializer(records, many=True).data)
