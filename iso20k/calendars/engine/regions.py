"""Public holidays and adjusted working days of a region and year, from maintained libraries.

Mainland China ("CN"): the official schedule (holidays and the weekend days worked in
exchange, 调休) comes from `chinesecalendar` for the years it covers. A year it does not
cover yet is only *estimated* from the statutory rules by `holidays` (no adjusted working
days). Every other region comes from `holidays`, whose rules are the law of that region.
Results are cached per (region, subdivision, year).
"""

import datetime
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version

import holidays as holidays_lib

from ..choices import DataSource

Names = tuple[str, str]  # (English, Chinese)

# chinesecalendar names its holidays in English only; these are the official Chinese names.
CHINA_HOLIDAY_NAMES: dict[str, Names] = {
    "New Year's Day": ("New Year's Day", "元旦"),
    "Spring Festival": ("Spring Festival", "春节"),
    "Tomb-sweeping Day": ("Qingming Festival", "清明节"),
    "Labour Day": ("Labour Day", "劳动节"),
    "Dragon Boat Festival": ("Dragon Boat Festival", "端午节"),
    "National Day": ("National Day", "国庆节"),
    "Mid-autumn Festival": ("Mid-Autumn Festival", "中秋节"),
    "Anti-Fascist 70th Day": ("Victory Day (70th anniversary)", "抗战胜利70周年纪念日"),
}


@dataclass(frozen=True)
class RegionYear:
    """One year of a region: which days are public holidays, which weekend days are worked."""

    region: str
    year: int
    source: str  # a DataSource value
    holidays: Mapping[datetime.date, Names] = field(default_factory=dict)
    workdays: Mapping[datetime.date, Names] = field(default_factory=dict)
    library: str = ""  # e.g. "chinesecalendar 1.11.0"

    @property
    def is_official(self) -> bool:
        return self.source in {DataSource.LIBRARY, DataSource.ENTERED}


def _package_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # pragma: no cover - both are pinned dependencies
        return "?"


def china_library() -> str:
    return f"chinesecalendar {_package_version('chinesecalendar')}"


def holidays_library() -> str:
    return f"holidays {_package_version('holidays')}"


@functools.cache
def china_official_years() -> tuple[int, int]:
    """First and last year for which chinesecalendar carries the official schedule."""
    from chinese_calendar.constants import holidays

    years = [day.year for day in holidays]
    return min(years), max(years)


def _worked(names: Names) -> Names:
    """A weekend day worked in exchange for a holiday: "Spring Festival (worked)", "春节调休"."""
    return f"{names[0]} (worked)", f"{names[1]}调休"


def _china_official(year: int) -> RegionYear:
    from chinese_calendar.constants import holidays, workdays

    def names(value: object) -> Names:
        text = getattr(value, "value", value)
        return CHINA_HOLIDAY_NAMES.get(str(text), (str(text), str(text)))

    return RegionYear(
        region="CN",
        year=year,
        source=DataSource.LIBRARY,
        holidays={d: names(h) for d, h in holidays.items() if d.year == year},
        workdays={d: _worked(names(h)) for d, h in workdays.items() if d.year == year},
        library=china_library(),
    )


def _localised_names(region: str, subdivision: str, year: int) -> dict[datetime.date, Names]:
    cls = holidays_lib.country_holidays(region).__class__
    languages = getattr(cls, "supported_languages", ()) or ()
    english = "en_US" if "en_US" in languages else None
    chinese = "zh_CN" if "zh_CN" in languages else None
    kwargs = {"years": year, "subdiv": subdivision or None}
    in_english = holidays_lib.country_holidays(region, language=english, **kwargs)
    in_chinese = holidays_lib.country_holidays(region, language=chinese, **kwargs)
    return {day: (in_english.get(day, ""), in_chinese.get(day, "")) for day in in_english}


def _from_holidays(region: str, subdivision: str, year: int, source: str) -> RegionYear:
    calendar = holidays_lib.country_holidays(region, subdiv=subdivision or None, years=year)
    if not calendar.start_year <= year <= calendar.end_year:
        return RegionYear(region=region, year=year, source=DataSource.MISSING)
    names = _localised_names(region, subdivision, year)
    workdays = {
        day: ("Adjusted working day", "调休上班")
        for day in getattr(calendar, "weekend_workdays", set())
        if day.year == year
    }
    return RegionYear(
        region=region,
        year=year,
        source=source,
        holidays=names,
        workdays=workdays,
        library=holidays_library(),
    )


@functools.lru_cache(maxsize=512)
def library_year(region: str, subdivision: str, year: int) -> RegionYear:
    """What the maintained libraries know about `region` in `year` (never entered data)."""
    if not region:
        return RegionYear(region="", year=year, source=DataSource.NONE)
    if region == "CN":
        first, last = china_official_years()
        if first <= year <= last:
            return _china_official(year)
        return _from_holidays("CN", "", year, DataSource.ESTIMATE)
    return _from_holidays(region, subdivision, year, DataSource.LIBRARY)


@functools.cache
def supported_regions() -> dict[str, str]:
    """Country codes that `holidays` supports, with their English names, by code."""
    import re

    from holidays.registry import COUNTRIES

    names = {
        entry[1]: re.sub(r"(?<=[a-z])(?=[A-Z])", " ", entry[0]) for entry in COUNTRIES.values()
    }
    return {
        code: names[code]
        for code in sorted(holidays_lib.list_supported_countries())
        if code in names
    }


def region_exists(region: str) -> bool:
    return region in holidays_lib.list_supported_countries()


def subdivisions(region: str) -> tuple[str, ...]:
    if not region_exists(region):
        return ()
    return tuple(holidays_lib.country_holidays(region).subdivisions)
