"""Each entity's degree and the date bounds of its ties, kept in `entity_degrees` with the ties.

The map's opening view (no filter: groups, every relation and date, supported and contested ties)
draws the groups with the most ties, and its time slider spans the first to the last day the store
names. Read from the ties, both scan the whole table (about 1.5 s at 750,000 ties), on every first
request after a write. So every write of ties keeps this table too: `aggregate.refresh` for the
entities it touched (and the other ends of their ties, before and after), `setwise.refresh_all` for the
whole store, migration 0017 for a store made before it. An entity has a row while it is an end of a
tie; `map_ties` counts the ties of the opening view, which `mappaging` ranks by with an index scan.
`group_ties` keeps, per entity, relation and status, its ties whose ends are both groups (not rejected,
any date): a view filtered by relations and statuses alone ranks its groups and counts them from it
(about a third of the rows of one read of the chosen ties, and no join), kept by the same writers.
`entity_relations` keeps, per entity, relation and status, all its ties not rejected: a profile counts a
hub's ties per relation from it (`relation_counts`), kept by the same writers (migration 0025).
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import and_, case, func, select, union_all
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ..store import schema as t
from . import group_spans, reviews
from .recount import MAP_STATUSES, MAP_TYPES, group_ends, recount as _recount

LOWS = ("start_earliest", "end_earliest", "life_from")
HIGHS = ("start_latest", "end_latest", "life_until")


def map_condition() -> Any:
    """SQL over `ties`: the tie is drawn by the map's opening view (not rejected, supported or
    contested, both ends groups), whatever its relation or dates."""
    s, o = aliased(t.entities), aliased(t.entities)
    return and_(reviews.visible(), t.ties.c.status.in_(MAP_STATUSES),
                t.ties.c.subject_id.in_(select(s.c.id).where(s.c.type.in_(MAP_TYPES))),
                t.ties.c.object_id.in_(select(o.c.id).where(o.c.type.in_(MAP_TYPES))))


def _rows(ids: list[int] | None) -> Any:
    """SELECT: one row per entity among `ids` (None: every one) that is an end of a tie."""
    c = t.ties.c
    drawn = case((map_condition(), 1), else_=0)
    sides = []
    for end in (c.subject_id, c.object_id):
        side = select(end.label("e"), drawn.label("drawn"), *[c[k] for k in LOWS + HIGHS])
        sides.append(side if ids is None else side.where(end.in_(ids)))
    both = union_all(*sides).subquery("ends")
    return select(both.c.e, func.count(), func.sum(both.c.drawn),
                  *[func.min(both.c[k]) for k in LOWS], *[func.max(both.c[k]) for k in HIGHS]).group_by(both.c.e)


def _group_rows(ids: list[int] | None) -> Any:
    """SELECT: per entity among `ids` (None: every one), relation and status, how many ties of that
    relation and status it is an end of with both ends groups, not rejected (any date)."""
    both = group_ends(ids)
    return select(both.c.e, both.c.relation, both.c.status, func.count()) \
        .group_by(both.c.e, both.c.relation, both.c.status)


def _relation_rows(ids: list[int] | None) -> Any:
    """SELECT: per entity among `ids` (None: every one), relation and status, how many ties of that relation
    and status it is an end of, not rejected; a tie of an entity with itself once (as Graph.entity_sides)."""
    c = t.ties.c
    sides = []
    for end, only in ((c.subject_id, None), (c.object_id, c.subject_id != c.object_id)):
        side = select(end.label("e"), c.relation, c.status).where(reviews.visible())
        side = side if only is None else side.where(only)
        sides.append(side if ids is None else side.where(end.in_(ids)))
    both = union_all(*sides).subquery("ends")
    return select(both.c.e, both.c.relation, both.c.status, func.count()) \
        .group_by(both.c.e, both.c.relation, both.c.status)


def refresh(conn: Connection, entity_ids: Iterable[int] | None, *, groups: bool = True) -> None:
    """Recount these entities (None: every entity) from their ties as stored now: their degrees, their
    ties among groups per relation and status (refresh_groups) and by period and confidence (group_spans),
    and all their ties per relation and status (refresh_relations; `groups=False`: none of these three, a
    store before migration 0022)."""
    ids = None if entity_ids is None else sorted(set(entity_ids))
    _recount(conn, t.entity_degrees, ["entity_id", "ties", "map_ties", *LOWS, *HIGHS], _rows, ids)
    if groups:
        refresh_groups(conn, ids)
        group_spans.refresh(conn, ids)
        refresh_relations(conn, ids)


def refresh_relations(conn: Connection, entity_ids: Iterable[int] | None) -> None:
    """Recount `entity_relations` of these entities (None: every entity) from their ties as stored now."""
    ids = None if entity_ids is None else sorted(set(entity_ids))
    _recount(conn, t.entity_relations, ["entity_id", "relation", "status", "ties"], _relation_rows, ids)


def relation_counts(conn: Connection, entity_id: int, relations: Iterable[str] | None,
                    statuses: Iterable[str] | None) -> dict[str, int]:
    """How many of the entity's ties (not rejected) each relation has, under these relations and statuses
    (None: every one), read from `entity_relations`: a few rows, where the ties of a hub are thousands."""
    r = t.entity_relations.c
    n = func.sum(r.ties)
    query = select(r.relation, n).where(r.entity_id == entity_id).group_by(r.relation)
    if relations is not None:
        query = query.where(r.relation.in_(sorted(relations)))
    if statuses is not None:
        query = query.where(r.status.in_(sorted(statuses)))
    return {relation: int(count) for relation, count in conn.execute(query) if count}


def refresh_groups(conn: Connection, entity_ids: Iterable[int] | None) -> None:
    """Recount `group_ties` of these entities (None: every entity) from their ties as stored now."""
    ids = None if entity_ids is None else sorted(set(entity_ids))
    _recount(conn, t.group_ties, ["entity_id", "relation", "status", "ties"], _group_rows, ids)


def counted(q: Any, min_confidence: float | None) -> bool:
    """Whether `group_ties` answers this map view's ranking: groups only, no date, grade, region, focus or
    confidence floor (relations and statuses it keeps apart)."""
    return (q.focus is None and q.as_of is None and q.start is None and q.end is None and not q.min_grade
            and not q.region and not min_confidence and sorted(q.types) == sorted(MAP_TYPES))


def ranked_groups(conn: Connection, relations: Iterable[str] | None, statuses: Iterable[str],
                  limit: int) -> tuple[list[int], int]:
    """The `limit` groups with the most ties of these relations (None: every one) and statuses, both ends
    groups (then the smaller id), and how many groups have one: read from `group_ties`, not the ties."""
    g = t.group_ties.c
    n = func.sum(g.ties).label("n")
    query = select(g.entity_id, n, func.count().over()).where(g.status.in_(list(statuses)))
    if relations is not None:
        query = query.where(g.relation.in_(sorted(relations)))
    rows = conn.execute(query.group_by(g.entity_id).order_by(n.desc(), g.entity_id).limit(limit)).all()
    return [r[0] for r in rows], (int(rows[0][2]) if rows else 0)


def at_most(entity_id: int, n: int) -> Any:
    """SQL: the entity is an end of at most n ties in all (0 without a row). Every filter narrows that, so
    a reader of a page can tell from it, without reading the ties, that the entity has more than a page."""
    d = t.entity_degrees.c
    return func.coalesce(select(d.ties).where(d.entity_id == entity_id).scalar_subquery(), 0) <= n


def ranked(conn: Connection, limit: int) -> tuple[list[int], int]:
    """The opening view's `limit` entities with the most ties (then the smaller id), and how many it has."""
    d = t.entity_degrees.c
    top = [r[0] for r in conn.execute(select(d.entity_id).where(d.map_ties > 0)
                                      .order_by(d.map_ties.desc(), d.entity_id).limit(limit))]
    return top, int(conn.execute(select(func.count()).where(d.map_ties > 0)).scalar() or 0)


def ends(conn: Connection) -> int:
    """How many entities are an end of some tie."""
    return int(conn.execute(select(func.count()).select_from(t.entity_degrees)).scalar() or 0)


def bounds(conn: Connection) -> tuple[list[str | None], list[str | None]]:
    """The smallest start_earliest, end_earliest and life_from of any tie, and the largest start_latest,
    end_latest and life_until."""
    d = t.entity_degrees.c
    row = conn.execute(select(*[func.min(d[k]) for k in LOWS], *[func.max(d[k]) for k in HIGHS])).one()
    return list(row[:3]), list(row[3:])

