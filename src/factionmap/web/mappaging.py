"""The map of a large store, filtered and paged in SQL: the groups with the most ties under the filters
(dates, relations, statuses, types, grade, region), or the neighbourhood of a focused group.

`mapdata.build_map` asks `page` first. When the selection has no more groups than the page's limit, no
focus is given and the store's opening view is no larger either, `page` answers None and the map is read
as before (every tie of the selection);
otherwise the ranking, the neighbourhood and the ties among the groups kept are read with a few
set-based queries, never the whole selection. The answer then says how many groups the selection
holds and how many are shown (`page` in the map's JSON), and its region list holds the regions of the
groups shown.
"""
from __future__ import annotations

import copy
import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Text, and_, cast, func, literal, or_, select
from sqlalchemy.orm import aliased

from ..graph import cited, degrees, group_spans, read, reviews
from ..model import Entity, Tie
from ..store import schema as t

MAP_LIMIT = 400  # groups drawn at most: a first view that opens in the browser in well under two seconds
MAX_LIMIT = 5000
_CHUNK = 5000


@dataclass
class Page:
    rows: list[Any]  # the ties drawn, by id: _edge_columns() of the ties table (no Tie objects: mapdata.edge_row)
    ends: dict[int, Entity]  # their ends (and the focus), without aliases
    verdicts: dict[int, str]  # tie id -> the verdict of its latest review, for the ties reviewed
    regions: dict[int, set[str]]
    groups: int  # groups in the whole selection (the focus's neighbourhood, with a focus)
    shown: int


def _edge_columns() -> list[Any]:
    """What the map's answer says of an edge (mapdata.edge_row), read from the ties table alone: its
    citation counts kept on the tie (graph.cited), its review's verdict by review_id."""
    c = t.ties.c
    return [c.id, c.subject_id, c.object_id, c.relation, c.status, c.grade, c.confidence, c.start_iso, c.end_iso,
            c.review_id, *[c[k] for k in cited.COLUMNS]]


def _period(q, relations=None, statuses=None) -> dict:
    min_grade = f"F{q.min_grade}" if q.min_grade and len(q.min_grade) == 1 else q.min_grade
    return dict(as_of=q.as_of, start=q.start, end=q.end, min_grade=min_grade, undated=q.keep_undated,
                relation=relations, status=statuses)


def _region_members(graph, q):
    """SQL: the entities in q.region (mapdata.regions_of: the places of operates_in ties in the period
    named so, by name, country or region, and the groups operating there); None without a region."""
    if not q.region:
        return None
    region = q.region.casefold()
    e = t.entities.c
    like = or_(func.lower(e.name) == region, func.lower(cast(e.attributes, Text)).contains(region, autoescape=True))
    with graph.engine.connect() as conn:
        places = [r["id"] for r in conn.execute(select(e.id, e.name, e.attributes).where(e.type == "PLACE", like))
                  .mappings()
                  if r["name"].casefold() == region
                  or any(str((r["attributes"] or {}).get(k, "")).casefold() == region for k in ("country", "region"))]
    placed = graph._ties_query(**_period(q, relations=["operates_in"])).with_only_columns(t.ties.c.subject_id, t.ties.c.object_id)
    placed = placed.where(t.ties.c.object_id.in_(places or [-1])).order_by(None).subquery()
    return select(placed.c.subject_id).union(select(placed.c.object_id))


def _selection(graph, q, rels, members):
    """SQL condition on ties: what chosen_ties keeps (mapdata._select), the focus aside."""
    cond = graph._ties_query(**_period(q, sorted(rels) if rels else None, q.statuses)).whereclause
    s, o = aliased(t.entities), aliased(t.entities)
    types = list(q.types)
    conds = [cond, t.ties.c.subject_id.in_(select(s.c.id).where(s.c.type.in_(types))),
             t.ties.c.object_id.in_(select(o.c.id).where(o.c.type.in_(types)))]
    if members is not None:
        conds.append(or_(t.ties.c.subject_id.in_(members), t.ties.c.object_id.in_(members)))
    return and_(*conds)


