"""Serializers shared by the ticket APIs: brief references, the ticket core with its SLA
state (from stored columns, no query per row), comments, and the workflow action bodies."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.slas.choices import Impact, Urgency
from iso20k.slas.display import state_of_row

from ..choices import HoldReason, Rating
from ..models import SupportGroup


class BriefSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    display = serializers.CharField(source="__str__")


@extend_schema_field(BriefSerializer)
class BriefField(serializers.Field):
    """A related record as BriefSerializer shows it, {"id", "display"}, without a nested
    serializer per value: a page of tickets draws seven of them per row, and the nested
    serializers took a third of the API list's time."""

    def __init__(self, **kwargs) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict:
        return {"id": value.pk, "display": str(value)}


class SlaSerializer(serializers.Serializer):
    stage = serializers.CharField(source="sla_stage")
    state = serializers.SerializerMethodField()
    breach_at = serializers.DateTimeField(source="sla_breach_at", allow_null=True)
    remaining_seconds = serializers.IntegerField(source="sla_remaining_seconds", allow_null=True)
    breached = serializers.BooleanField(source="sla_breached")
    ever_breached = serializers.BooleanField(source="sla_ever_breached")

    def get_state(self, ticket) -> str:
        return state_of_row(ticket, self.context.get("now") or timezone.now())


TICKET_FIELDS = [
    "id",
    "url",
    "reference",
    "subject",
    "description",
    "status",
    "hold_reason",
    "impact",
    "urgency",
    "priority",
    "customer",
    "requester",
    "contact_name",
    "contact_email",
    "service",
    "assigned_group",
    "assignee",
    "source",
    "reported_at",
    "created_at",
    "updated_at",
    "first_responded_at",
    "resolved_at",
    "closed_at",
    "reopened_count",
    "rating",
    "rating_comment",
    "sla",
    "version",
]


class TicketSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    reference = serializers.CharField(read_only=True)
    customer = BriefField(allow_null=True)
    requester = BriefField(allow_null=True)
    service = BriefField(allow_null=True)
    assigned_group = BriefField(allow_null=True)
    assignee = BriefField(allow_null=True)
    sla = SlaSerializer(source="*", read_only=True)


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk", read_only=True)
    author = BriefField()
    body = serializers.CharField(read_only=True)
    is_public = serializers.BooleanField(read_only=True)
    at = serializers.DateTimeField(read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class CommentCreateSerializer(serializers.Serializer):
    body = serializers.CharField(max_length=20000)
    is_public = serializers.BooleanField(default=True)


class AssignSerializer(serializers.Serializer):
    group = serializers.SlugRelatedField(slug_field="code", queryset=SupportGroup.objects.all())
    assignee = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )


class TicketHoldSerializer(serializers.Serializer):
    reason = serializers.ChoiceField(choices=HoldReason.choices)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True)


class TicketReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=4000)


class TicketRatingSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    comment = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class EmptySerializer(serializers.Serializer):
    pass


class LevelsSerializer(serializers.Serializer):
    """Impact and urgency, 1 (high) to 3 (low); the service refuses a pair outside the
    priority matrix (code priority_not_in_matrix)."""

    impact = serializers.IntegerField(default=Impact.LOW)
    urgency = serializers.IntegerField(default=Urgency.LOW)


class GroupSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    manager = BriefField(allow_null=True)
    members = BriefSerializer(many=True, read_only=True)

    class Meta:
        model = SupportGroup
        fields = [
            "id",
            "url",
            "code",
            "name_en",
            "name_zh_hans",
            "description",
            "email",
            "manager",
            "members",
            "is_active",
            "version",
        ]
