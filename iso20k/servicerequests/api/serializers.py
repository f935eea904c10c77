"""Serializers of the service request API."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.customers.models import Customer
from iso20k.servicecatalogue.models import RequestItem
from iso20k.servicedesk.api.serializers import (
    TICKET_FIELDS,
    BriefField,
    LevelsSerializer,
    TicketSerializer,
)

from ..models import FulfilmentTask, ServiceRequest


class RequestSerializer(TicketSerializer):
    item = BriefField()

    class Meta:
        model = ServiceRequest
        fields = [
            *TICKET_FIELDS,
            "item",
            "answers",
            "needs_approval",
            "approved_at",
            "resolution_notes",
        ]
        read_only_fields = fields


class RequestCreateSerializer(LevelsSerializer):
    item = serializers.PrimaryKeyRelatedField(queryset=RequestItem.objects.all())
    answers = serializers.DictField(help_text="The item's form: {field name: value}.")
    subject = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    customer = serializers.SlugRelatedField(
        slug_field="code", queryset=Customer.objects.all(), required=False, allow_null=True
    )
    requester = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )


class RequestUpdateSerializer(serializers.Serializer):
    subject = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(max_length=20000, required=False, allow_blank=True)
    impact = serializers.IntegerField(required=False)
    urgency = serializers.IntegerField(required=False)


class RequestDecisionSerializer(serializers.Serializer):
    comment = serializers.CharField(max_length=4000, required=False, allow_blank=True)


class FulfilSerializer(serializers.Serializer):
    notes = serializers.CharField(max_length=10000, allow_blank=True)


class FulfilmentTaskSerializer(serializers.ModelSerializer):
    assignee = BriefField(allow_null=True)
    done_by = BriefField(allow_null=True)

    class Meta:
        model = FulfilmentTask
        fields = ["id", "title", "assignee", "position", "done_at", "done_by", "version"]
        read_only_fields = fields


class FulfilmentTaskCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    assignee = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )


class TaskDoneSerializer(serializers.Serializer):
    done = serializers.BooleanField()
