"""API shapes of checks, outcomes, clause readiness, evaluations and snapshots."""

from rest_framework import serializers

from .. import messages
from ..models import Evaluation, Outcome, Snapshot


class CheckSerializer(serializers.Serializer):
    code = serializers.CharField()
    clauses = serializers.ListField(child=serializers.CharField())
    title = serializers.CharField()
    depends_on = serializers.ListField(child=serializers.CharField())


class OutcomeSerializer(serializers.ModelSerializer):
    text = serializers.SerializerMethodField()
    title = serializers.SerializerMethodField()

    class Meta:
        model = Outcome
        fields = ["code", "title", "status", "text", "params", "refs", "ref_count", "error"]

    def get_text(self, obj) -> str:
        return messages.render(obj.code, obj.status, obj.params, obj.error)

    def get_title(self, obj) -> str:
        return messages.title(obj.code)


class ClauseReadinessSerializer(serializers.Serializer):
    number = serializers.CharField()
    title = serializers.CharField(source="clause.title_en")
    title_zh_hans = serializers.CharField(source="clause.title_zh_hans")
    check_status = serializers.CharField(allow_null=True)
    check_score = serializers.FloatField(allow_null=True)
    manual = serializers.SerializerMethodField()
    score = serializers.FloatField()
    not_applicable = serializers.BooleanField(source="is_not_applicable")

    def get_manual(self, obj) -> str | None:
        return obj.judgement.label if obj.judgement else None


class ReadinessSerializer(serializers.Serializer):
    evaluated_at = serializers.DateTimeField(allow_null=True)
    overall = serializers.FloatField(allow_null=True)
    groups = serializers.DictField(child=serializers.FloatField())
    clauses = ClauseReadinessSerializer(many=True)


class EvaluationSerializer(serializers.ModelSerializer):
    outcomes = OutcomeSerializer(many=True, read_only=True)

    class Meta:
        model = Evaluation
        fields = [
            "id",
            "kind",
            "state",
            "as_of",
            "started_at",
            "finished_at",
            "duration_ms",
            "history_seq",
            "score",
            "group_scores",
            "outcomes",
        ]


class EvaluationRequestSerializer(serializers.Serializer):
    as_of = serializers.DateTimeField()


class SnapshotSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:snapshot-detail")
    score = serializers.DecimalField(
        source="evaluation.score", max_digits=5, decimal_places=1, read_only=True
    )
    as_of = serializers.DateTimeField(source="evaluation.as_of", read_only=True)
    taken_by = serializers.StringRelatedField()

    class Meta:
        model = Snapshot
        fields = [
            "id",
            "url",
            "name",
            "audit_ref",
            "note",
            "as_of",
            "score",
            "taken_by",
            "created_at",
            "head_seq",
            "head_hash",
            "key_id",
            "signature",
            "version",
        ]


class SnapshotCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200)
    audit_ref = serializers.SlugField(max_length=64, required=False, allow_blank=True, default="")
    note = serializers.CharField(required=False, allow_blank=True, default="")
    evaluation = serializers.UUIDField(required=False, allow_null=True, default=None)


class VerificationSerializer(serializers.Serializer):
    ok = serializers.BooleanField()
    problems = serializers.ListField(child=serializers.CharField())
