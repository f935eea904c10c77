"""API shapes of the programme, its milestones, budget, team, RACI and tasks.

Output serializers carry id, url, display and brief references; write serializers check
shape only (types, lengths). Meaning is checked by the services.
"""

from django.utils.translation import gettext as _
from rest_framework import serializers

from iso20k.accounts.models import User

from .. import querysets
from ..choices import BudgetCategory, Currency, Priority, ProgrammeKind, ProgrammeRole, Stage
from ..models import BudgetLine, Milestone, ProcessRaci, Programme, Task, TeamMember


class PersonField(serializers.PrimaryKeyRelatedField):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", User.objects.filter(is_active=True))
        super().__init__(**kwargs)


class ProgressSerializer(serializers.Serializer):
    percent = serializers.IntegerField()
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    milestones_done = serializers.IntegerField()
    milestones_total = serializers.IntegerField()
    tasks_done = serializers.IntegerField()
    tasks_total = serializers.IntegerField()
    overdue = serializers.IntegerField()


class ProgrammeSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:programme-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    sponsor = serializers.StringRelatedField()
    lead = serializers.StringRelatedField()
    decided_by = serializers.StringRelatedField()
    scope_statement = serializers.SlugRelatedField(slug_field="number", read_only=True)
    progress = serializers.SerializerMethodField()

    class Meta:
        model = Programme
        fields = [
            "id",
            "url",
            "display",
            "kind",
            "title_en",
            "title_zh_hans",
            "purposes",
            "objectives_en",
            "objectives_zh_hans",
            "scope_statement",
            "scope_note_en",
            "scope_note_zh_hans",
            "starts_on",
            "target_on",
            "sponsor",
            "lead",
            "currency",
            "status",
            "submitted_at",
            "decided_by",
            "decided_at",
            "decision_note",
            "approved_at",
            "closed_at",
            "close_note",
            "progress",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_progress(self, obj) -> ProgressSerializer:
        if hasattr(obj, "n_milestones"):
            progress = querysets.progress_from_annotations(obj)
        else:
            progress = querysets.progress_of(obj)
        return ProgressSerializer(
            {
                "percent": progress.percent,
                "done": progress.done,
                "total": progress.total,
                "milestones_done": progress.milestones_done,
                "milestones_total": progress.milestones_total,
                "tasks_done": progress.tasks_done,
                "tasks_total": progress.tasks_total,
                "overdue": progress.overdue,
            }
        ).data


class ProgrammeWriteSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=ProgrammeKind.choices, required=False)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    purposes = serializers.ListField(child=serializers.CharField(max_length=40), required=False)
    objectives_en = serializers.CharField(required=False, allow_blank=True)
    objectives_zh_hans = serializers.CharField(required=False, allow_blank=True)
    scope_statement = serializers.IntegerField(
        required=False, allow_null=True, help_text="Number of the SMS scope version."
    )
    scope_note_en = serializers.CharField(required=False, allow_blank=True)
    scope_note_zh_hans = serializers.CharField(required=False, allow_blank=True)
    starts_on = serializers.DateField(required=False)
    target_on = serializers.DateField(required=False)
    sponsor = PersonField(required=False)
    lead = PersonField(required=False)
    currency = serializers.ChoiceField(choices=Currency.choices, required=False)

    def validate_scope_statement(self, value):
        from iso20k.organisations.models import ScopeStatement

        if value is None:
            return None
        scope = ScopeStatement.objects.filter(number=value).first()
        if scope is None:
            raise serializers.ValidationError(
                _("There is no version %(number)s of the SMS scope.") % {"number": value}
            )
        return scope


class ProgrammeCreateSerializer(ProgrammeWriteSerializer):
    starts_on = serializers.DateField()
    target_on = serializers.DateField()
    sponsor = PersonField()
    lead = PersonField()


class ProgrammeNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class MilestoneSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:milestone-detail")
    display = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Milestone
        fields = [
            "id",
            "url",
            "display",
            "programme",
            "stage",
            "title_en",
            "title_zh_hans",
            "planned_start_on",
            "planned_end_on",
            "actual_start_on",
            "actual_end_on",
            "status",
            "version",
        ]
        read_only_fields = fields


class MilestoneWriteSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices, required=False)
    title_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    title_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    planned_start_on = serializers.DateField(required=False)
    planned_end_on = serializers.DateField(required=False)
    actual_start_on = serializers.DateField(required=False, allow_null=True)
    actual_end_on = serializers.DateField(required=False, allow_null=True)


