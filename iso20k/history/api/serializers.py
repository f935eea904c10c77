from rest_framework import serializers

from ..models import ChangeRecord


class ChangeRecordSerializer(serializers.ModelSerializer):
    actor = serializers.CharField(source="actor_label", read_only=True)
    event_label = serializers.CharField(read_only=True)

    class Meta:
        model = ChangeRecord
        fields = [
            "seq",
            "recorded_at",
            "actor",
            "channel",
            "request_id",
            "event",
            "event_label",
            "object_type",
            "object_id",
            "object_repr",
            "object_version",
            "changes",
            "data",
            "key_id",
            "prev_hash",
            "hash",
        ]
