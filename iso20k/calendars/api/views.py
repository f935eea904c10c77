"""API of business calendars (settings, hours, holidays, a year's days) and entered
official holiday schedules."""

import django_filters
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from iso20k.core.api.versioning import IF_MATCH, ETagMixin, expected_version
from iso20k.history.api.mixins import HistoryMixin

from .. import access, coverage, services
from ..filtersets import CalendarFilterSet
from ..loading import spec_for
from ..models import BusinessCalendar, PublicHolidayYear
from ..yearview import days_of, year_view
from .serializers import (
    CalendarCreateSerializer,
    CalendarSerializer,
    CalendarSettingsSerializer,
    DateSerializer,
    HolidayWriteSerializer,
    HoursSerializer,
    ScheduleCreateSerializer,
    ScheduleSerializer,
    ScheduleWriteSerializer,
    YearSerializer,
)

ERRORS = {
    400: OpenApiResponse(description="Invalid input: {field: [{message, code}]}"),
    403: OpenApiResponse(description="The role does not allow this action."),
    412: OpenApiResponse(description="The If-Match version is stale."),
    428: OpenApiResponse(description="If-Match header missing."),
}
YEAR = OpenApiParameter("year", OpenApiTypes.INT, description="Defaults to the current year.")


class CanReadCalendars(BasePermission):
    def has_permission(self, request, view) -> bool:
        return access.can_view(request.user)


def require_manage(user) -> None:
    if not access.can_manage(user):
        raise PermissionDenied


class CalendarViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Business calendars: hours per weekday, time zone, public and organisation holidays."""

    serializer_class = CalendarSerializer
    permission_classes = [CanReadCalendars]
    filterset_class = CalendarFilterSet
    lookup_field = "code"
    queryset = BusinessCalendar.objects.none()

    def get_queryset(self):
        return (
            access.visible_calendars(self.request.user)
            .prefetch_related("holidays")
            .order_by("code")
        )

    @extend_schema(request=CalendarCreateSerializer, responses={201: CalendarSerializer, **ERRORS})
    def create(self, request):
        require_manage(request.user)
        payload = CalendarCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        calendar = services.create_calendar(actor=request.user, **payload.validated_data)
        return Response(self.get_serializer(calendar).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=CalendarSettingsSerializer,
        responses={200: CalendarSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def partial_update(self, request, code=None):
        calendar = self.get_object()
        require_manage(request.user)
        payload = CalendarSettingsSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        calendar = services.update_calendar(
            calendar,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(calendar).data)

    @extend_schema(
        request=HoursSerializer,
        responses={200: CalendarSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"])
    def hours(self, request, code=None):
        """Replace the weekly working hours."""
        calendar = self.get_object()
        require_manage(request.user)
        payload = HoursSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        calendar = services.set_working_hours(
            calendar,
            actor=request.user,
            expected_version=expected_version(request),
            days=payload.validated_data["hours"],
        )
        return Response(self.get_serializer(calendar).data)

    @extend_schema(
        request=HolidayWriteSerializer,
        responses={200: CalendarSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    @action(detail=True, methods=["post"], url_path="add-holiday")
    def add_holiday(self, request, code=None):
        """Add an organisation holiday (If-Match: the calendar's version)."""
        calendar = self.get_object()
        require_manage(request.user)
        payload = HolidayWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        holiday = services.add_holiday(
            calendar,
            actor=request.user,
            expected_version=expected_version(request),
            **payload.validated_data,
        )
        return Response(self.get_serializer(holiday.calendar).data)

    @extend_schema(
        request=DateSerializer, responses={200: CalendarSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"], url_path="remove-holiday")
    def remove_holiday(self, request, code=None):
        calendar = self.get_object()
        require_manage(request.user)
        payload = DateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        calendar = services.remove_holiday(
            calendar,
            actor=request.user,
            expected_version=expected_version(request),
            date=payload.validated_data["date"],
        )
        return Response(self.get_serializer(calendar).data)

    @extend_schema(
        request=None, responses={200: CalendarSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def retire(self, request, code=None):
        return self._activate(request, False)

    @extend_schema(
        request=None, responses={200: CalendarSerializer, **ERRORS}, parameters=[IF_MATCH]
    )
    @action(detail=True, methods=["post"])
    def reactivate(self, request, code=None):
        return self._activate(request, True)

    def _activate(self, request, active: bool):
        calendar = self.get_object()
        require_manage(request.user)
        calendar = services.set_calendar_active(
            calendar, actor=request.user, expected_version=expected_version(request), active=active
        )
        return Response(self.get_serializer(calendar).data)

    @extend_schema(parameters=[YEAR], responses={200: YearSerializer})
    @action(detail=True, methods=["get"])
    def year(self, request, code=None):
        """Every day of a year with its kind and working hours, and where the data comes from."""
        calendar = self.get_object()
        today = timezone.localdate()
        try:
            number = min(max(int(request.query_params.get("year", today.year)), 1990), 2100)
        except ValueError:
            number = today.year
        spec = spec_for(calendar)
        view = year_view(spec, number)
        body = {
            "coverage": coverage.year_coverage(spec, number, today).__dict__,
            "working_days": view["working_days"],
            "working_hours": view["working_hours"],
            "days": days_of(view),
        }
        return Response(YearSerializer(body).data)


class ScheduleFilter(django_filters.FilterSet):
    class Meta:
        model = PublicHolidayYear
        fields = ["region", "year"]


class HolidayScheduleViewSet(
    ETagMixin,
    HistoryMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Official holiday schedules entered by the organisation (region and year)."""

    serializer_class = ScheduleSerializer
    permission_classes = [CanReadCalendars]
    filterset_class = ScheduleFilter
    queryset = PublicHolidayYear.objects.none()

    def get_queryset(self):
        return (
            access.visible_schedules(self.request.user)
            .select_related("entered_by")
            .prefetch_related("days")
            .order_by("region", "year")
        )

    def _days(self, payload) -> list:
        return [services.ScheduleDay(**day) for day in payload.validated_data["days"]]

    @extend_schema(request=ScheduleCreateSerializer, responses={201: ScheduleSerializer, **ERRORS})
    def create(self, request):
        require_manage(request.user)
        payload = ScheduleCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        schedule = services.enter_public_schedule(
            actor=request.user,
            region=data["region"],
            year=data["year"],
            note=data["note"],
            days=self._days(payload),
        )
        return Response(self.get_serializer(schedule).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=ScheduleWriteSerializer,
        responses={200: ScheduleSerializer, **ERRORS},
        parameters=[IF_MATCH],
    )
    def update(self, request, pk=None):
        """Correct an entered schedule: the whole list of days is replaced."""
        schedule = self.get_object()
        require_manage(request.user)
        payload = ScheduleWriteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        schedule = services.enter_public_schedule(
            actor=request.user,
            region=schedule.region,
            year=schedule.year,
            note=payload.validated_data["note"],
            days=self._days(payload),
            expected_version=expected_version(request),
        )
        return Response(self.get_serializer(schedule).data)

    @extend_schema(request=None, responses={204: None, **ERRORS}, parameters=[IF_MATCH])
    def destroy(self, request, pk=None):
        """Withdraw an entered schedule (the library or the policy applies again)."""
        schedule = self.get_object()
        require_manage(request.user)
        services.withdraw_public_schedule(
            schedule, actor=request.user, expected_version=expected_version(request)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