class MilestoneCreateSerializer(MilestoneWriteSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    stage = serializers.ChoiceField(choices=Stage.choices)
    planned_start_on = serializers.DateField()
    planned_end_on = serializers.DateField()


class BudgetLineSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:budget-line-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    variance = serializers.DecimalField(max_digits=15, decimal_places=2, read_only=True)
    currency = serializers.CharField(source="programme.currency", read_only=True)

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "url",
            "display",
            "programme",
            "category",
            "description_en",
            "description_zh_hans",
            "planned_amount",
            "actual_amount",
            "variance",
            "currency",
            "note",
            "is_active",
            "version",
        ]
        read_only_fields = fields


class BudgetLineWriteSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=BudgetCategory.choices, required=False)
    description_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    planned_amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    actual_amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)
    is_active = serializers.BooleanField(required=False)


class BudgetLineCreateSerializer(BudgetLineWriteSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    category = serializers.ChoiceField(choices=BudgetCategory.choices)
    planned_amount = serializers.DecimalField(max_digits=14, decimal_places=2)


class TeamMemberSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:team-member-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    person_name = serializers.CharField(source="person.__str__", read_only=True)
    process = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = TeamMember
        fields = [
            "id",
            "url",
            "display",
            "programme",
            "person",
            "person_name",
            "role",
            "department",
            "process",
            "responsibilities",
            "joined_on",
            "left_on",
            "version",
        ]
        read_only_fields = fields


class TeamMemberWriteSerializer(serializers.Serializer):
    person = PersonField(required=False)
    role = serializers.ChoiceField(choices=ProgrammeRole.choices, required=False)
    department = serializers.CharField(max_length=100, required=False, allow_blank=True)
    process = serializers.CharField(
        max_length=64,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Clause number of the process owned, e.g. 8.6.1.",
    )
    responsibilities = serializers.CharField(required=False, allow_blank=True)
    joined_on = serializers.DateField(required=False)


class TeamMemberCreateSerializer(TeamMemberWriteSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    person = PersonField()
    role = serializers.ChoiceField(choices=ProgrammeRole.choices)


class LeaveSerializer(serializers.Serializer):
    left_on = serializers.DateField(required=False, allow_null=True, default=None)


class ProcessRaciSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:process-raci-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    clause = serializers.SlugRelatedField(slug_field="number", read_only=True)
    letters = serializers.SerializerMethodField()

    class Meta:
        model = ProcessRaci
        fields = ["id", "url", "display", "programme", "clause", "letters", "summary", "version"]
        read_only_fields = fields

    def get_letters(self, obj) -> dict[str, str]:
        return {str(a.member_id): a.letter for a in obj.assignments.all()}


class RaciWriteSerializer(serializers.Serializer):
    letters = serializers.DictField(
        child=serializers.CharField(max_length=1, allow_blank=True),
        help_text='Team member id → "R", "A", "C", "I" or "" (none).',
    )


class RaciCreateSerializer(RaciWriteSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    clause = serializers.CharField(max_length=64, help_text="Clause number, e.g. 8.6.1.")


class TaskSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:task-detail")
    display = serializers.CharField(source="__str__", read_only=True)
    owner_name = serializers.CharField(source="owner.__str__", read_only=True)
    clause = serializers.SlugRelatedField(slug_field="number", read_only=True)

    class Meta:
        model = Task
        fields = [
            "id",
            "url",
            "display",
            "programme",
            "title",
            "description",
            "owner",
            "owner_name",
            "starts_on",
            "due_on",
            "priority",
            "status",
            "status_note",
            "milestone",
            "clause",
            "completed_at",
            "version",
            "created_at",
        ]
        read_only_fields = fields


class TaskWriteSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=200, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    owner = PersonField(required=False)
    starts_on = serializers.DateField(required=False, allow_null=True)
    due_on = serializers.DateField(required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    milestone = serializers.PrimaryKeyRelatedField(
        queryset=Milestone.objects.all(), required=False, allow_null=True
    )
    clause = serializers.CharField(
        max_length=64,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Clause number (e.g. 8.6.1) or stable id.",
    )


class TaskCreateSerializer(TaskWriteSerializer):
    programme = serializers.PrimaryKeyRelatedField(queryset=Programme.objects.all())
    title = serializers.CharField(max_length=200)
    owner = PersonField()
    due_on = serializers.DateField()


class TaskTransitionSerializer(serializers.Serializer):
    status = serializers.CharField(max_length=12)
    note = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")
