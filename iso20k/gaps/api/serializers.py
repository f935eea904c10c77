"""API shapes of gap assessments, clause ratings and gaps (write shapes check shape only)."""

from rest_framework import serializers

from iso20k.accounts.models import User
from iso20k.programme.choices import Priority
from iso20k.programme.models import Milestone, Programme

from .. import querysets
from ..models import Assessment, ClauseRating, Gap


class ScoreSerializer(serializers.Serializer):
    percent = serializers.IntegerField()
    rated = serializers.IntegerField()
    unrated = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())


class AssessmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:gap-assessment-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    score = serializers.SerializerMethodField()

    class Meta:
        model = Assessment
        fields = [
            "id",
            "url",
            "display",
            "programme",
            "title",
            "assessed_on",
            "assessors",
            "scope",
            "summary",
            "status",
            "copied_from",
            "completed_at",
            "completed_by",
            "score",
            "version",
            "created_at",
        ]
        read_only_fields = fields

    def get_score(self, obj) -> ScoreSerializer:
        rows = getattr(obj, "rating_rows", None)
        if rows is None:
            ratings = obj.ratings.values_list("rating", flat=True)
        else:
            ratings = [row.rating for row in rows]
        score = querysets.score(ratings)
        return ScoreSerializer(
            {
                "percent": score.percent,
                "rated": score.rated,
                "unrated": score.unrated,
                "counts": score.counts,
            }
        ).data


class AssessmentWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    assessed_on = serializers.DateField(required=False)
    assessors = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), many=True, required=False
    )
    programme = serializers.PrimaryKeyRelatedField(
        queryset=Programme.objects.all(), required=False, allow_null=True
    )
    scope = serializers.CharField(required=False, allow_blank=True)
    summary = serializers.CharField(required=False, allow_blank=True)


class AssessmentCreateSerializer(AssessmentWriteSerializer):
    title = serializers.CharField(max_length=200)
    assessed_on = serializers.DateField()
    assessors = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), many=True
    )


class CopySerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200)
    assessed_on = serializers.DateField()
    assessors = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True), many=True
    )


class CompleteSerializer(serializers.Serializer):
    summary = serializers.CharField(required=False, allow_blank=True, default="")


class ClauseRatingSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:clause-rating-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    clause = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = ClauseRating
        fields = [
            "id",
            "url",
            "display",
            "assessment",
            "clause",
            "rating",
            "justification",
            "notes",
            "previous_rating",
            "carried_over",
            "rated_by",
            "rated_at",
            "version",
        ]
        read_only_fields = fields


class RateSerializer(serializers.Serializer):
    rating = serializers.CharField(
        max_length=20,
        help_text="not_addressed, initial, defined, conforming or not_applicable.",
    )
    justification = serializers.CharField(required=False, allow_blank=True, default="")
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class GapSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:gap-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    clause = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Gap
        fields = [
            "id",
            "url",
            "display",
            "assessment",
            "clause",
            "description",
            "priority",
            "owner",
            "due_on",
            "status",
            "task",
            "raised_by",
            "closed_at",
            "closure_note",
            "version",
            "created_at",
        ]
        read_only_fields = fields


class GapWriteSerializer(serializers.Serializer):
    clause = serializers.CharField(max_length=64, required=False, help_text="Clause number.")
    description = serializers.CharField(required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    owner = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )
    due_on = serializers.DateField(required=False, allow_null=True)


class GapCreateSerializer(GapWriteSerializer):
    assessment = serializers.PrimaryKeyRelatedField(queryset=Assessment.objects.all())
    clause = serializers.CharField(max_length=64, help_text="Clause number, e.g. 8.6.1.")
    description = serializers.CharField()


class GapNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class GapsToTasksSerializer(serializers.Serializer):
    gaps = serializers.PrimaryKeyRelatedField(queryset=Gap.objects.all(), many=True)
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    milestone = serializers.PrimaryKeyRelatedField(
        queryset=Milestone.objects.all(), required=False, allow_null=True, default=None
    )


class TaskReportSerializer(serializers.Serializer):
    created = serializers.ListField(child=serializers.IntegerField())
    skipped = serializers.ListField(child=serializers.IntegerField())
