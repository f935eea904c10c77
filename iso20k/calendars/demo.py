"""Demo calendars: mainland China office hours with official holidays and adjusted working
days plus a company holiday, a 24×7 calendar, and Berlin office hours (DST, German holidays)."""

import datetime

from . import services
from .models import BusinessCalendar

CALENDARS = [
    {
        "code": "cn-office",
        "name_zh_hans": "中国大陆工作日",
        "name_en": "Mainland China office hours",
        "description_zh_hans": "周一至周五 9:00–12:00、13:00–18:00，遵循国家法定节假日和调休。",
        "description_en": "Mon–Fri 09:00–12:00 and 13:00–18:00, with China's public holidays "
        "and adjusted working days.",
        "time_zone": "Asia/Shanghai",
        "holiday_region": "CN",
        "hours": ["09:00-12:00, 13:00-18:00"] * 5 + ["", ""],
        "holidays": [
            (datetime.date(2026, 6, 18), "Company founding day", "公司成立日"),
            (datetime.date(2027, 6, 18), "Company founding day", "公司成立日"),
        ],
    },
    {
        "code": "always",
        "name_zh_hans": "7×24 全天候",
        "name_en": "24×7",
        "description_zh_hans": "每天 24 小时，节假日不停。",
        "description_en": "Around the clock, holidays included.",
        "time_zone": "Asia/Shanghai",
        "holiday_region": "",
        "hours": ["00:00-24:00"] * 7,
        "holidays": [],
    },
    {
        "code": "de-berlin",
        "name_zh_hans": "柏林工作日",
        "name_en": "Berlin office hours",
        "description_zh_hans": "周一至周五 8:00–17:00（欧洲/柏林时间，含夏令时），柏林州公众假日。",
        "description_en": "Mon–Fri 08:00–17:00 Europe/Berlin (with daylight saving time), "
        "Berlin public holidays.",
        "time_zone": "Europe/Berlin",
        "holiday_region": "DE",
        "holiday_subdivision": "BE",
        "hours": ["08:00-17:00"] * 5 + ["", ""],
        "holidays": [],
    },
]


def load(actor) -> str:
    created = 0
    for spec in CALENDARS:
        if BusinessCalendar.objects.filter(code=spec["code"]).exists():
            continue
        spec = dict(spec)
        holidays = spec.pop("holidays")
        calendar = services.create_calendar(actor=actor, **spec)
        for date, name_en, name_zh in holidays:
            calendar = services.add_holiday(
                calendar,
                actor=actor,
                expected_version=calendar.version,
                date=date,
                name_en=name_en,
                name_zh_hans=name_zh,
            ).calendar
        created += 1
    return f"{created} calendars created" if created else "calendars already present"
