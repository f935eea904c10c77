import factory
from factory.django import DjangoModelFactory

from iso20k.calendars.models import BusinessCalendar, CalendarHoliday

OFFICE_HOURS = [[[540, 720], [780, 1080]]] * 5 + [[], []]  # Mon–Fri 09–12, 13–18
ALWAYS = [[[0, 1440]]] * 7


class CalendarFactory(DjangoModelFactory[BusinessCalendar]):
    class Meta:
        model = BusinessCalendar

    code = factory.Sequence(lambda n: f"calendar-{n}")
    name_en = factory.Sequence(lambda n: f"Calendar {n}")
    name_zh_hans = factory.Sequence(lambda n: f"日历{n}")
    time_zone = "Asia/Shanghai"
    hours = factory.LazyFunction(lambda: [list(d) for d in OFFICE_HOURS])

    class Params:
        china = factory.Trait(holiday_region="CN")
        always = factory.Trait(hours=factory.LazyFunction(lambda: [list(d) for d in ALWAYS]))


class CalendarHolidayFactory(DjangoModelFactory[CalendarHoliday]):
    class Meta:
        model = CalendarHoliday

    calendar = factory.SubFactory(CalendarFactory)
    name_en = "Company day"
    name_zh_hans = "公司日"
