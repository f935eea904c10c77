from django.urls import path

from . import views

app_name = "calendars"

urlpatterns = [
    path("", views.CalendarListView.as_view(), name="calendar-list"),
    path("new/", views.CalendarCreateView.as_view(), name="calendar-create"),
    path("schedules/", views.schedule_list, name="schedule-list"),
    path("schedules/new/", views.ScheduleCreateView.as_view(), name="schedule-create"),
    path(
        "schedules/<str:region>/<int:year>/",
        views.ScheduleDetailView.as_view(),
        name="schedule-detail",
    ),
    path(
        "schedules/<str:region>/<int:year>/edit/",
        views.ScheduleEditView.as_view(),
        name="schedule-edit",
    ),
    path(
        "schedules/<str:region>/<int:year>/withdraw/",
        views.ScheduleWithdrawView.as_view(),
        name="schedule-withdraw",
    ),
    path("<slug:code>/", views.CalendarDetailView.as_view(), name="calendar-detail"),
    path("<slug:code>/edit/", views.CalendarEditView.as_view(), name="calendar-edit"),
    path("<slug:code>/hours/", views.HoursEditView.as_view(), name="calendar-hours"),
    path("<slug:code>/holidays/new/", views.HolidayAddView.as_view(), name="holiday-add"),
    path(
        "<slug:code>/holidays/<str:date>/remove/",
        views.HolidayRemoveView.as_view(),
        name="holiday-remove",
    ),
    path(
        "<slug:code>/retire/",
        views.CalendarActivationView.as_view(active=False),
        name="calendar-retire",
    ),
    path(
        "<slug:code>/reactivate/",
        views.CalendarActivationView.as_view(active=True),
        name="calendar-reactivate",
    ),
]
