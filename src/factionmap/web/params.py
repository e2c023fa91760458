"""Query parameters shared by the map page and its JSON twin: dates, lists, the map's filters."""
from __future__ import annotations

import datetime as dt
import re

from fastapi import HTTPException

from ..model import FuzzyDate
from ..relations import RELATIONS
from .mapdata import DEFAULT_STATUSES, DEFAULT_TYPES, MapQuery

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
STATUSES = ("supported", "contested", "denied")
TYPES = ("ORG", "PERSON", "PLACE")


def day(value: str | None, name: str, *, last: bool = False) -> dt.date | None:
    """'2015' / '2015-06' / '2015-06-23' -> the first (or, with last, the last) day it covers."""
    if not value:
        return None
    value = value.strip()
    try:
        if not _ISO.fullmatch(value):
            raise ValueError(value)
        fuzzy = FuzzyDate.from_iso(value)
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return fuzzy.latest if last else fuzzy.earliest


def listing(value: str | None, name: str, allowed: tuple[str, ...] | None = None) -> list[str]:
    """A comma-separated list; every item must be one of `allowed` when given."""
    items = [v.strip() for v in (value or "").split(",") if v.strip()]
    if allowed is not None:
        bad = [v for v in items if v not in allowed]
        if bad:
            raise HTTPException(422, f"{name}: unknown {', '.join(bad)}; known: {', '.join(allowed)}")
    return items


def map_query(*, as_of: str | None, start: str | None, end: str | None, relation: str | None,
              status: str | None, type: str | None, min_grade: str | None, region: str | None,
              focus: int | None, depth: int, lineage: bool, undated: bool = True) -> MapQuery:
    if min_grade and not re.fullmatch(r"[A-Fa-f]?[1-6]", min_grade):
        raise HTTPException(422, f"min_grade: {min_grade!r} is not a grade (e.g. 3 or B3: credibility 1-3)")
    return MapQuery(
        as_of=day(as_of, "as_of"),
        start=day(start, "start"),
        end=day(end, "end", last=True),
        relations=listing(relation, "relation", tuple(RELATIONS)),
        statuses=listing(status, "status", STATUSES) or list(DEFAULT_STATUSES),
        types=listing(type, "type", TYPES) or list(DEFAULT_TYPES),
        min_grade=min_grade or None,
        region=region or None,
        focus=focus,
        depth=max(1, min(depth, 3)),
        lineage=lineage,
        undated=undated,
    )
