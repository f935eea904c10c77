"""Serializers of the problem and known-error API."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.servicecatalogue.models import Service
from iso20k.servicedesk.api.serializers import BriefField
from iso20k.servicedesk.choices import Category
from iso20k.servicedesk.models import SupportGroup

from ..models import KnownError, Problem


class ProblemSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    reference = serializers.CharField(read_only=True)
    service = BriefField(allow_null=True)
    assigned_group = BriefField(allow_null=True)
    assignee = BriefField(allow_null=True)
    incidents = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Problem
        fields = [
            "id",
            "url",
            "reference",
            "subject",
            "description",
            "status",
            "source",
            "impact",
            "urgency",
            "priority",
            "service",
            "category",
            "assigned_group",
            "assignee",
            "root_cause",
            "workaround",
            "resolution",
            "closure_reason",
            "reported_at",
            "resolved_at",
            "closed_at",
            "created_at",
            "incidents",
            "version",
        ]
        read_only_fields = fields


class ProblemWriteSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    category = serializers.ChoiceField(choices=Category.choices)
    service = serializers.SlugRelatedField(
        slug_field="code", queryset=Service.objects.all(), required=False, allow_null=True
    )
    impact = serializers.IntegerField(default=2)
    urgency = serializers.IntegerField(default=2)
    assigned_group = serializers.SlugRelatedField(
        slug_field="code", queryset=SupportGroup.objects.all(), required=False, allow_null=True
    )
    assignee = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )


class ProblemCreateSerializer(ProblemWriteSerializer):
    incidents = serializers.ListField(
        child=serializers.IntegerField(),
        required=False,
        help_text="Ids of the incidents this problem explains.",
    )


class ProblemUpdateSerializer(ProblemWriteSerializer):
    subject = serializers.CharField(max_length=200, required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    root_cause = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    workaround = serializers.CharField(max_length=10000, required=False, allow_blank=True)


class KnownErrorRecordSerializer(serializers.Serializer):
    root_cause = serializers.CharField(max_length=10000, allow_blank=True)
    workaround = serializers.CharField(max_length=10000, allow_blank=True)
    symptoms = serializers.CharField(max_length=10000, required=False, allow_blank=True)


class ResolveProblemSerializer(serializers.Serializer):
    resolution = serializers.CharField(max_length=10000, allow_blank=True)
    root_cause = serializers.CharField(max_length=10000, required=False, allow_blank=True)


class CloseProblemSerializer(serializers.Serializer):
    closure_reason = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class KnownErrorSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    reference = serializers.CharField(read_only=True)
    service = BriefField(allow_null=True)

    class Meta:
        model = KnownError
        fields = [
            "id",
            "url",
            "reference",
            "problem",
            "title",
            "symptoms",
            "root_cause",
            "workaround",
            "service",
            "category",
            "status",
            "published_at",
            "version",
        ]
        read_only_fields = fields


class KnownErrorWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    symptoms = serializers.CharField(max_length=10000)
    root_cause = serializers.CharField(max_length=10000, required=False, allow_blank=True)
    workaround = serializers.CharField(max_length=10000)
    service = serializers.SlugRelatedField(
        slug_field="code", queryset=Service.objects.all(), required=False, allow_null=True
    )
    category = serializers.ChoiceField(choices=Category.choices)
