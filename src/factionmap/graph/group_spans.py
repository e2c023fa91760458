"""Each group's ties among groups by period and confidence, kept in `group_spans` with the ties.

`group_ties` (graph.degrees) ranks the map's groups under relations and statuses, but cannot answer a
view with a date (`as_of`) or a confidence floor (`serve --min-confidence`): those read every chosen tie
to rank and count the groups. This table splits the same counts further, per entity, relation and
status, by:

- `decile`: how many tenths the tie's `top_confidence` reaches (k when top >= k/10 and not (k+1)/10;
  -1 when an assertion of it no model scored, which every floor keeps): a floor of k/10 keeps the rows
  with decile -1 or at least k;
- `dated`: 1 when the tie has a start or an end (a dated view leaves the others out, unless asked);
- `since`, `until`: the years whose 1 January the tie holds on (graph.timeline.holds_at, lifespans
  included): it holds on 1 January of Y exactly when since <= Y < until (since -1: no lower bound;
  until 10000: no upper bound; a tie that holds on no 1 January has since >= until).

So a view whose date is a 1 January (`as_of=2010` is 2010-01-01) and whose floor is a multiple of 0.1 is
a sum over rows, exactly what the read of its ties would count. Kept by `degrees.refresh` (aggregate's and
setwise's writes of ties), and by migration 0023 for a store made before it. Another day, a period or a
floor that is not a tenth is its nearest such view corrected by the few ties between the two (`nearest`,
`band`, `keyed`: mappaging._corrected); a grade, a region or a focus still read the chosen ties
(mappaging._ranked).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import math
from typing import Any, Iterable

from sqlalchemy import and_, case, func, literal, or_, select, true, union_all
from sqlalchemy.engine import Connection

from ..store import schema as t
from . import timeline
from .recount import MAP_STATUSES, MAP_TYPES, group_ends, recount

NO_START = -1  # `since` of a tie with no lower bound
NO_END = 10000  # `until` of a tie with no upper bound
UNSCORED = -1  # `decile` of a tie whose top_confidence is NULL
COLUMNS = ["entity_id", "relation", "status", "decile", "dated", "since", "until", "ties"]


def _later(a: Any, b: Any) -> Any:
    """The later of two ISO days, either of which may be NULL (then the other)."""
    return case((a.is_(None), b), (b.is_(None), a), (b > a, b), else_=a)


def _earlier(a: Any, b: Any) -> Any:
    return case((a.is_(None), b), (b.is_(None), a), (b < a, b), else_=a)


def _year(day: Any) -> Any:
    from sqlalchemy import Integer, cast

    return cast(func.substr(day, 1, 4), Integer)


def _keys() -> list[Any]:
    """SQL over `ties`: decile, dated, since and until of each tie (see the module's docstring)."""
    c = t.ties.c
    top = c.top_confidence
    decile = case((top.is_(None), literal(UNSCORED)),
                  *[(top >= k / 10, literal(k)) for k in range(10, 0, -1)], else_=literal(0))
    dated = case((or_(c.start_earliest.is_not(None), c.end_latest.is_not(None)), literal(1)), else_=literal(0))
    lo, hi = _later(c.start_earliest, c.life_from), _earlier(c.end_latest, c.life_until)
    since = case((lo.is_(None), literal(NO_START)), (lo == func.substr(lo, 1, 4) + "-01-01", _year(lo)),
                 else_=_year(lo) + 1)
    until = case((hi.is_(None), literal(NO_END)), else_=_year(hi) + 1)
    return [decile.label("decile"), dated.label("dated"), since.label("since"), until.label("until")]


def rows(ids: list[int] | None) -> Any:
    """SELECT: `group_spans`' rows of these entities (None: every one), from their ties as stored now."""
    both = group_ends(ids, *_keys())
    keys = [both.c.e, both.c.relation, both.c.status, both.c.decile, both.c.dated, both.c.since, both.c.until]
    return select(*keys, func.count()).group_by(*keys)


def refresh(conn: Connection, entity_ids: Iterable[int] | None) -> None:
    """Recount `group_spans` of these entities (None: every entity) from their ties as stored now."""
    ids = None if entity_ids is None else sorted(set(entity_ids))
    recount(conn, t.group_spans, COLUMNS, rows, ids)


def floor_decile(min_confidence: float | None) -> int | None:
    """The decile a confidence floor keeps from (0 without a floor); None when the floor is not a tenth."""
    if not min_confidence:
        return 0
    k = round(min_confidence * 10)
    return k if 0 <= k <= 10 and k / 10 == min_confidence else None


def _shape(q: Any) -> bool:
    """Groups only, no focus, region or grade: what the table's keys can answer, dates and floors aside."""
    return q.focus is None and not q.min_grade and not q.region and sorted(q.types) == sorted(MAP_TYPES)


def answers(q: Any, min_confidence: float | None) -> bool:
    """Whether `group_spans` ranks this map view's groups: groups only, no focus, region, grade or period,
    a date only on a 1 January, a floor only a multiple of 0.1."""
    return (_shape(q) and q.start is None and q.end is None and floor_decile(min_confidence) is not None
            and (q.as_of is None or timeline.iso_day(q.as_of).endswith("-01-01")))


def nearest(q: Any, min_confidence: float | None) -> tuple[Any, float | None] | None:
    """The view `group_spans` answers nearest to this one, and its floor: the date moved back to the 1 January
    of its year, the floor up to the next tenth, a period's bounds moved to the 1 January of their years
    (`counts` reads its years: the ties that hold on a day from the first year's 1 January to the last's).
    None when the view differs in more than its date, period and floor.

    The two views keep the same ties but for those `band` selects (a start, end or lifespan bound between that
    1 January and the date or a period's bound; a top confidence between the floor and the next tenth;
    a start given as a year, on a 1 January, is never in it), so this view's counts are the nearest view's corrected by a read of those
    ties alone (mappaging.page)."""
    if not _shape(q) or (min_confidence is not None and not 0 <= min_confidence <= 1):
        return None
    floor = min_confidence or None
    if floor is not None and floor_decile(floor) is None:  # the nearer tenth: the narrower band
        k = math.floor(floor * 10)
        below, above = k / 10, (k + 1) / 10 if (k + 1) / 10 >= floor else (k + 2) / 10
        floor = below if floor - below < above - floor and below <= floor else above
    near = q
    if q.as_of is not None and not timeline.iso_day(q.as_of).endswith("-01-01"):
        near = dataclasses.replace(q, as_of=dt.date(int(timeline.iso_day(q.as_of)[:4]), 1, 1))
    return near, floor


def band(q: Any, min_confidence: float | None, near: Any, near_floor: float | None) -> tuple[Any, Any]:
    """SQL over `ties`: the ties the view (q, min_confidence) and its nearest (`nearest`) may disagree on, as
    two conditions (None: no such tie), by their dates and by their top confidence. A tie holds on the date
    and not on its year's 1 January, or the reverse, only if one of its bounds lies between them; it passes
    one floor and not the other only if its top confidence lies between them (and then only the view with
    the lower floor keeps it)."""
    c = t.ties.c
    conds: list[Any] = []
    lows, highs = (c.start_earliest, c.life_from), (c.end_latest, c.life_until)  # a tie's later start, earlier end
    if q.as_of is not None and near.as_of != q.as_of:  # starts after the 1 January by the day, or ends from it
        jan1, day = timeline.iso_day(near.as_of), timeline.iso_day(q.as_of)  # before the day
        conds += [and_(col > jan1, col <= day) for col in lows] + [and_(col >= jan1, col < day) for col in highs]
    elif q.as_of is None and q.end is not None:  # starts after the 1 January of the last year, by the last day
        last = timeline.iso_day(q.end, last=True)
        conds += [and_(col > last[:4] + "-01-01", col <= last) for col in lows]
    if q.as_of is None and q.start is not None:  # ends from the 1 January of the first year, before the first day
        first = timeline.iso_day(q.start)
        conds += [and_(col >= first[:4] + "-01-01", col < first) for col in highs]
    tops = None
    if (min_confidence or None) != near_floor and min_confidence is not None and near_floor is not None:
        low, high = sorted((min_confidence, near_floor))
        tops = and_(c.top_confidence >= low, c.top_confidence < high)
    return (or_(*conds) if conds else None), tops


def counts(q: Any, relations: Iterable[str] | None, min_confidence: float | None) -> list[Any]:
    """SELECTs of e, n: each group's ties in the view (only where `answers` says so); a group may come on
    several rows, and a row's n may be negative (`rank` sums them)."""
    g = t.group_spans.c
    conds: list[Any] = [g.status.in_(list(q.statuses))]
    if relations is not None:
        conds.append(g.relation.in_(sorted(relations)))
    k = floor_decile(min_confidence)
    if k and not q.dated:  # a floor alone: every tie of the view less those below the floor
        return _above(q.statuses, relations, conds + [g.decile >= 0, g.decile < k])
    if k:
        conds.append(or_(g.decile == UNSCORED, g.decile >= k))
    conds += _years(q, g.since, g.until, g.dated)
    return [select(g.entity_id.label("e"), g.ties.label("n")).where(*conds)]


def _years(q: Any, since: Any, until: Any, dated: Any) -> list[Any]:
    """Conditions on since, until and dated: the view's date (its year's 1 January) or period (whole years)."""
    conds: list[Any] = []
    if q.as_of is not None:
        year = int(timeline.iso_day(q.as_of)[:4])
        conds += [since <= year, until > year]
    else:
        if q.end is not None:  # starts by the 1 January of the last year
            conds.append(since <= int(timeline.iso_day(q.end, last=True)[:4]))
        if q.start is not None:  # ends in the first year or later
            conds.append(until > int(timeline.iso_day(q.start)[:4]))
    if q.dated and not q.keep_undated:
        conds.append(dated == 1)
    return conds


def keyed(q: Any) -> Any:
    """SQL over `ties`: the date or period conditions `counts` applies to this view's rows, on each tie's keys
    (what the view nearest to another keeps of its band: mappaging._corrected)."""
    keys = {k.name: k.element for k in _keys()}
    return and_(true(), *_years(q, keys["since"], keys["until"], keys["dated"]))


def rank(conn: Connection, parts: list[Any], limit: int) -> tuple[list[int], int]:
    """The `limit` groups whose rows of `parts` (SELECTs of e, n) sum the highest (then the smaller id),
    and how many groups sum above 0."""
    chosen: Any = union_all(*parts) if len(parts) > 1 else parts[0]
    both = chosen.subquery("both")
    n = func.sum(both.c.n).label("n")
    query = select(both.c.e, n, func.count().over()).group_by(both.c.e).having(func.sum(both.c.n) > 0)
    found = conn.execute(query.order_by(n.desc(), both.c.e).limit(limit)).all()
    return [r[0] for r in found], (int(found[0][2]) if found else 0)


def ranked(conn: Connection, q: Any, relations: Iterable[str] | None, min_confidence: float | None,
           limit: int) -> tuple[list[int], int]:
    """The `limit` groups with the most ties of the view (then the smaller id), and how many groups have
    one: summed from `group_spans` (only where `answers` says so)."""
    return rank(conn, counts(q, relations, min_confidence), limit)


def _above(statuses: Iterable[str], relations: Iterable[str] | None, below: list[Any]) -> list[Any]:
    """`counts` of a view with a floor and no date: each group's ties in the view (entity_degrees' map_ties
    for the opening statuses and every relation, else group_ties) less its rows of group_spans under
    `below` (the deciles under the floor, read from the index that leads with the decile). A floor
    leaves out the few weak ties, so this reads far fewer rows than summing those it keeps."""
    g, d, gt = t.group_spans.c, t.entity_degrees.c, t.group_ties.c
    if relations is None and sorted(statuses) == sorted(MAP_STATUSES):
        every = select(d.entity_id.label("e"), d.map_ties.label("n")).where(d.map_ties > 0)
    else:
        every = select(gt.entity_id.label("e"), gt.ties.label("n")).where(gt.status.in_(list(statuses)))
        if relations is not None:
            every = every.where(gt.relation.in_(sorted(relations)))
    return [every, select(g.entity_id.label("e"), (-g.ties).label("n")).where(*below)]
