"""How entities connect: shortest paths and neighbourhoods over the ties table, hop by hop in SQL."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.engine import Connection, Row, RowMapping

from ..model import Tie
from ..store import schema as t
from . import read, reviews, timeline
from .timeline import DateArg

if TYPE_CHECKING:
    from .api import Graph

_CHUNK = 5000


def _edges(conn: Connection, ids: set[int], as_of: DateArg | None = None, denied: bool = False,
           extra: ColumnElement[bool] | None = None) -> Iterator[Row[Any, Any, Any]]:
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


def shortest(graph: Graph, a: int, b: int, max_hops: int = 4, as_of: DateArg | None = None) -> list[Tie]:
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


def neighbourhood(graph: Graph, entity_id: int, hops: int = 1, as_of: DateArg | None = None, *, citations: bool = False,
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
        rows: list[RowMapping] = []
        ids = sorted(tie_ids)
        for i in range(0, len(ids), _CHUNK):
            rows += conn.execute(select(t.ties).where(t.ties.c.id.in_(ids[i:i + _CHUNK]))).mappings().all()
        return read.ties(conn, rows, with_citations=citations)


def lineage_rows(graph: Any, conn: Any, entity_ids: Any) -> list[Any]:
    """Rows of the lineage ties (not denied, under the graph's filters) touching any of these entities,
    in the store's tie order (relation, start, id) as graph.ties gives them: one query per 5,000."""
    from ..relations import LINEAGE

    c = t.ties.c
    cond = and_(graph._ties_query(relation=sorted(LINEAGE)).whereclause, c.status != "denied")
    ordered = sorted(set(entity_ids))
    rows: list[Any] = []
    for i in range(0, len(ordered), _CHUNK):
        chunk = ordered[i:i + _CHUNK]
        rows += conn.execute(select(t.ties).where(cond, or_(c.subject_id.in_(chunk), c.object_id.in_(chunk)))
                             .order_by(c.relation, c.start_earliest, c.id)).mappings().all()
    return rows
