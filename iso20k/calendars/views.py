"""Pages of business calendars and entered holiday schedules."""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from iso20k.core.views import ObjectDetailView, ObjectListView, ServiceActionView, ServiceFormView

from . import access, coverage, forms, listeners, querysets, services
from .choices import ANNOUNCED_REGIONS, DayKind, ScheduleDayKind
from .engine.hours import format_day, from_json
from .filtersets import CalendarFilterSet
from .loading import spec_for
from .models import WEEKDAY_CHOICES
from .tables import CalendarTable
from .yearview import year_view


class ReadersOnly:
    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_view(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class CalendarListView(ReadersOnly, ObjectListView):
    template_name = "calendars/calendar_list.html"
    filterset_class = CalendarFilterSet

    def get_queryset(self):
        return querysets.for_list(access.visible_calendars(self.request.user))

    def table_class(self, queryset, request=None):
        regions = set(queryset.values_list("holiday_region", flat=True))
        warnings = querysets.region_warnings(regions - {""}, timezone.localdate())
        self.region_warnings = warnings
        return CalendarTable(queryset, request=request, warnings=warnings)

    def extra_context(self):
        return {
            "can_manage": access.can_manage(self.request.user),
            "region_warnings": self.region_warnings,
            "china": coverage.china_library_range(),
        }


def _year(request, today: datetime.date) -> int:
    try:
        year = int(request.GET.get("year", today.year))
    except ValueError:
        return today.year
    return min(max(year, 1990), 2100)


class CalendarDetailView(ReadersOnly, ObjectDetailView):
    template_name = "calendars/calendar_detail.html"

    def get_object(self):
        return access.get_calendar_for(self.request.user, self.kwargs["code"])

    def extra_context(self, obj):
        today = timezone.localdate()
        year = _year(self.request, today)
        spec = spec_for(obj)
        years = coverage.years_around(spec, today)
        if year not in {c.year for c in years}:
            years.append(coverage.year_coverage(spec, year, today))
        week = from_json(obj.hours)
        return {
            "can_manage": access.can_manage(self.request.user),
            "view": year_view(spec, year),
            "selected": coverage.year_coverage(spec, year, today),
            "coverage": sorted(years, key=lambda c: c.year),
            "warnings": coverage.warnings(spec, today),
            "week": [(label, format_day(week[n])) for n, label in WEEKDAY_CHOICES],
            "holidays": obj.holidays.order_by("-date")[:50],
            "open_clocks": listeners.affected_count([obj.pk]),
            "agreements": obj.agreements.order_by("status", "code"),
            "announced": obj.holiday_region in ANNOUNCED_REGIONS,
            "china": coverage.china_library_range(),
            "today": today,
            "kinds": DayKind.values,
        }


class CalendarCreateView(ServiceFormView):
    template_name = "calendars/calendar_form.html"
    form_class = forms.CalendarForm
    success_message = gettext_lazy("The calendar was created.")

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        initial = {"time_zone": timezone.get_current_timezone_name()}
        initial.update({f"hours_{n}": "09:00-12:00, 13:00-18:00" for n in range(5)})
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = dict(form.cleaned_data)
        hours = [data.pop(f"hours_{n}") for n in range(7)]
        return services.create_calendar(actor=self.request.user, hours=hours, **data)


class CalendarEditView(ServiceFormView):
    template_name = "calendars/calendar_form.html"
    form_class = forms.CalendarSettingsForm
    success_message = gettext_lazy("The calendar was saved. Open SLA clocks will be recomputed.")

    def load(self):
        self.object = access.get_calendar_for(self.request.user, self.kwargs["code"], "edit")

    def get_form(self, data=None, files=None):
        initial = {name: getattr(self.object, name) for name in services.calendars.SETTING_FIELDS}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        return services.update_calendar(
            self.object, actor=self.request.user, expected_version=version, **data
        )


class HoursEditView(CalendarEditView):
    template_name = "calendars/hours_form.html"
    form_class = forms.HoursForm
    success_message = gettext_lazy(
        "The working hours were saved. Open SLA clocks will be recomputed."
    )

    def get_form(self, data=None, files=None):
        week = from_json(self.object.hours)
        initial = {f"hours_{n}": format_day(day) for n, day in enumerate(week)}
        return self.form_class(data, initial={**initial, "version": self.object.version})

    def perform(self, form):
        data = form.cleaned_data
        return services.set_working_hours(
            self.object,
            actor=self.request.user,
            expected_version=data["version"],
            days=[data[f"hours_{n}"] for n in range(7)],
        )


class HolidayAddView(CalendarEditView):
    template_name = "calendars/holiday_form.html"
    form_class = forms.HolidayForm
    success_message = gettext_lazy(
        "The organisation holiday was added. Open SLA clocks will be recomputed."
    )

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        data = dict(form.cleaned_data)
        version = data.pop("version")
        services.add_holiday(self.object, actor=self.request.user, expected_version=version, **data)
        return self.object

    def get_success_url(self, result):
        return f"{result.get_absolute_url()}?year={self.request.POST.get('date', '')[:4]}"


class HolidayRemoveView(ServiceActionView):
    form_class = forms.ConfirmForm
    button_class = "btn-danger"

    def load(self):
        self.object = access.get_calendar_for(self.request.user, self.kwargs["code"], "edit")
        try:
            date = datetime.date.fromisoformat(self.kwargs["date"])
        except ValueError:
            raise Http404 from None
        self.holiday = self.object.holidays.filter(date=date).first()
        if self.holiday is None:
            raise Http404
        self.title = _("Remove the organisation holiday %(holiday)s") % {"holiday": self.holiday}
        self.explanation = _(
            "The day becomes a normal day of this calendar again; open SLA clocks are recomputed."
        )
        self.button_label = _("Remove")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.remove_holiday(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            date=self.holiday.date,
        )


class CalendarActivationView(ServiceActionView):
    form_class = forms.ConfirmForm
    active = False

    def load(self):
        self.object = access.get_calendar_for(self.request.user, self.kwargs["code"], "edit")
        if self.active:
            self.title = _("Reactivate %(calendar)s") % {"calendar": self.object}
            self.explanation = _("Agreements can use the calendar again.")
        else:
            self.title = _("Retire %(calendar)s") % {"calendar": self.object}
            self.explanation = _(
                "No agreement can choose it any more. It stays on record for the clocks it "
                "measured."
            )
            self.button_class = "btn-danger"

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        return services.set_calendar_active(
            self.object,
            actor=self.request.user,
            expected_version=form.cleaned_data["version"],
            active=self.active,
        )


# --- entered holiday schedules --------------------------------------------------------------


@login_required
def schedule_list(request: HttpRequest) -> HttpResponse:
    """Where China's holiday data comes from per year, and the schedules entered here."""
    if not access.can_view(request.user):
        raise Http404
    today = timezone.localdate()
    context = {
        "schedules": access.visible_schedules(request.user).select_related("entered_by"),
        "china": coverage.china_library_range(),
        "china_years": coverage.region_years("CN", today),
        "can_manage": access.can_manage(request.user),
        "today": today,
    }
    return render(request, "calendars/schedule_list.html", context)


class ScheduleDetailView(ReadersOnly, ObjectDetailView):
    template_name = "calendars/schedule_detail.html"

    def get_object(self):
        return access.get_schedule_for(
            self.request.user, self.kwargs["region"], self.kwargs["year"]
        )

    def extra_context(self, obj):
        return {
            "can_manage": access.can_manage(self.request.user),
            "holidays": obj.days.filter(kind=ScheduleDayKind.HOLIDAY),
            "workdays": obj.days.filter(kind=ScheduleDayKind.WORKDAY),
            "calendars": access.visible_calendars(self.request.user).filter(
                holiday_region=obj.region
            ),
        }


class ScheduleCreateView(ServiceFormView):
    template_name = "calendars/schedule_form.html"
    form_class = forms.ScheduleForm
    success_message = gettext_lazy(
        "The official schedule was entered. Open SLA clocks will be recomputed."
    )

    def load(self):
        access.check_manage(self.request.user)

    def get_form(self, data=None, files=None):
        initial = {
            "region": self.request.GET.get("region", "CN"),
            "year": self.request.GET.get("year", timezone.localdate().year + 1),
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = form.cleaned_data
        return services.enter_public_schedule(
            actor=self.request.user,
            region=data["region"],
            year=data["year"],
            note=data["note"],
            days=data["holidays"] + data["workdays"],
        )


class ScheduleEditView(ServiceFormView):
    template_name = "calendars/schedule_form.html"
    form_class = forms.ScheduleEditForm
    success_message = gettext_lazy(
        "The schedule was corrected. Open SLA clocks will be recomputed."
    )

    def load(self):
        self.object = access.get_schedule_for(
            self.request.user, self.kwargs["region"], self.kwargs["year"], "edit"
        )

    def get_form(self, data=None, files=None):
        days = list(self.object.days.all())
        initial = {
            "note": self.object.note,
            "holidays": forms.ScheduleEditForm.text_of(days, ScheduleDayKind.HOLIDAY),
            "workdays": forms.ScheduleEditForm.text_of(days, ScheduleDayKind.WORKDAY),
            "version": self.object.version,
        }
        return self.form_class(data, initial=initial)

    def perform(self, form):
        data = form.cleaned_data
        return services.enter_public_schedule(
            actor=self.request.user,
            region=self.object.region,
            year=self.object.year,
            note=data["note"],
            days=data["holidays"] + data["workdays"],
            expected_version=data["version"],
        )


class ScheduleWithdrawView(ServiceActionView):
    form_class = forms.ConfirmForm
    button_class = "btn-danger"

    def load(self):
        self.object = access.get_schedule_for(
            self.request.user, self.kwargs["region"], self.kwargs["year"], "edit"
        )
        self.title = _("Withdraw the entered schedule %(schedule)s") % {"schedule": self.object}
        self.explanation = _(
            "Calendars following this country fall back to the library's data for the year, "
            "or to their policy for years without official data. Open SLA clocks are recomputed."
        )
        self.button_label = _("Withdraw")

    def get_form(self, data=None, files=None):
        return self.form_class(data, initial={"version": self.object.version})

    def perform(self, form):
        services.withdraw_public_schedule(
            self.object, actor=self.request.user, expected_version=form.cleaned_data["version"]
        )
        return self.object

    def get_success_url(self, result):
        return reverse("calendars:schedule-list")
