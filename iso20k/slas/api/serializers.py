"""API shapes of agreements, their targets, clocks and the priority matrix."""

from django.utils import timezone
from rest_framework import serializers

from iso20k.calendars.models import BusinessCalendar
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import Service

from ..display import state_of
from ..models import ClockEvent, ServiceLevelAgreement, SlaClock, SlaTarget


class TargetSerializer(serializers.ModelSerializer):
    class Meta:
        model = SlaTarget
        fields = ["priority", "response_minutes", "resolution_minutes"]
        read_only_fields = fields


class AgreementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:agreement-detail", lookup_field="code"
    )
    display = serializers.CharField(source="__str__", read_only=True)
    customer = serializers.SlugRelatedField(slug_field="code", read_only=True)
    service = serializers.SlugRelatedField(slug_field="code", read_only=True)
    calendar = serializers.SlugRelatedField(slug_field="code", read_only=True)
    targets = TargetSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceLevelAgreement
        fields = [
            "code",
            "url",
            "display",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "customer",
            "service",
            "calendar",
            "pause_statuses",
            "warning_percent",
            "achievement_percent",
            "status",
            "targets",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class TargetWriteSerializer(serializers.Serializer):
    priority = serializers.CharField(max_length=8)
    response_minutes = serializers.IntegerField(required=False, allow_null=True, default=None)
    resolution_minutes = serializers.IntegerField(required=False, allow_null=True, default=None)


class AgreementWriteSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    customer = serializers.SlugRelatedField(
        slug_field="code", queryset=Customer.objects.all(), required=False, allow_null=True
    )
    service = serializers.SlugRelatedField(
        slug_field="code", queryset=Service.objects.all(), required=False, allow_null=True
    )
    calendar = serializers.SlugRelatedField(
        slug_field="code", queryset=BusinessCalendar.objects.all(), required=False
    )
    pause_statuses = serializers.ListField(
        child=serializers.CharField(max_length=40), required=False
    )
    warning_percent = serializers.IntegerField(required=False)
    achievement_percent = serializers.DecimalField(max_digits=4, decimal_places=1, required=False)
    targets = TargetWriteSerializer(many=True, required=False)

    def split(self) -> tuple[dict, dict | None]:
        data = dict(self.validated_data)
        targets = data.pop("targets", None)
        if targets is None:
            return data, None
        return data, {
            t["priority"]: (t.get("response_minutes"), t.get("resolution_minutes")) for t in targets
        }


class AgreementCreateSerializer(AgreementWriteSerializer):
    code = serializers.CharField(max_length=40)
    calendar = serializers.SlugRelatedField(
        slug_field="code", queryset=BusinessCalendar.objects.all()
    )
    targets = TargetWriteSerializer(many=True)


class EventSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(
        read_only=True, help_text="started, paused, resumed, stopped, cancelled, retargeted, …"
    )

    class Meta:
        model = ClockEvent
        fields = ["kind", "at", "recorded_at", "data"]
        read_only_fields = fields


class ClockSerializer(serializers.ModelSerializer):
    subject_type = serializers.CharField(source="subject.subject_type", read_only=True)
    subject_id = serializers.IntegerField(source="subject.subject_id", read_only=True)
    agreement = serializers.CharField(source="subject.agreement.code", read_only=True)
    calendar = serializers.SlugRelatedField(slug_field="code", read_only=True)
    kind = serializers.CharField(read_only=True, help_text="response or resolution")
    state = serializers.SerializerMethodField()

    class Meta:
        model = SlaClock
        fields = [
            "id",
            "subject_type",
            "subject_id",
            "agreement",
            "kind",
            "cycle",
            "calendar",
            "priority",
            "target_seconds",
            "target_source",
            "stage",
            "state",
            "started_at",
            "stopped_at",
            "paused_since",
            "business_elapsed_seconds",
            "wall_elapsed_seconds",
            "paused_business_seconds",
            "paused_wall_seconds",
            "remaining_seconds",
            "original_breach_at",
            "breach_at",
            "warning_at",
            "breached",
            "breached_at",
            "uses_estimate",
            "missing_data_year",
            "computed_at",
        ]
        read_only_fields = fields

    def get_state(self, obj) -> str:
        return state_of(
            obj.stage,
            breach_at=obj.breach_at,
            warning_at=obj.warning_at,
            breached=obj.breached,
            now=timezone.now(),
        )


class ClockDetailSerializer(ClockSerializer):
    events = EventSerializer(many=True, read_only=True)

    class Meta(ClockSerializer.Meta):
        fields = [*ClockSerializer.Meta.fields, "events"]
        read_only_fields = fields


class MatrixCellSerializer(serializers.Serializer):
    impact = serializers.IntegerField()
    urgency = serializers.IntegerField()
    priority = serializers.CharField()


class MatrixSerializer(serializers.Serializer):
    priorities = serializers.ListField(child=serializers.CharField())
    cells = MatrixCellSerializer(many=True)