def _ranked(conn, cond, limit: int, within: list[int] | None = None) -> tuple[list[int], int]:
    """The `limit` entities with the most ties under `cond` (ties, then id, decide), and how many there are.

    On PostgreSQL the chosen ties are read once, each row giving both its ends (`unnest(ARRAY[...])`);
    elsewhere twice, once per end. Both count a tie once for each of its ends."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import array

        either = select(func.unnest(array([t.ties.c.subject_id, t.ties.c.object_id])).label("e")).where(cond) \
            .subquery("either")
    else:
        ends = select(t.ties.c.subject_id.label("a"), t.ties.c.object_id.label("b")).where(cond).cte("chosen")
        either = select(ends.c.a.label("e")).union_all(select(ends.c.b.label("e"))).subquery("either")
    n = func.count().label("n")
    query = select(either.c.e, n, func.count().over().label("total")).group_by(either.c.e)
    if within is not None:
        query = query.where(read.ids_in(conn, either.c.e, within))
    rows = conn.execute(query.order_by(n.desc(), either.c.e).limit(limit)).all()
    return [r[0] for r in rows], (rows[0][2] if rows else 0)


def _ends(conn, cond, sign: int) -> list[Any]:
    """SELECTs of e, n: each end of the ties under `cond`, n = sign (a tie counts once for each end)."""
    c = t.ties.c
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import array

        return [select(func.unnest(array([c.subject_id, c.object_id])).label("e"), literal(sign).label("n")).where(cond)]
    return [select(end.label("e"), literal(sign).label("n")).where(cond) for end in (c.subject_id, c.object_id)]


def _corrected(conn, graph, q, rels, cond, near, near_floor: float | None, limit: int) -> tuple[list[int], int]:
    """`_ranked` of a view `group_spans` does not answer as it stands, a day that is not a 1 January, a period
    or a floor that is not a tenth: the counts of its nearest view (group_spans.nearest: that year's
    1 January, the period's whole years, the next tenth) plus the ties of the band between the two
    (group_spans.band) this view keeps, less those the nearest keeps (its rows' conditions on each tie's
    keys: group_spans.keyed). The band is a few days' or part of a tenth's ties, not the whole selection; the
    ties between two floors are read once, as the view with the lower floor keeps them and the other not."""
    parts = group_spans.counts(near, rels, near_floor)
    floor = getattr(graph, "min_confidence", None)
    dates, tops = group_spans.band(q, floor, near, near_floor)
    lower = tops is not None and near_floor is not None and floor is not None and floor < near_floor
    gained = [x for x in (dates, tops if lower else None) if x is not None]  # this view may keep, the nearest not
    lost = [x for x in (dates, None if lower else tops) if x is not None]  # the nearest may keep, this view not
    if gained:
        parts += _ends(conn, and_(or_(*gained), cond), 1)
    if lost:
        other = copy.copy(graph)
        other.min_confidence = near_floor
        undated = dataclasses.replace(near, as_of=None, start=None, end=None, undated=True)  # its dates: keyed
        parts += _ends(conn, and_(or_(*lost), _selection(other, undated, rels, None), group_spans.keyed(near)), -1)
    return group_spans.rank(conn, parts, limit)


def opening(graph, q, rels: set[str] | None) -> bool:
    """Whether these filters are the map's opening view, whose ranking graph.degrees keeps: groups,
    supported and contested ties of every relation and date, no grade, region or confidence floor."""
    return (rels is None and q.as_of is None and q.start is None and q.end is None and not q.min_grade
            and not q.region and not getattr(graph, "min_confidence", None)
            and sorted(q.statuses) == sorted(degrees.MAP_STATUSES) and sorted(q.types) == sorted(degrees.MAP_TYPES))


def _near(conn, cond, focus: int, depth: int) -> set[int]:
    """Entities within `depth` ties of the focus under `cond` (mapdata._neighbourhood, in SQL)."""
    near, frontier = {focus}, {focus}
    c = t.ties.c
    for _ in range(max(1, depth)):
        step: set[int] = set()
        ordered = sorted(frontier)
        for i in range(0, len(ordered), _CHUNK):
            chunk = ordered[i:i + _CHUNK]
            for a, b in conn.execute(select(c.subject_id, c.object_id)
                                     .where(cond, or_(c.subject_id.in_(chunk), c.object_id.in_(chunk)))):
                step.update((a, b))
        frontier = step - near
        near |= step
        if not frontier:
            break
    return near


def _large(conn, limit: int) -> bool:
    """Whether the store's opening view has more groups than a page: then a small selection is read as a
    page holding all its groups too (its ties among them, and their regions only), not by the plain path,
    which reads every operates_in tie of the store for the regions (14 s at 750,000 ties)."""
    return degrees.ranked(conn, 1)[1] > limit


def page(graph, q, rels: set[str] | None, limit: int | None = None) -> Page | None:
    """The map's ties read page-wise (see the module's docstring), or None: read the whole selection."""
    limit = limit or MAP_LIMIT
    if rels == set() or not q.statuses or not q.types:
        return None  # selects nothing: the plain path answers at once
    members = _region_members(graph, q)
    cond = _selection(graph, q, rels, members)
    with graph.engine.connect() as conn:
        if q.focus is None and opening(graph, q, rels):  # kept with the ties: an index scan
            kept, groups = degrees.ranked(conn, limit)
            if groups <= limit:
                return None
        elif degrees.counted(q, getattr(graph, "min_confidence", None)):  # by relation and status alone:
            kept, groups = degrees.ranked_groups(conn, rels, q.statuses, limit)  # kept with the ties, per group
            if groups <= limit and not _large(conn, limit):
                return None
        elif group_spans.answers(q, getattr(graph, "min_confidence", None)):  # a 1 January, a floor in tenths:
            kept, groups = group_spans.ranked(conn, q, rels, getattr(graph, "min_confidence", None), limit)  # kept too
            if groups <= limit and not _large(conn, limit):
                return None
        elif (near := group_spans.nearest(q, getattr(graph, "min_confidence", None))) is not None:
            kept, groups = _corrected(conn, graph, q, rels, cond, *near, limit)  # another day or floor: kept,
            if groups <= limit and not _large(conn, limit):  # corrected by the few ties between the two
                return None
        elif q.focus is None:
            kept, groups = _ranked(conn, cond, limit)
            if groups <= limit and not _large(conn, limit):
                return None
        else:
            near = _near(conn, cond, q.focus, q.depth)
            groups = len(near)
            kept = sorted(near)
            if groups > limit:
                kept = [q.focus] + [e for e in _ranked(conn, cond, limit, within=kept)[0] if e != q.focus][:limit - 1]
        ids = sorted(set(kept))
        query = graph._ties_query(**_period(q, sorted(rels) if rels else None, q.statuses), among=ids)
        if q.focus is not None or members is not None:  # else every group kept has a type chosen: no need to ask
            query = query.where(cond)
        rows = sorted(conn.execute(query.with_only_columns(*_edge_columns()).order_by(None)).mappings(),
                      key=lambda r: r["id"])
        verdicts = {tid: s["verdict"] for tid, s in reviews.summaries(conn, rows).items()}
        nodes = {x for r in rows for x in (r["subject_id"], r["object_id"])} | ({q.focus} if q.focus else set())
        ends = read.entities(conn, nodes, aliases=False)
        regions = _regions(conn, graph._ties_query(**_period(q, relations=["operates_in"])), ids)
    return Page(rows, ends, verdicts, regions, groups, len(nodes))


def _regions(conn, placed, ids: list[int]) -> dict[int, set[str]]:
    """regions_of the operates_in ties (`placed`: their query) of these entities, read as pairs of ids
    and the places once each, without making a Tie of each."""
    pairs: list[tuple[int, int]] = []
    for i in range(0, len(ids), _CHUNK):
        query = placed.with_only_columns(t.ties.c.subject_id, t.ties.c.object_id)
        pairs += [(a, b) for a, b in conn.execute(query.where(read.ids_in(conn, t.ties.c.subject_id, ids[i:i + _CHUNK])))]
    out: dict[int, set[str]] = defaultdict(set)
    e = t.entities.c
    places = sorted({b for _, b in pairs})
    for i in range(0, len(places), _CHUNK):  # each place's name, country and region: no Entity made
        for pid, name, attributes in conn.execute(select(e.id, e.name, e.attributes)
                                                  .where(read.ids_in(conn, e.id, places[i:i + _CHUNK]))):
            attrs = attributes or {}
            out[pid] = {name, *(str(attrs[k]) for k in ("country", "region") if attrs.get(k))}
    for a, b in pairs:
        out[a] |= out[b]
    return out


def regions_of(ties: list[Tie]) -> dict[int, set[str]]:
    """Where each entity operates: the places of its operates_in ties, with their country and region."""
    out: dict[int, set[str]] = defaultdict(set)
    for tie in ties:
        if tie.relation != "operates_in":
            continue
        place = tie.object
        names = {place.name, *(str(place.attributes.get(k)) for k in ("country", "region") if place.attributes.get(k))}
        out[tie.subject.id].update(names)
    for entity in {tie.object.id: tie.object for tie in ties if tie.relation == "operates_in"}.values():
        out[entity.id].update(str(entity.attributes.get(k)) for k in ("country", "region") if entity.attributes.get(k))
        out[entity.id].add(entity.name)
    return out
