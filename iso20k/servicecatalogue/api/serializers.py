"""API shapes of services, request items and the live catalogue."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.customers.models import Customer

from ..models import RequestItem, Service


class RequestItemBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = RequestItem
        fields = ["id", "code", "name_en", "name_zh_hans", "is_active"]
        read_only_fields = fields


class ServiceSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:service-detail", lookup_field="code")
    display = serializers.CharField(source="__str__", read_only=True)
    owner = serializers.SlugRelatedField(slug_field="username", read_only=True)
    customers = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    request_items = RequestItemBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Service
        fields = [
            "code",
            "url",
            "display",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "owner",
            "status",
            "customers",
            "all_customers",
            "went_live_on",
            "retired_on",
            "request_items",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ServiceWriteSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=32, required=False)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(max_length=4000, required=False, allow_blank=True)
    owner = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False
    )
    all_customers = serializers.BooleanField(required=False)
    customers = serializers.SlugRelatedField(
        slug_field="code", queryset=Customer.objects.all(), many=True, required=False
    )


class ServiceCreateSerializer(ServiceWriteSerializer):
    code = serializers.CharField(max_length=32)
    owner = serializers.SlugRelatedField(slug_field="username", queryset=User.objects.all())


class RequestItemSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:request-item-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    service = serializers.SlugRelatedField(slug_field="code", read_only=True)
    fields = serializers.JSONField(read_only=True)

    class Meta:
        model = RequestItem
        fields = [
            "id",
            "url",
            "display",
            "service",
            "code",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "fields",
            "requires_approval",
            "fulfilment_target_minutes",
            "is_active",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class RequestItemWriteSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    fields = serializers.JSONField(required=False)
    requires_approval = serializers.BooleanField(required=False)
    fulfilment_target_minutes = serializers.IntegerField(required=False)
    is_active = serializers.BooleanField(required=False)


class RequestItemCreateSerializer(RequestItemWriteSerializer):
    service = serializers.SlugRelatedField(slug_field="code", queryset=Service.objects.all())
    code = serializers.CharField(max_length=40)
    fulfilment_target_minutes = serializers.IntegerField()


class OfferedItemSerializer(serializers.ModelSerializer):
    fields = serializers.JSONField(read_only=True)

    class Meta:
        model = RequestItem
        fields = [
            "id",
            "code",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "fields",
            "requires_approval",
            "fulfilment_target_minutes",
        ]
        read_only_fields = fields


class LiveServiceSerializer(serializers.ModelSerializer):
    request_items = OfferedItemSerializer(many=True, read_only=True, source="offered")

    class Meta:
        model = Service
        fields = [
            "code",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "request_items",
        ]
        read_only_fields = fields
