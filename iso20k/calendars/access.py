"""Who may see and manage business calendars (8.3.3).

Internal readers see them; administrators, the certification lead and the owner of process
8.3.3 manage them and enter official holiday schedules.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from iso20k.accounts import access as accounts

from .models import BusinessCalendar, PublicHolidayYear

PROCESS = "8.3.3"


def can_view(user) -> bool:
    return accounts.can_read_sms(user)


def can_manage(user) -> bool:
    return accounts.manages_process(user, PROCESS)


def check_manage(user) -> None:
    if not can_view(user):
        raise Http404
    if not can_manage(user):
        raise PermissionDenied


def visible_calendars(user) -> QuerySet[BusinessCalendar]:
    if not can_view(user):
        return BusinessCalendar.objects.none()
    return BusinessCalendar.objects.all()


def get_calendar_for(user, code: str, action: str = "view") -> BusinessCalendar:
    calendar = visible_calendars(user).filter(code=code).first()
    if calendar is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return calendar


def visible_schedules(user) -> QuerySet[PublicHolidayYear]:
    if not can_view(user):
        return PublicHolidayYear.objects.none()
    return PublicHolidayYear.objects.all()


def get_schedule_for(user, region: str, year: int, action: str = "view") -> PublicHolidayYear:
    schedule = visible_schedules(user).filter(region=region, year=year).first()
    if schedule is None:
        raise Http404
    if action != "view" and not can_manage(user):
        raise PermissionDenied
    return schedule
