"""API shapes of training and competence (write shapes check shape only)."""

from rest_framework import serializers

from iso20k.accounts.choices import Role
from iso20k.accounts.models import User

from ..choices import CourseKind
from ..models import (
    Attendance,
    Competence,
    CompetenceRecord,
    CompetenceRequirement,
    Course,
    TrainingSession,
)


def _output(model_class, view_name: str, names: list[str]):
    class Output(serializers.ModelSerializer):
        url = serializers.HyperlinkedIdentityField(view_name=view_name)
        display = serializers.CharField(source="__str__", read_only=True)

        class Meta:
            model = model_class
            fields = ["id", "url", "display", *names, "version"]
            read_only_fields = fields

    Output.__name__ = f"{model_class.__name__}Serializer"
    return Output


CompetenceSerializer = _output(
    Competence,
    "api:competence-detail",
    [
        "code",
        "name_en",
        "name_zh_hans",
        "description_en",
        "description_zh_hans",
        "clauses",
        "valid_months",
        "is_active",
    ],
)
CourseSerializer = _output(
    Course,
    "api:course-detail",
    [
        "kind",
        "title_en",
        "title_zh_hans",
        "description_en",
        "description_zh_hans",
        "competences",
        "duration_hours",
        "has_test",
        "provider",
        "is_active",
    ],
)
TrainingSessionSerializer = _output(
    TrainingSession,
    "api:training-session-detail",
    [
        "course",
        "starts_at",
        "ends_at",
        "location",
        "trainer",
        "topic",
        "summary",
        "status",
        "cancel_reason",
    ],
)
AttendanceSerializer = _output(
    Attendance,
    "api:attendance-detail",
    ["session", "person", "status", "result", "score", "certificate_number", "note"],
)
CompetenceRequirementSerializer = _output(
    CompetenceRequirement,
    "api:competence-requirement-detail",
    ["role", "competence", "note", "is_active"],
)
CompetenceRecordSerializer = _output(
    CompetenceRecord,
    "api:competence-record-detail",
    [
        "person",
        "competence",
        "achieved_on",
        "expires_on",
        "source",
        "attendance",
        "recorded_by",
        "withdrawn_at",
        "withdrawn_reason",
    ],
)


class CompetenceWriteSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=60, required=False)
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(required=False, allow_blank=True)
    valid_months = serializers.IntegerField(required=False, allow_null=True)
    is_active = serializers.BooleanField(required=False)


class CompetenceCreateSerializer(CompetenceWriteSerializer):
    code = serializers.SlugField(max_length=60)


class CourseWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=CourseKind.choices, required=False)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(required=False, allow_blank=True)
    competences = serializers.PrimaryKeyRelatedField(
        queryset=Competence.objects.all(), many=True, required=False
    )
    duration_hours = serializers.DecimalField(max_digits=5, decimal_places=1, required=False)
    has_test = serializers.BooleanField(required=False)
    provider = serializers.CharField(max_length=200, required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False)


class CourseCreateSerializer(CourseWriteSerializer):
    kind = serializers.ChoiceField(choices=CourseKind.choices)
    duration_hours = serializers.DecimalField(max_digits=5, decimal_places=1)


class SessionWriteSerializer(serializers.Serializer):
    starts_at = serializers.DateTimeField(required=False)
    ends_at = serializers.DateTimeField(required=False)
    location = serializers.CharField(max_length=200, required=False, allow_blank=True)
    trainer = serializers.CharField(max_length=200, required=False, allow_blank=True)
    topic = serializers.CharField(max_length=300, required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)


class SessionCreateSerializer(SessionWriteSerializer):
    course = serializers.PrimaryKeyRelatedField(queryset=Course.objects.all())
    starts_at = serializers.DateTimeField()
    ends_at = serializers.DateTimeField()


class HoldSerializer(serializers.Serializer):
    summary = serializers.CharField(required=False, allow_blank=True, default="")


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class InviteSerializer(serializers.Serializer):
    people = serializers.PrimaryKeyRelatedField(queryset=User.objects.all(), many=True)


class AttendanceWriteSerializer(serializers.Serializer):
    status = serializers.CharField(max_length=12, required=False)
    result = serializers.CharField(max_length=12, required=False)
    score = serializers.IntegerField(required=False, allow_null=True)
    certificate_number = serializers.CharField(max_length=100, required=False, allow_blank=True)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class RequirementCreateSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=Role.choices)
    competence = serializers.PrimaryKeyRelatedField(queryset=Competence.objects.all())
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RecordCreateSerializer(serializers.Serializer):
    person = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    competence = serializers.PrimaryKeyRelatedField(queryset=Competence.objects.all())
    achieved_on = serializers.DateField()
    expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    source = serializers.CharField(max_length=300)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
