"""Time: when a tie holds. Valid time comes from the evidence; an open tie ends when a later one
supersedes it.

A tie with a start and no stated end is ongoing until a later tie between the same two entities
starts that cannot hold at the same time (a rivalry ends when a merger or alliance starts; an
alliance ends when fighting starts; membership ends with a split), or, for leadership, until the
next leader of the same organisation takes over.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, MutableMapping

from sqlalchemy import ColumnElement, and_, or_

from .. import relations
from ..store import schema as t

# A later tie of the key's relation ends an open earlier tie of these relations between the same pair.
ENDS: dict[str, frozenset[str]] = relations.ENDS  # what a later tie of a relation ends: relations.py

Key = tuple[int, str, int]
DateArg = str | dt.date  # an ISO day, month or year, or a date (or datetime)


def supersede(values: MutableMapping[Key, dict[str, Any]]) -> dict[Key, Key]:
    """Give open ties the start of the tie that ends them; returns {ended tie: the tie ending it}.

    `values` maps (subject, relation, object) to a tie's column values (start_*/end_* as in the
    ties table); ends are filled in place, with end_text saying what ended the tie.
    """
    by_pair: dict[frozenset[int], list[Key]] = defaultdict(list)
    leaders: dict[int, list[Key]] = defaultdict(list)
    for key in values:
        by_pair[frozenset((key[0], key[2]))].append(key)
        if key[1] == "leader_of":
            leaders[key[2]].append(key)
    ended: dict[Key, Key] = {}
    for keys in by_pair.values():
        for key in keys:
            later = [k for k in keys if k[1] in ENDS and key[1] in ENDS[k[1]]]
            _end_by_first_later(values, key, later, ended)
    for keys in leaders.values():
        for key in keys:
            _end_by_first_later(values, key, [k for k in keys if k != key], ended)
    return ended


def _end_by_first_later(values: MutableMapping[Key, dict[str, Any]], key: Key, candidates: list[Key], ended: dict[Key, Key]) -> None:
    row = values[key]
    if row["end_iso"] or not row["start_iso"] or row["status"] == "denied":
        return
    later = [
        k for k in candidates
        if values[k]["start_iso"] and values[k]["status"] != "denied"
        and values[k]["start_earliest"] > row["start_latest"]
    ]
    if not later:
        return
    first = min(later, key=lambda k: (values[k]["start_earliest"], k))  # the key: the same choice every time
    nxt = values[first]
    row.update(end_iso=nxt["start_iso"], end_earliest=nxt["start_earliest"], end_latest=nxt["start_latest"],
               end_text=f"until {first[1]} ({nxt['start_iso']})")
    ended[key] = first


def holds_at(date: str, undated: bool = False) -> ColumnElement[bool]:
    """SQL condition: the tie holds on this ISO date (the fuzzy bounds are read generously)."""
    cond = and_(
        or_(t.ties.c.start_earliest.is_(None), t.ties.c.start_earliest <= date),
        or_(t.ties.c.end_latest.is_(None), t.ties.c.end_latest >= date),
        *within_lives(date, date),
    )
    if not undated:
        cond = and_(cond, or_(t.ties.c.start_earliest.is_not(None), t.ties.c.end_latest.is_not(None)))
    return cond


def overlaps(start: str | None, end: str | None, undated: bool = False) -> ColumnElement[bool] | None:
    """SQL condition: the tie holds at some time between start and end (either may be open)."""
    conds = list(within_lives(start, end))
    if end:
        conds.append(or_(t.ties.c.start_earliest.is_(None), t.ties.c.start_earliest <= end))
    if start:
        conds.append(or_(t.ties.c.end_latest.is_(None), t.ties.c.end_latest >= start))
    if not undated:
        conds.append(or_(t.ties.c.start_earliest.is_not(None), t.ties.c.end_latest.is_not(None)))
    return and_(*conds) if conds else None


def within_lives(start: str | None, end: str | None) -> list[ColumnElement[bool]]:
    """SQL conditions: both ends of the tie exist at some time between start and end (lifespans)."""
    conds: list[ColumnElement[bool]] = []
    if end:
        conds.append(or_(t.ties.c.life_from.is_(None), t.ties.c.life_from <= end))
    if start:
        conds.append(or_(t.ties.c.life_until.is_(None), t.ties.c.life_until >= start))
    return conds


def iso_day(value: object, *, last: bool = False) -> str:
    """A date, datetime or partial ISO string as a full ISO day ('2015' -> 2015-01-01, or -12-31 if last)."""
    from ..model import FuzzyDate

    if hasattr(value, "isoformat") and not isinstance(value, str):
        return str(value.isoformat())[:10]
    text = str(value).strip()
    try:
        date = FuzzyDate.from_iso(text)
    except (ValueError, TypeError):
        raise ValueError(f"date {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from None
    return (date.latest if last else date.earliest).isoformat()
