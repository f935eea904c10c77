"""API shapes of calendars, their days and entered holiday schedules."""

from rest_framework import serializers

from ..choices import MissingDataPolicy, ScheduleDayKind
from ..engine.hours import format_day, from_json
from ..models import BusinessCalendar, CalendarHoliday, PublicHolidayDate, PublicHolidayYear


class HolidaySerializer(serializers.ModelSerializer):
    class Meta:
        model = CalendarHoliday
        fields = ["date", "name_en", "name_zh_hans"]
        read_only_fields = fields


class CalendarSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:calendar-detail", lookup_field="code")
    display = serializers.CharField(source="__str__", read_only=True)
    hours = serializers.SerializerMethodField(
        help_text="Seven strings, Monday first, e.g. '09:00-12:00, 13:00-18:00'; '' is closed."
    )
    holidays = HolidaySerializer(many=True, read_only=True)

    class Meta:
        model = BusinessCalendar
        fields = [
            "code",
            "url",
            "display",
            "name_en",
            "name_zh_hans",
            "description_en",
            "description_zh_hans",
            "time_zone",
            "hours",
            "holiday_region",
            "holiday_subdivision",
            "missing_data_policy",
            "adjusted_workday_hours_from",
            "is_active",
            "holidays",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_hours(self, obj) -> list[str]:
        return [format_day(day) for day in from_json(obj.hours)]


class CalendarSettingsSerializer(serializers.Serializer):
    name_en = serializers.CharField(max_length=200, required=False, allow_blank=True)
    name_zh_hans = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description_en = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    description_zh_hans = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    time_zone = serializers.CharField(max_length=64, required=False)
    holiday_region = serializers.CharField(max_length=8, required=False, allow_blank=True)
    holiday_subdivision = serializers.CharField(max_length=16, required=False, allow_blank=True)
    missing_data_policy = serializers.ChoiceField(choices=MissingDataPolicy.choices, required=False)
    adjusted_workday_hours_from = serializers.IntegerField(required=False)


class CalendarCreateSerializer(CalendarSettingsSerializer):
    code = serializers.CharField(max_length=40)
    time_zone = serializers.CharField(max_length=64)
    hours = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=200), min_length=7, max_length=7
    )


class HoursSerializer(serializers.Serializer):
    hours = serializers.ListField(
        child=serializers.CharField(allow_blank=True, max_length=200), min_length=7, max_length=7
    )


class HolidayWriteSerializer(serializers.Serializer):
    date = serializers.DateField()
    name_en = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    name_zh_hans = serializers.CharField(
        max_length=100, required=False, allow_blank=True, default=""
    )


class DateSerializer(serializers.Serializer):
    date = serializers.DateField()


class DaySerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.CharField()
    name = serializers.CharField()
    estimated = serializers.BooleanField()
    hours = serializers.FloatField()


class YearCoverageSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    source = serializers.CharField()
    library = serializers.CharField()
    holiday_count = serializers.IntegerField()
    workday_count = serializers.IntegerField()
    usable = serializers.BooleanField()
    warning = serializers.CharField()


class YearSerializer(serializers.Serializer):
    coverage = YearCoverageSerializer()
    working_days = serializers.IntegerField()
    working_hours = serializers.IntegerField()
    days = DaySerializer(many=True)


class ScheduleDaySerializer(serializers.ModelSerializer):
    class Meta:
        model = PublicHolidayDate
        fields = ["date", "kind", "name_en", "name_zh_hans"]
        extra_kwargs = {"kind": {"choices": ScheduleDayKind.choices}}


class ScheduleSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:holiday-schedule-detail")
    entered_by = serializers.SlugRelatedField(slug_field="username", read_only=True)
    days = ScheduleDaySerializer(many=True, read_only=True)

    class Meta:
        model = PublicHolidayYear
        fields = ["id", "url", "region", "year", "note", "entered_by", "days", "version"]
        read_only_fields = fields


class ScheduleWriteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    days = ScheduleDaySerializer(many=True)


class ScheduleCreateSerializer(ScheduleWriteSerializer):
    region = serializers.CharField(max_length=8)
    year = serializers.IntegerField()
