"""`DateSpan` (one date expression found in a text) and the interval arithmetic the resolvers share.

A date's precision is read from its ISO partial: 1 = year, 2 = month, 3 = day.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from ...model import FuzzyDate

YEAR, MONTH, DAY = 1, 2, 3


@dataclass(frozen=True)
class DateSpan:
    """A date expression at `start:end` (char offsets, plus the scan's base offset)."""

    start: int
    end: int
    date: FuzzyDate  # the interval it names (for a range: its start)
    until: FuzzyDate | None = None  # for a range: its end
    kind: str = "absolute"  # absolute | partial | fuzzy | relative | range | hijri | open_end
    text: str = ""
    bound: str = ""  # for open ends: "start" ("since 2014", "2019–present") or "end" ("until 2019")

    @property
    def valid_from(self) -> FuzzyDate | None:
        """When a tie dated by this expression starts (None for "until X")."""
        return None if self.bound == "end" else self.date

    @property
    def valid_until(self) -> FuzzyDate | None:
        """When a tie dated by this expression ends: a range's end, "until X"'s X, else None."""
        if self.bound == "end":
            return self.date
        return self.until


def precision(date: FuzzyDate) -> int:
    """1 for a year (or coarser), 2 for a month, 3 for a day."""
    iso = date.iso
    if len(iso) == 10 and iso[4] == "-":
        return DAY
    if len(iso) == 7 and iso[4] == "-":
        return MONTH
    return YEAR


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def floor(day: dt.date, prec: int) -> dt.date:
    """The first day of the year / month / day holding `day`."""
    if prec == YEAR:
        return dt.date(day.year, 1, 1)
    if prec == MONTH:
        return dt.date(day.year, day.month, 1)
    return day


def ceil(day: dt.date, prec: int) -> dt.date:
    """The last day of the year / month / day holding `day`."""
    if prec == YEAR:
        return dt.date(day.year, 12, 31)
    if prec == MONTH:
        return month_end(day.year, day.month)
    return day


def iso_for(earliest: dt.date, latest: dt.date) -> str:
    """The most precise ISO partial holding an interval: its day, its month, or its (first) year."""
    if earliest == latest:
        return earliest.isoformat()
    if (earliest.year, earliest.month) == (latest.year, latest.month):
        return earliest.isoformat()[:7]
    return str(earliest.year)


def interval(earliest: dt.date, latest: dt.date, text: str, iso: str | None = None) -> FuzzyDate:
    return FuzzyDate(earliest, latest, iso or iso_for(earliest, latest), text)


def make(year: int, month: int | None = None, day: int | None = None, text: str = "") -> FuzzyDate | None:
    """A year, month or day as a FuzzyDate; None when it is not a real date."""
    try:
        if month is None:
            return FuzzyDate(dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year:04d}", text)
        if day is None:
            return FuzzyDate(dt.date(year, month, 1), month_end(year, month), f"{year:04d}-{month:02d}", text)
        d = dt.date(year, month, day)
        return FuzzyDate(d, d, d.isoformat(), text)
    except ValueError:
        return None


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def shift(base: FuzzyDate, amount: int, unit: str, text: str) -> FuzzyDate | None:
    """`base` moved by `amount` units (day, week, month, year), no finer than either allows."""
    unit_prec = {"day": DAY, "week": DAY, "month": MONTH, "year": YEAR}[unit]
    prec = min(precision(base), unit_prec)

    def move(day: dt.date) -> dt.date:
        if unit == "day":
            return day + dt.timedelta(days=amount)
        if unit == "week":
            return day + dt.timedelta(weeks=amount)
        return add_months(day, amount * (12 if unit == "year" else 1))

    try:
        earliest, latest = floor(move(base.earliest), prec), ceil(move(base.latest), prec)
    except (ValueError, OverflowError):
        return None
    return interval(earliest, latest, text)
