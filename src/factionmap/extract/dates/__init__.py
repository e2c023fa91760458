"""Date expressions in text, read into `FuzzyDate` intervals.

    >>> [s.date.iso for s in find_dates("The group pledged allegiance in late 2020.")]
    ['2020']

Absolute and partial dates ("23 June 2015", "June 2015", "2015-06-23"), fuzzy ones ("late 2020",
"the summer of 2014", "the 1990s"), relative ones resolved against the latest date the document
gave ("four months later", "the following day"), ranges ("2015–2016", "from May to July 2014"),
open ends ("since 2014", "until 2019") and Hijri dates ("29 Shawwal 1435 AH", Umm al-Qura).
"""
from __future__ import annotations

import datetime as dt

from ...lang import LanguagePack
from .context import DateContext
from .span import DateSpan

__all__ = ["DateContext", "DateSpan", "find_dates"]


def find_dates(text: str, anchor: dt.date | None = None, pack: LanguagePack | None = None) -> list[DateSpan]:
    """Every date expression in a whole text, with one fresh `DateContext` (the month names of `pack`;
    the English pack's when none is given)."""
    return DateContext(anchor, pack).scan(text)
