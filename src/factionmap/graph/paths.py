"""How entities connect: shortest paths and neighbourhoods over the ties table, hop by hop in SQL."""
from __future__ import annotations

from sqlalchemy import Integer, String, and_, case, cast, literal, or_, select

from ..model import Tie
from ..store import schema as t
from . import read, reviews, timeline

_CHUNK = 5000


def _edges(conn, ids: set[int], as_of=None, denied: bool = False, extra=None):
    """Ties touching any of these entities: (tie id, subject, object) rows."""
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i:i + _CHUNK]
        conds = [or_(t.ties.c.subject_id.in_(chunk), t.ties.c.object_id.in_(chunk)), reviews.visible()]
        if not denied:
            conds.append(t.ties.c.status != "denied")
        if as_of is not None:
            conds.append(timeline.holds_at(timeline.iso_day(as_of), undated=True))
        if extra is not None:
            conds.append(extra)
        yield from conn.execute(select(t.ties.c.id, t.ties.c.subject_id, t.ties.c.object_id).where(and_(*conds)))


def shortest(graph, a: int, b: int, max_hops: int = 4, as_of=None) -> list[Tie]:
    """The shortest chain of ties (either direction, denied ties excluded) from a to b; [] if none."""
    if a == b:
        return []
    with graph.engine.connect() as conn:
        parents: list[dict[int, tuple[int, int] | None]] = [{a: None}, {b: None}]  # per side: entity -> (tie id, previous entity)
        frontiers = [{a}, {b}]
        meet = None
        for _hop in range(max_hops):
            side = 0 if len(frontiers[0]) <= len(frontiers[1]) else 1
            nxt: set[int] = set()
            for tie_id, s, o in _edges(conn, frontiers[side], as_of):
                for here, there in ((s, o), (o, s)):
                    if here in frontiers[side] and there not in parents[side]:
                        parents[side][there] = (tie_id, here)
                        nxt.add(there)
                        if there in parents[1 - side]:
                            meet = there
                            break
                if meet is not None:
                    break
            if meet is not None:
                break
            frontiers[side] = nxt
            if not nxt:
                return []
        if meet is None:
            return []
        chain: list[int] = []
        step = parents[0][meet]
        while step is not None:
            tie_id, node = step
            chain.insert(0, tie_id)
            step = parents[0][node]
        step = parents[1][meet]
        while step is not None:
            tie_id, node = step
            chain.append(tie_id)
            step = parents[1][node]
        rows = {r["id"]: r for r in conn.execute(select(t.ties).where(t.ties.c.id.in_(chain))).mappings()}
        ties = {x.id: x for x in read.ties(conn, list(rows.values()))}
    return [ties[i] for i in chain]


def neighbourhood(graph, entity_id: int, hops: int = 1, as_of=None, *, citations: bool = False,
                  undated: bool = True) -> list[Tie]:
    """Every tie within `hops` of an entity (as of a date, if given), denied ones included."""
    with graph.engine.connect() as conn:
        seen, frontier, tie_ids = {entity_id}, {entity_id}, set()
        for _ in range(hops):
            nxt = set()
            for tie_id, s, o in _edges(conn, frontier, None, denied=True,
                                       extra=timeline.holds_at(timeline.iso_day(as_of), undated) if as_of else None):
                tie_ids.add(tie_id)
                nxt |= {s, o} - seen
            seen |= nxt
            frontier = nxt
            if not frontier:
                break
        rows = []
        ids = sorted(tie_ids)
        for i in range(0, len(ids), _CHUNK):
            rows += conn.execute(select(t.ties).where(t.ties.c.id.in_(ids[i:i + _CHUNK]))).mappings().all()
        return read.ties(conn, rows, with_citations=citations)


def lineage_rows(graph, conn, entity_id: int, depth: int) -> list:
    """Rows of the lineage ties (not denied, under the graph's filters) that touch an entity reachable
    from `entity_id` in fewer than `depth` steps going one way in time (views.lineage keeps to one
    direction after the first step), in the store's tie order. The entities come from one recursive
    query, their ties from a second."""
    from ..relations import LINEAGE

    c = t.ties.c
    cond = and_(graph._ties_query(relation=sorted(LINEAGE)).whereclause, c.status != "denied")
    # the other end of a tie came before (predecessor) or after (successor) the end we stand on
    later = case((c.relation == "merged_into", "successor"), else_="predecessor")
    earlier = case((c.relation == "merged_into", "predecessor"), else_="successor")
    edges = (select(c.subject_id.label("a"), c.object_id.label("b"), later.label("way")).where(cond)
             .union_all(select(c.object_id.label("a"), c.subject_id.label("b"), earlier.label("way")).where(cond))
             .subquery("edges"))
    reach = select(cast(literal(entity_id), Integer).label("eid"), cast(literal(0), Integer).label("depth"),
                   cast(literal(None), String(16)).label("way")).cte("reach", recursive=True)
    reach = reach.union(
        select(edges.c.b, reach.c.depth + 1, cast(edges.c.way, String(16)))
        .join_from(reach, edges, edges.c.a == reach.c.eid)
        .where(reach.c.depth < depth - 1, or_(reach.c.way.is_(None), reach.c.way == edges.c.way)))
    near = sorted({r[0] for r in conn.execute(select(reach.c.eid))})
    query = select(t.ties).where(cond, or_(c.subject_id.in_(near), c.object_id.in_(near)))
    if len(near) <= _CHUNK:
        return list(conn.execute(query.order_by(c.relation, c.start_earliest, c.id)).mappings())
    rows = []
    for i in range(0, len(near), _CHUNK):
        chunk = near[i:i + _CHUNK]
        rows += conn.execute(select(t.ties).where(cond, or_(c.subject_id.in_(chunk), c.object_id.in_(chunk)))
                             ).mappings().all()
    unique = {r["id"]: r for r in rows}
    return sorted(unique.values(), key=_tie_order(conn))


def _tie_order(conn):
    """The sort key of ORDER BY relation, start_earliest, id on this database (NULL dates first on
    SQLite, last on PostgreSQL), for rows read in several queries."""
    nulls_last = conn.dialect.name == "postgresql"

    def key(r):
        start = r["start_earliest"]
        return (r["relation"], (start is None) == nulls_last, start or "", r["id"])
    return key
