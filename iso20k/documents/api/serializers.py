"""API shapes of documents, versions, reading and templates (output and write serializers)."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.catalogue.models import Clause, RequiredInformation

from ..choices import Tier
from ..models import Acknowledgement, Document, DocumentVersion, Signoff
from ..services.reading import ASSIGNABLE_ROLES


class PersonSerializer(serializers.ModelSerializer):
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = User
        fields = ["id", "username", "display"]
        read_only_fields = fields


class CurrentVersionSerializer(serializers.ModelSerializer):
    class Meta:
        model = DocumentVersion
        fields = ["id", "number", "effective_on", "next_review_on"]
        read_only_fields = fields


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    owner = PersonSerializer(read_only=True)
    clauses = serializers.SlugRelatedField(slug_field="number", many=True, read_only=True)
    required_information = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    current_version = CurrentVersionSerializer(read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "url",
            "display",
            "code",
            "tier",
            "title_en",
            "title_zh_hans",
            "status",
            "owner",
            "clauses",
            "required_information",
            "review_interval_months",
            "current_version",
            "template_code",
            "retired_at",
            "retired_reason",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class DocumentWriteSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40)
    tier = serializers.ChoiceField(choices=Tier.choices)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    owner = serializers.PrimaryKeyRelatedField(queryset=User.objects.filter(is_active=True))
    clauses = serializers.SlugRelatedField(
        slug_field="number", many=True, queryset=Clause.objects.current(), required=False
    )
    required_information = serializers.SlugRelatedField(
        slug_field="code",
        many=True,
        queryset=RequiredInformation.objects.filter(is_current=True),
        required=False,
    )
    review_interval_months = serializers.IntegerField(min_value=0, max_value=1000, required=False)


class SignoffSerializer(serializers.ModelSerializer):
    person = PersonSerializer(read_only=True)

    class Meta:
        model = Signoff
        fields = ["person", "kind", "decision", "note", "decided_at"]
        read_only_fields = fields


class FileSerializer(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(source="original_name", read_only=True)
    kind = serializers.CharField(read_only=True)
    size = serializers.IntegerField(read_only=True)
    sha256 = serializers.CharField(read_only=True)
    url = serializers.CharField(source="get_absolute_url", read_only=True)


class DocumentVersionSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-version-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    document_code = serializers.CharField(source="document.code", read_only=True)
    author = PersonSerializer(read_only=True)
    file = FileSerializer(read_only=True, allow_null=True)
    signoffs = SignoffSerializer(many=True, read_only=True)
    superseded_by = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = DocumentVersion
        fields = [
            "id",
            "url",
            "display",
            "document",
            "document_code",
            "number",
            "status",
            "change_summary",
            "body_en",
            "body_zh_hans",
            "file",
            "author",
            "signoffs",
            "submitted_at",
            "return_note",
            "approved_at",
            "effective_on",
            "next_review_on",
            "last_reviewed_on",
            "superseded_by",
            "obsolete_at",
            "version",
            "created_at",
        ]
        read_only_fields = fields


class VersionDraftSerializer(serializers.Serializer):
    change_summary = serializers.CharField(max_length=300, required=False, allow_blank=True)
    body_en = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    body_zh_hans = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False)
    reviewers = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False
    )
    approvers = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False
    )


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


class ReviewSerializer(serializers.Serializer):
    agree = serializers.BooleanField()
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class ApproveSerializer(serializers.Serializer):
    effective_on = serializers.DateField(required=False, allow_null=True, default=None)
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class VersionNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=1000, required=False, allow_blank=True, default="")


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, allow_blank=True)


class AssignReadingSerializer(serializers.Serializer):
    people = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), many=True, required=False, default=list
    )
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=ASSIGNABLE_ROLES), required=False, default=list
    )
    due_in_days = serializers.IntegerField(required=False, default=14)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ReadingAssignedSerializer(serializers.Serializer):
    assignments = serializers.ListField(child=serializers.IntegerField())
    asked = serializers.IntegerField()
    already_asked = serializers.IntegerField()


class AcknowledgementSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:document-acknowledgement-detail")
    document = serializers.IntegerField(source="document_version.document_id", read_only=True)
    document_code = serializers.CharField(source="document_version.document.code", read_only=True)
    version_number = serializers.IntegerField(source="document_version.number", read_only=True)
    person = PersonSerializer(read_only=True)

    class Meta:
        model = Acknowledgement
        fields = [
            "id",
            "url",
            "document",
            "document_code",
            "document_version",
            "version_number",
            "person",
            "due_on",
            "acknowledged_at",
            "cancelled_at",
            "version",
        ]
        read_only_fields = fields


class TemplateSerializer(serializers.Serializer):
    code = serializers.CharField()
    tier = serializers.ChoiceField(choices=Tier.choices)
    document_code = serializers.CharField()
    title_en = serializers.CharField()
    title_zh_hans = serializers.CharField()
    purpose_en = serializers.CharField()
    purpose_zh_hans = serializers.CharField()
    clauses = serializers.ListField(child=serializers.CharField())
    covers = serializers.ListField(child=serializers.CharField())
    review_interval_months = serializers.IntegerField()


class GenerateSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    owner = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), required=False, allow_null=True, default=None
    )
