"""The date patterns: one precompiled regex per form, each with a function that reads a match
into an interval. Functions get the scanning context for what a text leaves out (a year, a base
for "two weeks later") and return None when the match is not a date after all.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Protocol

from ...model import FuzzyDate
from . import hijri
from .guard import guarded
from .lexicon import (DECADE_PARTS, ENGLISH, FUZZY_RE, HIJRI_MONTH_RE, MONTH_PARTS, NUMBER_RE, YEAR_PARTS, Months,
                      fuzzy_key, hijri_month, number)
from .span import ceil, floor, interval, make, month_end, shift


class Context(Protocol):
    @property
    def months(self) -> Months: ...  # the month names of the document's language pack
    @property
    def reference(self) -> FuzzyDate | None: ...  # the latest date seen, else the anchor
    @property
    def anchor(self) -> FuzzyDate | None: ...  # the document's date


@dataclass
class Found:
    date: FuzzyDate
    until: FuzzyDate | None = None
    kind: str = "absolute"
    bound: str = ""
    moves_state: bool = True  # False for "the 2018 bombing": a name, not the story's time


Reader = Callable[[re.Match, Context], "Found | None"]

YEAR = r"(?:19|20)\d\d"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
DASH = r"[\u2013\u2014\u2012\-]"
FUZZ = rf"(?:(?i:the\s+)?(?:(?i:very)\s+)?(?P<fz>{FUZZY_RE})(?:\s+(?i:of)\s+(?:(?i:the)\s+)?|\s*-\s*|\s+))"
NO_NUMBER_AFTER = r"(?!\s*,?\s*\d)"


def _day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _year_part(year: int, key: str, text: str) -> FuzzyDate | None:
    first, last = YEAR_PARTS[key]
    end_year, last = (year + 1, last - 12) if last > 12 else (year, last)
    return interval(dt.date(year, first, 1), month_end(end_year, last), text, iso=str(year))


def _month_part(year: int, month: int, key: str, text: str) -> FuzzyDate | None:
    if key not in MONTH_PARTS:
        return None
    first, last = MONTH_PARTS[key]
    end = month_end(year, month)
    return interval(dt.date(year, month, first), min(end, dt.date(year, month, min(last, end.day))),
                    text, iso=f"{year:04d}-{month:02d}")


def _month(m: re.Match, ctx: Context, year: int | None, kind: str) -> Found | None:
    if year is None:
        return None
    month, text = ctx.months.number(m.group("m")), m.group(0)
    if m.groupdict().get("fz"):
        date = _month_part(year, month, fuzzy_key(m.group("fz")), text)
        return Found(date, kind="fuzzy") if date else None
    date = make(year, month, None, text)
    return Found(date, kind=kind) if date else None


def _ref_year(ctx: Context) -> int | None:
    ref = ctx.reference
    return ref.latest.year if ref else None


# --- readers ---------------------------------------------------------------------------------

def read_day_month_year(m: re.Match, ctx: Context) -> Found | None:
    year = int(m.group("y")) if m.group("y") else _ref_year(ctx)
    if year is None:  # no date read yet: the year of the same day and month written out later on
        hint = getattr(ctx, "year_hint", None)
        year = hint(ctx.months.number(m.group("m")), _day(m.group("d"))) if hint else None
    if year is None:
        return None
    date = make(year, ctx.months.number(m.group("m")), _day(m.group("d")), m.group(0))
    return Found(date, kind="absolute" if m.group("y") else "partial") if date else None


def read_month_year(m: re.Match, ctx: Context) -> Found | None:
    return _month(m, ctx, int(m.group("y")), "partial")


def read_month_alone(m: re.Match, ctx: Context) -> Found | None:
    """ "in September", "late September": the year is the one the text was last at."""
    return _month(m, ctx, _ref_year(ctx), "partial")


def read_month_of_year(m: re.Match, ctx: Context) -> Found | None:
    """ "May of this year", "June of the following year"."""
    word = m.group("rel").lower().split()[-1]
    base = ctx.anchor if word in ("this", "last", "next") and ctx.anchor else ctx.reference
    if base is None:
        return None
    step = {"last": -1, "previous": -1, "next": 1, "following": 1}.get(word, 0)
    return _month(m, ctx, base.latest.year + step, "relative")


def read_year(m: re.Match, ctx: Context) -> Found | None:
    year, text = int(m.group("y")), m.group(0)
    if m.groupdict().get("fz"):
        date = _year_part(year, fuzzy_key(m.group("fz")), text)
        return Found(date, kind="fuzzy") if date else None
    return Found(make(year, text=text), kind="partial")


_COUNT_WORDS = re.compile(
    r"\s*(?:\+|%|percent|per\s+cent|(?:km|kilomet|miles?|met(?:er|re)s?|hours|hrs|men|women|people|persons|"
    r"fighters|militants|members|soldiers|troops|civilians|families|recruits|followers|children|"
    r"dead|killed|wounded|casualties|refugees|dollars|euros|pounds|rounds|vehicles|strong|"
    r"times|votes|signatures|copies|pages|words|tons|tonnes)\b)", re.I)
_NOT_BEFORE = re.compile(
    r"(?:resolution|resolutions|no|nos|number|numbers|page|pages|p|pp|para|article|art|law|decree|"
    r"order|flight|route|highway|road|unit|code|ref|tel|phone|fax|box|room|vol|volume|issue|"
    r"chapter|section|item|isbn|issn|doi|id|case|file|model|version|v|nr|tab|table|figure|fig|"
    r"population|approximately|roughly|estimated|some|nearly)\W{0,3}$", re.I)


_ATTRIBUTIVE = re.compile(r"\b(?:the|a|an|its|their)\s+\Z", re.I)


def read_bare_year(m: re.Match, ctx: Context) -> Found | None:
    text = m.string
    if _COUNT_WORDS.match(text, m.end()) or _NOT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None
    found = read_year(m, ctx)
    if found and _ATTRIBUTIVE.search(text, max(0, m.start() - 8), m.start()):
        found.moves_state = False
    return found


def read_decade(m: re.Match, ctx: Context) -> Found | None:
    start = int(m.group("dec"))
    first, last = DECADE_PARTS.get(fuzzy_key(m.group("fz") or ""), (0, 9))
    date = interval(dt.date(start + first, 1, 1), dt.date(start + last, 12, 31), m.group(0),
                    iso=f"{start // 10}X")
    return Found(date, kind="fuzzy")


def read_iso(m: re.Match, ctx: Context) -> Found | None:
    date = make(int(m.group("y")), int(m.group("m")), int(m.group("d")), m.group(0))
    return Found(date) if date else None


def read_year_pair(m: re.Match, ctx: Context) -> Found | None:
    """ "2015–2016", "2015-16", "2015/16" are ranges; "2015-06" is a month (ISO)."""
    y1, second, text = int(m.group("y1")), m.group("y2"), m.group(0)
    if len(second) == 2:
        tail = int(second)
        if tail <= y1 % 100:
            if m.group("sep") == "-" and 1 <= tail <= 12 and not m.group("sp"):
                date = make(y1, tail, None, text)
                return Found(date, kind="absolute") if date else None
            return None
        y2 = y1 - y1 % 100 + tail
    else:
        y2 = int(second)
    if y2 <= y1:
        return None
    return Found(make(y1, text=text), until=make(y2, text=text), kind="range")


def read_numeric(m: re.Match, ctx: Context) -> Found | None:
    """23.06.2015, 9/17/2014: only when the day and the month cannot be swapped."""
    a, b, year, text = int(m.group("a")), int(m.group("b")), int(m.group("y")), m.group(0)
    if a > 12 and b <= 12:
        date = make(year, b, a, text)
    elif b > 12 and a <= 12:
        date = make(year, a, b, text)
    elif a == b:
        date = make(year, a, a, text)
    else:
        return Found(make(year, text=text), kind="partial")  # the year at least is certain
    return Found(date) if date else None


def read_day_range(m: re.Match, ctx: Context) -> Found | None:
    """ "2–3 March 2024", "March 2-3 2024", "23 June – 2 July 2015"; "from 14 to 23 July", "6–8 June" (the
    year the text was last at)."""
    year = int(m.group("y")) if m.groupdict().get("y") else _ref_year(ctx)
    if year is None:
        return None
    month2 = ctx.months.number(m.group("m"))
    month1 = ctx.months.number(m.group("m1")) if m.groupdict().get("m1") else month2
    first = make(year, month1, _day(m.group("d1")), m.group(0))
    last = make(year, month2, _day(m.group("d2")), m.group(0))
    if first is None or last is None or last.earliest <= first.earliest:
        return None
    return Found(first, until=last, kind="range")


def read_month_range(m: re.Match, ctx: Context) -> Found | None:
    """ "May–July 2014", "between May and July 2014"."""
    year, text = int(m.group("y")), m.group(0)
    m1, m2 = ctx.months.number(m.group("m1")), ctx.months.number(m.group("m2"))
    if m2 <= m1:
        return None
    return Found(make(year, m1, None, text), until=make(year, m2, None, text), kind="range")


def read_hijri(m: re.Match, ctx: Context) -> Found | None:
    month, text = hijri_month(m.group("hm")), m.group(0)
    day = _day(m.group("d")) if m.groupdict().get("d") else None
    year = int(m.group("hy")) if m.group("hy") else None
    if year is None:
        ref = ctx.reference
        if day is None or ref is None:
            return None
        year = hijri.nearest_year(ref.latest, month, day)
        if year is None:
            return None
    if not hijri.FIRST_YEAR <= year <= hijri.LAST_YEAR:
        return None
    date = hijri.day(year, month, day, text) if day else hijri.month(year, month, text)
    return Found(date, kind="hijri") if date else None


def read_hijri_year(m: re.Match, ctx: Context) -> Found | None:
    year = int(m.group("hy"))
    if not hijri.FIRST_YEAR <= year <= hijri.LAST_YEAR:
        return None
    date = hijri.year(year, m.group(0))
    return Found(date, kind="hijri") if date else None


# relative ---------------------------------------------------------------------------------------

def _sign(word: str) -> int:
    return -1 if word.lower() in ("earlier", "before", "prior", "ago", "previous", "preceding") else 1


def read_offset(m: re.Match, ctx: Context) -> Found | None:
    """ "four months after", "two weeks later", "a year earlier", "three years ago"."""
    direction = m.group("dir").lower()
    base = ctx.anchor if direction == "ago" else ctx.reference
    if base is None:
        return None
    amount = number(m.group("n")) * _sign(direction)
    date = shift(base, amount, m.group("u").lower(), m.group(0))
    return Found(date, kind="relative") if date else None


def read_next(m: re.Match, ctx: Context) -> Found | None:
    """ "the following day", "the next month", "the previous year", "the day after"."""
    base = ctx.reference
    if base is None:
        return None
    date = shift(base, _sign(m.group("dir")), m.group("u").lower(), m.group(0))
    return Found(date, kind="relative") if date else None


def read_same(m: re.Match, ctx: Context) -> Found | None:
    """ "in the same month", "that day", "later that year", "earlier that month"."""
    base = ctx.reference
    if base is None:
        return None
    unit, side = m.group("u").lower(), (m.group("side") or "").lower()
    prec = {"day": 3, "week": 3, "month": 2, "year": 1}[unit]
    start, end = floor(base.earliest, prec), ceil(base.latest, prec)
    if unit == "week":
        start, end = base.earliest - dt.timedelta(days=base.earliest.weekday()), \
            base.latest + dt.timedelta(days=6 - base.latest.weekday())
    if side == "later":
        start = base.earliest
    elif side == "earlier":
        end = base.latest
    iso = {1: str(start.year), 2: start.isoformat()[:7]}.get(prec)
    return Found(interval(start, end, m.group(0), iso=iso if unit != "week" else None), kind="relative")


def read_this(m: re.Match, ctx: Context) -> Found | None:
    """ "this year", "last month", "next year": from the document's date."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[m.group("w").lower()]
    unit = m.group("u").lower()
    date = shift(FuzzyDate(base.earliest, base.earliest, base.earliest.isoformat()), step,
                 unit, m.group(0))
    if date is None:
        return None
    prec = {"week": 3, "month": 2, "year": 1}[unit]
    if unit != "week":
        date = interval(floor(date.earliest, prec), ceil(date.latest, prec), m.group(0))
    return Found(date, kind="relative")


