"""API shapes of the organisation, its sites and scope statements."""

from rest_framework import serializers

from ..models import Organisation, ScopeStatement, Site


class OrganisationSerializer(serializers.ModelSerializer):
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Organisation
        fields = [
            "id",
            "display",
            "name_en",
            "name_zh_hans",
            "licence_number",
            "address_en",
            "address_zh_hans",
            "website",
            "phone",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "version", "created_at", "updated_at"]


class OrganisationWriteSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    licence_number = serializers.CharField(max_length=64, required=False, allow_blank=True)
    address_en = serializers.CharField(max_length=300, required=False, allow_blank=True)
    address_zh_hans = serializers.CharField(max_length=300, required=False, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    phone = serializers.CharField(max_length=50, required=False, allow_blank=True)


class SiteSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:site-detail")
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Site
        fields = [
            "id",
            "url",
            "display",
            "name_en",
            "name_zh_hans",
            "address_en",
            "address_zh_hans",
            "in_scope",
            "is_active",
            "version",
        ]
        read_only_fields = ["id", "version"]


class SiteWriteSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    address_en = serializers.CharField(max_length=300, required=False, allow_blank=True)
    address_zh_hans = serializers.CharField(max_length=300, required=False, allow_blank=True)
    in_scope = serializers.BooleanField(required=False)
    is_active = serializers.BooleanField(required=False)


class ScopeStatementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:scope-statement-detail", lookup_field="number"
    )
    display = serializers.CharField(source="__str__", read_only=True)
    drafted_by = serializers.StringRelatedField()
    decided_by = serializers.StringRelatedField()

    class Meta:
        model = ScopeStatement
        fields = [
            "number",
            "url",
            "display",
            "status",
            "statement_en",
            "statement_zh_hans",
            "services_en",
            "services_zh_hans",
            "boundaries_en",
            "boundaries_zh_hans",
            "sites",
            "change_summary",
            "drafted_by",
            "submitted_at",
            "decided_by",
            "decided_at",
            "decision_note",
            "approved_at",
            "version",
            "created_at",
        ]
        read_only_fields = fields


class ScopeDraftSerializer(serializers.Serializer):
    statement_en = serializers.CharField(required=False, allow_blank=True)
    statement_zh_hans = serializers.CharField(required=False, allow_blank=True)
    services_en = serializers.CharField(required=False, allow_blank=True)
    services_zh_hans = serializers.CharField(required=False, allow_blank=True)
    boundaries_en = serializers.CharField(required=False, allow_blank=True)
    boundaries_zh_hans = serializers.CharField(required=False, allow_blank=True)
    change_summary = serializers.CharField(max_length=300, required=False, allow_blank=True)
    sites = serializers.PrimaryKeyRelatedField(
        queryset=Site.objects.all(), many=True, required=False
    )


class DecisionSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
