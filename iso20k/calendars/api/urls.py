from .views import CalendarViewSet, HolidayScheduleViewSet


def register(router) -> None:
    router.register("calendars", CalendarViewSet, basename="calendar")
    router.register("holiday-schedules", HolidayScheduleViewSet, basename="holiday-schedule")