def read_subsequently(m: re.Match, ctx: Context) -> Found | None:
    base = ctx.reference
    return Found(FuzzyDate(base.earliest, base.latest, base.iso, m.group(0)), kind="relative",
                 bound="start") if base else None


def _rx(pattern: str, flags: int = 0) -> re.Pattern:
    """The rule's regex, with a lookahead on the characters a match can start with (same matches,
    about twice as fast over a whole document: see `guard`)."""
    return guarded(re.compile(pattern, flags))


HIJRI_YEAR = r"(?P<hy>1[34]\d\d)(?:\s*(?:AH|A\.H\.?|H\.|H|Hijri)(?![\w]))?"
RANGE_WORD = r"(?:\b(?i:from|between)\s+)?"
UNIT = r"(?P<u>day|week|month|year)s?"

Rule = tuple[str, re.Pattern, Reader]


@functools.lru_cache(maxsize=8)
def rules_for(months: Months) -> list[Rule]:
    """The rules, with the month names of a language pack (`lexicon.months_of`), as (name, regex, reader):
    longer matches win; on equal length, the earlier rule."""
    MONTH_RE = months.pattern  # noqa: N806 - the name the patterns below are written with
    return [
        ("hijri_day", _rx(rf"(?<!\d)(?P<d>{DAY})\s+(?:of\s+)?(?P<hm>{HIJRI_MONTH_RE})(?:,?\s+{HIJRI_YEAR})?(?!\d)"),
         read_hijri),
        ("hijri_month", _rx(rf"(?P<hm>{HIJRI_MONTH_RE}),?\s+{HIJRI_YEAR}(?!\d)"), read_hijri),
        ("hijri_year", _rx(r"(?<![\d\w])(?:(?P<hy>1[34]\d\d)\s*(?:AH|A\.H\.?)|(?:AH|A\.H\.)\s*(?P<hy2>1[34]\d\d))(?!\w)"),
         lambda m, c: read_hijri_year(m, c) if m.group("hy") else read_hijri_year(_Swap(m), c)),
        ("day_range", _rx(rf"{RANGE_WORD}(?<![\d\w])(?P<d1>{DAY})\s*(?:{DASH}|to|and|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?"
                          rf"(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR})(?!\d)"), read_day_range),
        ("month_day_range", _rx(rf"{RANGE_WORD}(?P<m>{MONTH_RE})\s+(?P<d1>{DAY})\s*{DASH}\s*(?P<d2>{DAY}),?\s+(?P<y>{YEAR})(?!\d)"),
         read_day_range),
        ("day_month_range", _rx(rf"{RANGE_WORD}(?<![\d\w])(?P<d1>{DAY})\s+(?P<m1>{MONTH_RE})\s*(?:{DASH}|to|and|until)\s*"
                                rf"(?P<d2>{DAY})\s+(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR})(?!\d)"), read_day_range),
        ("day_range_no_year", _rx(rf"{RANGE_WORD}(?<![\d\w])(?P<d1>{DAY})\s*(?:{DASH}|to|until)\s*(?P<d2>{DAY})\s+(?:of\s+)?"
                                  rf"(?P<m>{MONTH_RE})(?![\w])(?!\s*,?\s*\d)"), read_day_range),
        ("between_day_range_no_year", _rx(rf"\b(?i:between)\s+(?P<d1>{DAY})\s+and\s+(?P<d2>{DAY})\s+(?:of\s+)?"
                                          rf"(?P<m>{MONTH_RE})(?![\w])(?!\s*,?\s*\d{{4}})"), read_day_range),
        ("day_month_range_no_year", _rx(rf"{RANGE_WORD}(?<![\d\w])(?P<d1>{DAY})\s+(?P<m1>{MONTH_RE})\s*(?:{DASH}|to|until)\s*"
                                        rf"(?P<d2>{DAY})\s+(?P<m>{MONTH_RE})(?![\w])(?!\s*,?\s*\d)"), read_day_range),
        ("month_range", _rx(rf"{RANGE_WORD}(?P<m1>{MONTH_RE})\s*(?:{DASH}|to|until|through|and)\s*(?P<m2>{MONTH_RE}),?\s+"
                            rf"(?P<y>{YEAR})(?!\d)"), read_month_range),
        ("day_month_year", _rx(rf"(?<![\d\w])(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_RE}),?\s+(?P<y>{YEAR})(?!\d)"),
         read_day_month_year),
        ("month_day_year", _rx(rf"(?P<m>{MONTH_RE})\s+(?P<d>{DAY}),?\s+(?P<y>{YEAR})(?!\d)"), read_day_month_year),
        ("month_year", _rx(rf"\b{FUZZ}?(?P<m>{MONTH_RE}),?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d|,\d)"), read_month_year),
        ("iso_day", _rx(rf"(?<![\d\-/])(?P<y>{YEAR})(?P<s>[-/])(?P<m>0[1-9]|1[0-2])(?P=s)(?P<d>[0-3]\d)(?![\d\-/])"),
         read_iso),
        ("numeric", _rx(rf"(?<![\d./\-])(?P<a>\d\d?)(?P<s>[./])(?P<b>\d\d?)(?P=s)(?P<y>{YEAR})(?![\d/\-]|\.\d)"),
         read_numeric),
        ("year_pair", _rx(rf"(?<![\d\-/.,])(?P<y1>{YEAR})(?P<sp>\s*)(?P<sep>{DASH}|/)\s*(?P<y2>{YEAR}|\d\d)(?![\d\-/]|[.,]\d)"),
         read_year_pair),
        ("decade", _rx(r"(?:(?i:the)\s+)?(?:(?P<fz>(?i:early|mid|middle|late))[\s-]+)?(?P<dec>(?:19|20)\d0)[\u2019']?s\b"),
         read_decade),
        ("fuzzy_year", _rx(rf"(?<!Arab\s)\b{FUZZ}(?P<y>{YEAR})(?!\d|[.,]\d)"), read_year),
        ("year", _rx(rf"(?<![\w$\u20ac\u00a3#+@/])(?<!\d[,.:/\-\s])(?P<y>{YEAR})(?![\d\-/]|:\S|[.,]\d|\s\d{{4}}\b)"), read_bare_year),
        ("day_month", _rx(rf"(?<![\d\w])(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH_RE})(?![\w])(?!\s*,?\s*\d)"),
         lambda m, c: read_day_month_year(_NoYear(m), c)),
        ("month_day", _rx(rf"(?P<m>{MONTH_RE})\s+(?P<d>{DAY})(?![\w:.,]\d|\d)(?!\s*(?:,\s*)?\d)(?!\s*%)"),
         lambda m, c: read_day_month_year(_NoYear(m), c)),
        ("month_of_year", _rx(rf"\b{FUZZ}?(?P<m>{MONTH_RE})\s+of\s+(?P<rel>(?i:this|last|next|that|the\s+same|"
                              rf"the\s+following|the\s+previous|the\s+next))\s+(?i:year)\b"), read_month_of_year),
        ("fuzzy_month", _rx(rf"\b{FUZZ}(?P<m>{MONTH_RE})\b{NO_NUMBER_AFTER}"), read_month_alone),
        ("month_after_word", _rx(r"\b(?i:in|on|during|since|until|till|by|from|through|after|before|of|between|and|to)"
                                 rf"\s+(?P<body>(?P<m>{MONTH_RE}))\b{NO_NUMBER_AFTER}"), read_month_alone),
        ("offset", _rx(rf"\b(?P<n>(?i:{NUMBER_RE}))\s+(?i:{UNIT})\s+(?P<dir>(?i:later|after(?:wards?)?|earlier|before|"
                       rf"prior|ago))\b"), read_offset),
        ("the_unit_after", _rx(r"\b(?i:the)\s+(?i:(?P<u>day|week|month|year))\s+(?P<dir>(?i:after|before))\b"),
         read_next),
        ("next", _rx(r"\b(?i:the)\s+(?P<dir>(?i:following|next|subsequent|previous|preceding|prior))\s+"
                     r"(?i:(?P<u>day|week|month|year))\b"), read_next),
        ("same", _rx(r"\b(?:(?P<side>(?i:later|earlier))\s+(?i:in\s+)?)?(?i:the\s+same|that(?:\s+same)?)\s+"
                     r"(?i:(?P<u>day|week|month|year))\b(?![\'\u2019]s)"), read_same),
        ("this", _rx(r"(?<!the\s)(?<!The\s)\b(?P<w>(?i:this|last|next))\s+(?i:(?P<u>week|month|year))\b(?![\'\u2019]s)"),
         read_this),
        ("subsequently", _rx(r"\b[Ss]ubsequently\b"), read_subsequently),
    ]


RULES: list[Rule] = rules_for(ENGLISH)  # the English pack's


class _NoYear:
    """A match seen as one with an empty year group (for the year-less day-month forms)."""

    def __init__(self, m: re.Match):
        self._m = m

    def group(self, name=0):
        return None if name == "y" else self._m.group(name)

    def groupdict(self):
        return {**self._m.groupdict(), "y": None}


class _Swap(_NoYear):
    """ "AH 1435": the year in the second group."""

    def group(self, name=0):
        return self._m.group("hy2") if name == "hy" else self._m.group(name)
