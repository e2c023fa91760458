"""Hijri dates to Gregorian intervals (the Umm al-Qura calendar, via hijridate: AH 1343..1500)."""
from __future__ import annotations

import datetime as dt

from hijridate import Gregorian, Hijri

from ...model import FuzzyDate
from .span import interval

FIRST_YEAR, LAST_YEAR = 1343, 1500


def day(year: int, month: int, day_: int, text: str) -> FuzzyDate | None:
    try:
        g = Hijri(year, month, day_).to_gregorian()
    except (ValueError, OverflowError):
        return None
    d = dt.date(g.year, g.month, g.day)
    return FuzzyDate(d, d, d.isoformat(), text)


def month(year: int, month_: int, text: str) -> FuzzyDate | None:
    try:
        first = Hijri(year, month_, 1)
        last = Hijri(year, month_, first.month_length())
    except (ValueError, OverflowError):
        return None
    a, b = first.to_gregorian(), last.to_gregorian()
    return interval(dt.date(a.year, a.month, a.day), dt.date(b.year, b.month, b.day), text)


def year(year_: int, text: str) -> FuzzyDate | None:
    first, last = month(year_, 1, text), month(year_, 12, text)
    if first is None or last is None:
        return None
    return interval(first.earliest, last.latest, text)


def nearest_year(reference: dt.date, month_: int, day_: int) -> int | None:
    """The Hijri year that puts (month, day) nearest to a Gregorian reference date."""
    try:
        h = Gregorian(reference.year, reference.month, reference.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    best: tuple[int, int] | None = None
    for y in (h.year - 1, h.year, h.year + 1):
        found = day(y, month_, day_, "")
        if found is not None:
            gap = abs((found.earliest - reference).days)
            if best is None or gap < best[0]:
                best = (gap, y)
    return best[1] if best else None
