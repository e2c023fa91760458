"""How entities connect: shortest paths and neighbourhoods over the ties table, hop by hop in SQL."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Iterator

from sqlalchemy import ColumnElement, Integer, and_, func, or_, select, union_all
from sqlalchemy.engine import Connection, Row, RowMapping

from ..model import Tie
from ..store import schema as t
from ..store.bulk import in_parameter
from . import read, reviews, timeline
from .timeline import DateArg

if TYPE_CHECKING:
    from .api import Graph

_CHUNK = 5000


def _conditions(as_of: DateArg | None, denied: bool, extra: ColumnElement[bool] | None) -> list[ColumnElement[bool]]:
    conds = [reviews.visible()]
    if not denied:
        conds.append(t.ties.c.status != "denied")
    if as_of is not None:
        conds.append(timeline.holds_at(timeline.iso_day(as_of), undated=True))
    if extra is not None:
        conds.append(extra)
    return conds


def _among(postgres: bool, column: Any, name: str) -> Any:
    """SQL: `column` is one of the ids of the parameter `name`."""
    return in_parameter(postgres, column, name, type_=Integer())


@lru_cache(maxsize=None)
def _undated(kind: str, postgres: bool) -> Any:
    """A search's statement on a map without a date, built once per dialect, its ids parameters (`ids`,
    `others`): built for each hop, the statements cost the client about as much as the server took."""
    if kind == "between":
        return _between_query(postgres, None)
    if kind == "cost":
        d = t.entity_degrees.c
        return select(func.coalesce(func.sum(d.ties), 0)).where(_among(postgres, d.entity_id, "ids"))
    return _edges_query(postgres) if kind == "edges" else _meeting_query(postgres, None)


def _edges_query(postgres: bool, as_of: DateArg | None = None, denied: bool = False,
                 extra: ColumnElement[bool] | None = None) -> Any:
    """_edges' statement, its entities the parameter `ids`."""
    c = t.ties.c
    touching = or_(_among(postgres, c.subject_id, "ids"), _among(postgres, c.object_id, "ids"))
    return select(c.id, c.subject_id, c.object_id).where(and_(touching, *_conditions(as_of, denied, extra)))


def _meeting_query(postgres: bool, as_of: DateArg | None) -> Any:
    """_meeting's statement, its two sets of entities the parameters `ids` and `others`."""
    c = t.ties.c
    between = or_(and_(_among(postgres, c.subject_id, "ids"), _among(postgres, c.object_id, "others")),
                  and_(_among(postgres, c.object_id, "ids"), _among(postgres, c.subject_id, "others")))
    return select(c.id, c.subject_id, c.object_id).where(and_(between, *_conditions(as_of, False, None))).order_by(c.id)


def _edges(conn: Connection, ids: set[int], as_of: DateArg | None = None, denied: bool = False,
           extra: ColumnElement[bool] | None = None) -> Iterator[Row[Any, Any, Any]]:
    """Ties touching any of these entities: (tie id, subject, object) rows."""
    postgres = conn.dialect.name == "postgresql"
    undated = as_of is None and not denied and extra is None
    query = _undated("edges", postgres) if undated else _edges_query(postgres, as_of, denied, extra)
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        yield from conn.execute(query, {"ids": ordered[i:i + _CHUNK]})


def _meeting(conn: Connection, ids: set[int], others: set[int], as_of: DateArg | None) -> Iterator[Row[Any, Any, Any]]:
    """Ties (not denied) between one of these entities and one of `others`: (tie id, subject, object) rows,
    by tie id. The last hop of a search needs no more than these, not every tie of its frontier."""
    postgres = conn.dialect.name == "postgresql"
    query = _undated("meeting", postgres) if as_of is None else _meeting_query(postgres, as_of)
    mine, theirs = sorted(ids), sorted(others)
    for i in range(0, len(mine), _CHUNK):
        for j in range(0, len(theirs), _CHUNK):
            yield from conn.execute(query, {"ids": mine[i:i + _CHUNK], "others": theirs[j:j + _CHUNK]})


def _between(conn: Connection, fronts: list[set[int]], as_of: DateArg | None) -> tuple[int, int, int, int, int] | None:
    """Two ties x-m and m-y (not denied) with x in the first frontier and y in the second, joined in SQL:
    (tie x-m, x, m, tie m-y, y), the smallest tie ids first; None when there are none. What the last two
    hops of a search need, without reading every tie of either frontier."""
    postgres = conn.dialect.name == "postgresql"
    query = _undated("between", postgres) if as_of is None else _between_query(postgres, as_of)
    row = conn.execute(query, {"first": sorted(fronts[0]), "second": sorted(fronts[1])}).first()
    return None if row is None else (row[0], row[1], row[2], row[3], row[4])


