"""Query parameters shared by the map page, the ties table, the geography view and their JSON twins.

Every bad value is refused with a 400 and a one-line message naming the parameter: a date that is not
YYYY, YYYY-MM or YYYY-MM-DD, a reversed or out-of-range period, an unknown relation, status, type,
grade or focus id. An empty list (`relation=`) selects nothing; an absent one selects the default.
"""
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


def bad(message: str) -> HTTPException:
    return HTTPException(400, message)


def fuzzy(value: str | None, name: str) -> FuzzyDate | None:
    """'2015' / '2015-06' / '2015-06-23' as the interval it names; None for no value."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    try:
        if not _ISO.fullmatch(value):
            raise ValueError(value)
        date = FuzzyDate.from_iso(value)
    except ValueError:
        raise bad(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)") from None
    if date.earliest.year < 1000:
        raise bad(f"{name}: {value!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return date


def day(value: str | None, name: str, *, last: bool = False) -> dt.date | None:
    """The first (or, with last, the last) day a partial ISO date covers."""
    date = fuzzy(value, name)
    if date is None:
        return None
    return date.latest if last else date.earliest


def listing(value: str | None, name: str, allowed: tuple[str, ...] | None = None) -> list[str] | None:
    """A comma-separated list (None when absent, [] when given empty); each item one of `allowed`."""
    if value is None:
        return None
    items = [v.strip() for v in value.split(",") if v.strip()]
    if allowed is not None:
        unknown = [v for v in items if v not in allowed]
        if unknown:
            raise bad(f"{name}: unknown {', '.join(unknown)}; known: {', '.join(allowed)}")
    return items


def entity_id(value: str | None, name: str) -> int | None:
    if value is None or not value.strip():
        return None
    if not value.strip().isdigit():
        raise bad(f"{name}: {value!r} is not an entity id (a number, as in /entities/12)")
    return int(value)


def page_limit(value: str | int | None) -> int | None:
    """The map's `limit`: how many groups to draw at most (1 to mappaging.MAX_LIMIT); None: the default."""
    from .mappaging import MAX_LIMIT

    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise bad(f"limit: {value!r} is not a number of groups from 1 to {MAX_LIMIT}")
    return int(text)


def flag(value: str | None, name: str) -> bool | None:
    if value is None or value == "":
        return None
    low = value.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise bad(f"{name}: {value!r} is not a yes/no value (use 1 or 0)")


def map_query(*, as_of: str | None, start: str | None, end: str | None, relation: str | None,
              status: str | None, type: str | None, min_grade: str | None, region: str | None,
              focus: str | int | None, depth: str | int | None = 1, lineage: str | bool | None = None,
              undated: str | bool | None = None, limit: str | int | None = None) -> MapQuery:
    if min_grade and not re.fullmatch(r"[A-Fa-f]?[1-6]", min_grade.strip()):
        raise bad(f"min_grade: {min_grade!r} is not a grade (e.g. 3 or B3: credibility 1-3)")
    first, last = day(start, "from"), day(end, "to", last=True)
    if first and last and first > last:
        raise bad(f"from {start} is after to {end}: the period is reversed")
    if as_of and (start or end):
        raise bad("as_of cannot be combined with from/to: give a date, or a period")
    depth_value = str(depth if depth is not None else 1).strip()
    if not depth_value.isdigit() or not 1 <= int(depth_value) <= 3:
        raise bad(f"depth: {depth!r} is not 1, 2 or 3")
    rels = listing(relation, "relation", tuple(RELATIONS))
    return MapQuery(
        limit=page_limit(limit),
        as_of=day(as_of, "as_of"),
        as_of_text=as_of.strip() if as_of else None,
        start=first,
        end=last,
        relations=rels,
        statuses=listing(status, "status", STATUSES) if status is not None else list(DEFAULT_STATUSES),
        types=listing(type, "type", TYPES) if type is not None else list(DEFAULT_TYPES),
        min_grade=min_grade.strip().upper() if min_grade else None,
        region=region or None,
        focus=entity_id(focus, "focus") if not isinstance(focus, int) else focus,
        depth=int(depth_value),
        lineage=bool(flag(lineage, "lineage")) if not isinstance(lineage, bool) else lineage,
        undated=flag(undated, "undated") if not isinstance(undated, bool) else undated,
    )
