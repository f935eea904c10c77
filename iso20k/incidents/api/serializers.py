"""Serializers of the incident API: the incident (with its SLA state), logging, edits, and
the bodies of incident-only actions (resolve, escalate, review)."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.customers.models import Customer
from iso20k.problems.models import KnownError
from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.api.serializers import (
    TICKET_FIELDS,
    BriefField,
    LevelsSerializer,
    TicketSerializer,
)
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.models import SupportGroup

from ..choices import EscalationKind, ResolutionCode
from ..models import Incident, MajorIncidentReview


class IncidentSerializer(TicketSerializer):
    problem = BriefField(allow_null=True)
    known_error = BriefField(allow_null=True)

    class Meta:
        model = Incident
        fields = [
            *TICKET_FIELDS,
            "category",
            "subcategory",
            "configuration_item",
            "is_major",
            "escalation_level",
            "problem",
            "known_error",
            "resolution_code",
            "resolution_notes",
        ]
        read_only_fields = fields


class IncidentCreateSerializer(LevelsSerializer):
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    category = serializers.ChoiceField(choices=Category.choices, default=Category.OTHER)
    subcategory = serializers.CharField(max_length=100, required=False, allow_blank=True)
    configuration_item = serializers.CharField(max_length=200, required=False, allow_blank=True)
    customer = serializers.SlugRelatedField(
        slug_field="code", queryset=Customer.objects.all(), required=False, allow_null=True
    )
    service = serializers.SlugRelatedField(
        slug_field="code", queryset=Service.objects.all(), required=False, allow_null=True
    )
    contact_name = serializers.CharField(max_length=150, required=False, allow_blank=True)
    contact_email = serializers.EmailField(required=False, allow_blank=True)
    assigned_group = serializers.SlugRelatedField(
        slug_field="code", queryset=SupportGroup.objects.all(), required=False, allow_null=True
    )
    assignee = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )


class IncidentUpdateSerializer(IncidentCreateSerializer):
    impact = serializers.IntegerField(required=False)
    urgency = serializers.IntegerField(required=False)
    subject = serializers.CharField(max_length=200, required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)


class ResolveSerializer(serializers.Serializer):
    resolution_code = serializers.ChoiceField(choices=ResolutionCode.choices, allow_blank=True)
    resolution_notes = serializers.CharField(max_length=10000, allow_blank=True)
    known_error = serializers.PrimaryKeyRelatedField(
        queryset=KnownError.objects.all(), required=False, allow_null=True
    )


class EscalateSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=EscalationKind.choices)
    reason = serializers.CharField(max_length=4000)
    to_group = serializers.SlugRelatedField(
        slug_field="code", queryset=SupportGroup.objects.all(), required=False, allow_null=True
    )
    to_manager = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )
    make_major = serializers.BooleanField(default=False)


class MajorReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = MajorIncidentReview
        fields = [
            "held_on",
            "summary",
            "cause",
            "went_well",
            "improvements",
            "attendees",
            "version",
        ]
        read_only_fields = ["version"]