def _between_query(postgres: bool, as_of: DateArg | None) -> Any:
    """_between's statement, the two frontiers its parameters `first` and `second`."""
    c = t.ties.c
    conds = _conditions(as_of, False, None)

    def edges(name: str) -> Any:
        return union_all(
            select(c.id.label("tie"), c.subject_id.label("near"), c.object_id.label("m"))
            .where(_among(postgres, c.subject_id, name), *conds),
            select(c.id.label("tie"), c.object_id.label("near"), c.subject_id.label("m"))
            .where(_among(postgres, c.object_id, name), *conds)).subquery(f"e_{name}")

    e1, e2 = edges("first"), edges("second")
    joined = select(e1.c.tie.label("near_tie"), e1.c.near, e1.c.m, e2.c.tie.label("far_tie"), e2.c.near.label("far")) \
        .join(e2, e2.c.m == e1.c.m).where(e1.c.tie != e2.c.tie).cte("joined")
    if postgres:  # joined whole first: asked for the first row of the join in tie order, the planner walks
        # one side in id order against the other side's every row (72 ms for a hub's 9,778 ties against 75;
        # 2.9 ms hashed)
        joined = joined.prefix_with("MATERIALIZED")
    j = joined.c
    return select(j.near_tie, j.near, j.m, j.far_tie, j.far).order_by(j.near_tie, j.far_tie).limit(1)


def _ends(conn: Connection, a: int, b: int) -> list[int]:
    """How many ties a and b have (graph.degrees), in one query that also finds both in the store
    (NotFound for one that is not there)."""
    from ..errors import NotFound

    d = t.entity_degrees.c
    e = t.entities.c
    found = dict(conn.execute(select(e.id, func.coalesce(d.ties, 0)).outerjoin(t.entity_degrees, d.entity_id == e.id)
                              .where(e.id.in_(sorted({a, b})))).all())
    for eid in (a, b):
        if eid not in found:
            raise NotFound(f"no entity with id {eid}")
    return [int(found[a]), int(found[b])]


def _cost(conn: Connection, ids: set[int]) -> int:
    """How many ties these entities have in all (graph.degrees): what expanding them reads at most."""
    total = 0
    ordered = sorted(ids)
    for i in range(0, len(ordered), _CHUNK):
        total += int(conn.execute(_undated("cost", conn.dialect.name == "postgresql"),
                                  {"ids": ordered[i:i + _CHUNK]}).scalar_one())
    return total


def shortest(graph: Graph, a: int, b: int, max_hops: int = 4, as_of: DateArg | None = None) -> list[Tie]:
    """The shortest chain of ties (either direction, denied ties excluded) from a to b; [] if none.

    A search from both ends, one hop at a time, each hop from the side whose frontier has fewer ties in
    all (graph.degrees): a side that reached a hub waits while the other side is cheaper to grow. The
    last hop reads only the ties between the frontier and what the other side has reached. The chain's
    ties carry their citations; their ends, their names only (Graph.entity reads an end's aliases).
    NotFound when a or b is not in the store."""
    with graph.engine.connect() as conn:
        costs: list[int | None] = list(_ends(conn, a, b))
        if a == b:
            return []
        parents: list[dict[int, tuple[int, int] | None]] = [{a: None}, {b: None}]  # per side: entity -> (tie id, previous entity)
        frontiers = [{a}, {b}]
        meet = None
        for hop in range(max_hops):
            for k in (0, 1):
                if costs[k] is None:
                    costs[k] = _cost(conn, frontiers[k])
            side = 0 if (costs[0], len(frontiers[0])) <= (costs[1], len(frontiers[1])) else 1
            left = max_hops - hop  # hops still allowed
            rows = _meeting(conn, frontiers[side], set(parents[1 - side]), as_of) if left <= 2 \
                else _edges(conn, frontiers[side], as_of)
            nxt: set[int] = set()
            for tie_id, s, o in rows:
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
            if left == 2:  # no tie between the two sides: two more, joined in SQL, or none
                joined = _between(conn, frontiers, as_of)
                if joined is None:
                    return []
                near_tie, near, meet, far_tie, far = joined
                parents[0][meet], parents[1][meet] = (near_tie, near), (far_tie, far)
                break
            frontiers[side], costs[side] = nxt, None
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
        found = list(conn.execute(select(t.ties).where(t.ties.c.id.in_(chain))).mappings())
        ties = {x.id: x for x in read.ties(conn, found, aliases=False)}  # ends with their names only
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
