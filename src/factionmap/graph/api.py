"""`Graph`: the map across documents, as a Python API. The CLI, the web app and exports read it.

    from factionmap import open_store
    from factionmap.graph import Graph
    g = Graph(open_store("map.db"), config="factionmap.yaml")
    g.profile("ISIS").ties_by_relation["allegiance_to"]
    g.ties(as_of="2015-06", relation="ally_of")
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, union_all

from ..errors import AmbiguousName, FactionmapError, NotFound
from ..model import Entity, Tie, TieStatus
from ..namefold import fold
from ..store import Store
from ..store import schema as t
from . import decisions as decisions_mod
from . import grading, maintain, read, reviews, sources, timeline
from .decisions import Decision
from .timeline import DateArg
from .views import PROFILE_PAGE

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

    from .queue import Queue
    from .search import Hit
    from .views import LineageNode, Profile

EntityRef = str | int | Entity
Statuses = str | TieStatus | Iterable[str | TieStatus]  # one status or several
MAX_ID = 2 ** 63 - 1  # the largest id a store can hold; a larger one names nothing
MAX_QUERY = 200  # the longest name search read
_DIGITS = re.compile(r"[0-9]+")


def _kept_counts(filters: Mapping[str, Any]) -> tuple[list[str] | None, list[str] | None] | None:
    """(relations, statuses) when `_ties_query(**filters)` selects an entity's ties by relation and status
    alone (no date, grade, rejected ties, ends or ids; `undated` counts only with a date), else None."""
    if any(v for k, v in filters.items() if k not in ("relation", "status", "undated")):
        return None
    relation, status = filters.get("relation"), filters.get("status")
    relations = None if not relation else [relation] if isinstance(relation, str) else list(relation)
    statuses = None if not status else [status] if isinstance(status, (str, TieStatus)) else list(status)
    return relations, None if statuses is None else [getattr(s, "value", s) for s in statuses]


class Graph:
    """Queries and decisions over one store's map. `config`: a YAML path or a {source: grade} mapping."""

    def __init__(self, store: Store, config: str | Path | Mapping[str, str] | None = None,
                 min_confidence: float | None = None):
        """`min_confidence`: leave out ties none of whose assertions reaches this calibrated confidence
        (an assertion no model scored, read by a frame or added by hand, always counts)."""
        self.store = store
        self.engine = store.reader  # reads only: writes go through store.transaction()
        self.min_confidence = min_confidence
        if config is not None:
            self.set_reliability(sources.load(config) if isinstance(config, (str, Path)) else dict(config))

    # -- sources -------------------------------------------------------------------------------------

    def set_reliability(self, grades: Mapping[str, str]) -> bool:
        """Grade sources (publisher or author -> A-F); ties are graded again if anything changed."""
        with self.store.transaction() as conn:
            changed = sources.sync(conn, grades)
            if changed:
                from . import aggregate

                aggregate.refresh(conn, None)
        return changed

    def reliability(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {r[0]: r[1] for r in conn.execute(select(t.source_grades.c.label, t.source_grades.c.reliability))}

    # -- entities ------------------------------------------------------------------------------------

    def entity_id(self, ref: EntityRef) -> int:
        """The id of an entity given by id, Entity, or any of its names (folded); NotFound / AmbiguousName."""
        if isinstance(ref, Entity):
            if ref.id is None:
                return self.entity_id(ref.name)
            return ref.id
        with self.engine.connect() as conn:
            if isinstance(ref, int) or (isinstance(ref, str) and _DIGITS.fullmatch(ref.strip())):
                eid = int(ref)
                if 0 < eid <= MAX_ID and conn.execute(select(t.entities.c.id).where(t.entities.c.id == eid)).first():
                    return eid
                raise NotFound(f"no entity with id {eid}")
            norm = fold(ref)
            by_name = select(t.entities.c.id).where(func.lower(t.entities.c.name) == ref.strip().lower())
            exact: list[int] = sorted({r[0] for r in conn.execute(by_name)})
            if len(exact) == 1:
                return exact[0]
            hits: list[int] = sorted({r[0] for r in conn.execute(select(t.aliases.c.entity_id).where(t.aliases.c.lead, t.aliases.c.norm == norm))})
            if not hits:
                hits = exact
            if len(hits) == 1:
                return hits[0]
            if not hits:
                raise NotFound(f"no entity called {ref!r}; try `factionmap entities` or a shorter name")
            names = conn.execute(select(t.entities.c.id, t.entities.c.name, t.entities.c.type)
                                 .where(t.entities.c.id.in_(hits))).all()
        raise AmbiguousName(ref, [f"{n} ({ty}, id {i})" for i, n, ty in names])

    def _given_id(self, ref: EntityRef) -> int | None:
        """The id an entity reference names by number (an int, digits, an Entity with an id), not yet
        checked against the store; None for a name (entity_id resolves it). A number no store can hold
        raises NotFound as entity_id does."""
        if isinstance(ref, Entity):
            return ref.id
        if isinstance(ref, int) or (isinstance(ref, str) and _DIGITS.fullmatch(ref.strip())):
            eid = int(ref)
            if not 0 < eid <= MAX_ID:
                raise NotFound(f"no entity with id {eid}")
            return eid
        return None

    def entity(self, ref: EntityRef) -> Entity:
        eid = self.entity_id(ref)
        with self.engine.connect() as conn:
            return read.entities(conn, [eid])[eid]

    def entities(self, type: str | None = None, q: str | None = None, limit: int | None = None) -> list[Entity]:
        """Entities by name; `q` matches any alias (folded, as a substring)."""
        query = select(t.entities.c.id).order_by(t.entities.c.name, t.entities.c.id)
        if type:
            query = query.where(t.entities.c.type == type.upper())
        if q:
            if len(q) > MAX_QUERY:
                raise FactionmapError(f"the search is {len(q):,} characters long; at most {MAX_QUERY} are read")
            by_name = func.lower(t.entities.c.name).contains(q.lower(), autoescape=True)
            folded = fold(q)  # "__" or "%" fold to nothing, which is no search for every name
            names = select(t.aliases.c.entity_id).where(t.aliases.c.norm.contains(folded, autoescape=True))
            query = query.where(or_(t.entities.c.id.in_(names), by_name) if folded else by_name)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(query)]
            found = read.entities(conn, ids)
        return [found[i] for i in ids]

    def search(self, text: str, limit: int = 10, type: str | None = None) -> list[Hit]:
        """Entities ranked by how well any of their names matches `text` (folded; see graph.search)."""
        from .search import search

        with self.engine.connect() as conn:
            return search(conn, text, limit, type)

    def document_links(self, doc_id: str) -> tuple[dict[str, int], dict[int, int]]:
        """How one document feeds the map: its entity keys -> store entities, its assertions -> ties."""
        with self.engine.connect() as conn:
            return read.document_entity_ids(conn, doc_id), read.document_tie_ids(conn, doc_id)

    # -- ties ----------------------------------------------------------------------------------------

    def _ties_query(self, as_of: DateArg | None = None, start: DateArg | None = None, end: DateArg | None = None,
                    relation: str | Iterable[str] | None = None, entity: EntityRef | None = None,
                    status: Statuses | None = None, min_grade: str | None = None, undated: bool = False,
                    rejected: bool = False, among: Iterable[int] | None = None,
                    ids: Iterable[int] | None = None) -> Select[Any]:
        query = select(t.ties)
        conds: list[ColumnElement[bool]] = [] if rejected else [reviews.visible()]
        if ids is not None:  # only these ties
            conds.append(read.ids_in(self.engine, t.ties.c.id, sorted(set(ids))))
        if among is not None:  # both ends among these entities
            ends = sorted(set(among))
            conds += [read.ids_in(self.engine, t.ties.c.subject_id, ends), read.ids_in(self.engine, t.ties.c.object_id, ends)]
        if as_of is not None:
            conds.append(timeline.holds_at(timeline.iso_day(as_of), undated))
        elif start is not None or end is not None:
            cond = timeline.overlaps(timeline.iso_day(start) if start is not None else None,
                                     timeline.iso_day(end, last=True) if end is not None else None, undated)
            if cond is not None:
                conds.append(cond)
        if relation:
            rels = [relation] if isinstance(relation, str) else list(relation)
            conds.append(t.ties.c.relation.in_(rels))
        if entity is not None:
            eid = self.entity_id(entity)
            conds.append(or_(t.ties.c.subject_id == eid, t.ties.c.object_id == eid))
        if status:
            sts = [status] if isinstance(status, str) else list(status)
            conds.append(t.ties.c.status.in_([getattr(s, "value", s) for s in sts]))
        if min_grade:
            letter, digit = grading.parse_min_grade(min_grade)
            conds.append(func.substr(t.ties.c.grade, 1, 1) <= letter)
            conds.append(func.substr(t.ties.c.grade, 2, 1) <= str(digit))
        if self.min_confidence:  # an assertion that reaches it, or one no model scored (graph.cited.confident)
            top = t.ties.c.top_confidence
            conds.append(or_(top.is_(None), top >= self.min_confidence))
        if conds:
            query = query.where(and_(*conds))
        return query.order_by(t.ties.c.relation, t.ties.c.start_earliest, t.ties.c.id)

    def ties(self, as_of: DateArg | None = None, start: DateArg | None = None, end: DateArg | None = None,
             relation: str | Iterable[str] | None = None, entity: EntityRef | None = None,
             status: Statuses | None = None, min_grade: str | None = None, limit: int | None = None, *, undated: bool = False, citations: bool = True, aliases: bool = True,
             rejected: bool = False, among: Iterable[int] | None = None, offset: int = 0,
             ids: Iterable[int] | None = None) -> list[Tie]:
        """Ties, filtered. With as_of or start/end, only dated ties unless `undated=True`; ties an
        analyst rejected only with `rejected=True`; `among` (entity ids): only ties between two of them;
        `ids`: only these ties. In the order relation, start, id: `limit` of them from `offset` is a page
        (each tie on exactly one page of a store not written meanwhile; count_ties counts them all).

        `citations=False` leaves each tie's citations empty and `aliases=False` its ends' aliases, for
        readers that need neither (Graph.citation_counts gives their counts)."""
        if entity is not None and limit:  # an entity's page
            query = self.entity_page(self.entity_id(entity), limit, offset, as_of=as_of, start=start, end=end,
                                     relation=relation, status=status, min_grade=min_grade, undated=undated,
                                     rejected=rejected, among=among, ids=ids)
        else:
            query = self._ties_query(as_of, start, end, relation, entity, status, min_grade, undated, rejected,
                                     among, ids)
            if limit:
                query = query.limit(limit)
            if offset:
                query = query.offset(offset)
        with self.engine.connect() as conn:
            rows = list(conn.execute(query).mappings().all())
            return read.ties(conn, rows, with_citations=citations, aliases=aliases)

    def entity_page(self, entity_id: int, limit: int, offset: int = 0, **filters: Any) -> Select[Any]:
        """SQL: `limit` of the entity's ties from `offset` under the filters (as _ties_query takes them), in
        the order relation, start, id, as `ties(entity=...)` pages them. Read as two ordered index scans,
        its ties as subject and as object (migration 0019), each stopping after offset + limit rows, merged:
        a hub's first page no longer sorts every tie it has. Elsewhere (SQLite) one query of both ends."""
        c = t.ties.c
        base = self._ties_query(**filters)
        if self.engine.dialect.name != "postgresql":
            page = base.where(or_(c.subject_id == entity_id, c.object_id == entity_id)).limit(limit)
            return page.offset(offset) if offset else page
        n = offset + limit
        mine = union_all(base.where(c.subject_id == entity_id).limit(n),
                         base.where(c.object_id == entity_id, c.subject_id != entity_id).limit(n)).subquery("mine")
        return select(mine).order_by(mine.c.relation, mine.c.start_earliest, mine.c.id).limit(limit).offset(offset)

    def entity_sides(self, entity_id: int, **filters: Any) -> tuple[Select[Any], Select[Any]]:
        """SQL: the entity's ties under the filters, as two queries that never share a tie: those it is the
        subject of, and those it is only the object of. Each is read from one index of its end (on
        PostgreSQL index-only: migration 0021), where the two ends together need the table's rows."""
        c = t.ties.c
        base = self._ties_query(**filters).order_by(None)
        return base.where(c.subject_id == entity_id), base.where(c.object_id == entity_id, c.subject_id != entity_id)

    def entity_counts(self, conn: Any, entity_id: int, **filters: Any) -> dict[str, int]:
        """How many of the entity's ties under the filters each relation has (one query, both ends): from
        the counts kept with the ties (degrees.relation_counts) when the filters are relations and statuses
        at most, else from the ties."""
        from . import degrees

        kept = _kept_counts(filters) if not self.min_confidence else None
        if kept is not None:
            return degrees.relation_counts(conn, entity_id, *kept)
        c = t.ties.c
        both = union_all(*[side.with_only_columns(c.relation, func.count()).group_by(c.relation)
                           for side in self.entity_sides(entity_id, **filters)])
        counts: dict[str, int] = {}
        for relation, n in conn.execute(both):
            counts[relation] = counts.get(relation, 0) + n
        return counts

    def entity_cited_page(self, entity_id: int, limit: int, offset: int = 0, **filters: Any) -> Select[Any]:
        """SQL: the ids of `limit` of the entity's ties from `offset` under the filters, the most cited first
        (evidence count, then id). On PostgreSQL two index-only scans by (end, evidence_count, id), each
        stopping after offset + limit rows, merged; elsewhere one query of both ends."""
        c = t.ties.c
        if self.engine.dialect.name != "postgresql":
            query = self._ties_query(**filters).order_by(None).where(or_(c.subject_id == entity_id, c.object_id == entity_id))
            return query.with_only_columns(c.id).order_by(c.evidence_count.desc(), c.id).limit(limit).offset(offset)
        n = offset + limit
        mine = union_all(*[side.with_only_columns(c.id, c.evidence_count).order_by(c.evidence_count.desc(), c.id).limit(n)
                           for side in self.entity_sides(entity_id, **filters)]).subquery("mine")
        return select(mine.c.id).order_by(mine.c.evidence_count.desc(), mine.c.id).limit(limit).offset(offset)

    def ties_page(self, limit: int = PROFILE_PAGE, offset: int = 0, **filters: Any) -> tuple[list[Tie], int]:
        """A page of `ties(**filters)` and how many there are in all: counted apart only when the page
        is full or not the first (a small entity's ties are read once, whole, as before)."""
        found = self.ties(limit=limit, offset=offset, **filters)
        counted = {k: v for k, v in filters.items() if k not in ("citations", "aliases")}
        total = self.count_ties(**counted) if offset or len(found) >= limit else len(found)
        return found, total

    def count_ties(self, **filters: Any) -> int:
        """How many ties `ties(**filters)` gives without a limit (filters as ties takes them); an entity's
        counted per end (entity_sides: from its indexes alone on PostgreSQL)."""
        entity = filters.pop("entity", None)
        if entity is None:
            query = select(func.count()).select_from(self._ties_query(**filters).order_by(None).subquery())
        else:
            counts = [select(func.count()).select_from(side.subquery()).scalar_subquery()
                      for side in self.entity_sides(self.entity_id(entity), **filters)]
            query = select(counts[0] + counts[1])
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def citation_counts(self, tie_ids: Iterable[int]) -> dict[int, tuple[int, int, bool]]:
        """Per tie id: (citations, documents cited, only reported), as kept on the tie (graph.cited)."""
        from .cited import stored

        with self.engine.connect() as conn:
            return stored(conn, tie_ids)

    def tie_rows(self, **filters: Any) -> list[dict[str, Any]]:
        """Ties as plain rows of the ties table (no citations): for frames, graphs and bulk readers."""
        limit = filters.pop("limit", None)
        query = self._ties_query(**filters)
        if limit:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def tie(self, tie_id: int) -> Tie:
        if not 0 < int(tie_id) <= MAX_ID:
            raise NotFound(f"no tie {tie_id}")
        with self.engine.connect() as conn:
            rows = list(conn.execute(select(t.ties).where(t.ties.c.id == int(tie_id))).mappings().all())
            if not rows:
                raise NotFound(f"no tie {tie_id}")
            return read.ties(conn, rows)[0]

    def contested(self, **filters: Any) -> list[Tie]:
        """Ties with evidence both ways, each side cited; their ends with their names only unless
        `aliases=True` (Graph.ties)."""
        return self.ties(status="contested", **{"aliases": False, **filters})

    # -- views ---------------------------------------------------------------------------------------

    def profile(self, entity: EntityRef, limit: int | None = PROFILE_PAGE, offset: int = 0,
                **filters: Any) -> Profile:
        """An entity with a page of its ties: `limit` of them (the most cited first; None: every one)
        from `offset`. `Profile.total` counts them all and `Profile.next_offset` says where the next page
        starts; an entity with no more ties than a page holds has them all, as before."""
        from .views import profile

        given = self._given_id(entity)  # checked by the profile's own reads: no query of its own
        return profile(self, given if given is not None else self.entity_id(entity), limit=limit, offset=offset,
                       **filters)

    def lineage(self, entity: EntityRef, depth: int = 6) -> LineageNode:
        from .views import lineage

        return lineage(self, self.entity_id(entity), depth)

    def path(self, a: EntityRef, b: EntityRef, max_hops: int = 4, as_of: DateArg | None = None) -> list[Tie]:
        from .paths import shortest

        given = [self._given_id(x) for x in (a, b)]  # ids given are checked by the search's first query
        first, last = (self.entity_id(x) if i is None else i for x, i in zip((a, b), given))
        return shortest(self, first, last, max_hops, as_of)

    def neighbourhood(self, entity: EntityRef, as_of: DateArg | None = None, hops: int = 1, **filters: Any) -> list[Tie]:
        """Ties within `hops` of an entity, as they stood on a date (if given)."""
        from .paths import neighbourhood

        return neighbourhood(self, self.entity_id(entity), hops, as_of, **filters)

    def to_networkx(self, as_of: DateArg | None = None, **filters: Any) -> nx.MultiDiGraph:
        from .frames import to_networkx

        return to_networkx(self, as_of=as_of, **filters)

    def ties_frame(self, **filters: Any) -> pd.DataFrame:
        from .frames import ties_frame

        return ties_frame(self, **filters)

    # -- decisions -----------------------------------------------------------------------------------

    def merge(self, a: EntityRef, b: EntityRef) -> Decision:
        """Fuse b into a (a keeps its id and name); stored, explained, undoable, kept across rebuilds."""
        ia, ib = self.entity_id(a), self.entity_id(b)
        with self.store.transaction() as conn:
            return decisions_mod.merge(conn, ia, ib)

    def split(self, entity: EntityRef, aliases: list[str]) -> Decision:
        """Take aliases (and the document entities called by them) off an entity, into a new entity."""
        eid = self.entity_id(entity)
        with self.store.transaction() as conn:
            return decisions_mod.split(conn, eid, list(aliases))

    def undo(self, decision_id: int) -> Decision:
        with self.store.transaction() as conn:
            return decisions_mod.undo(conn, int(decision_id))

    def decisions(self) -> list[Decision]:
        with self.engine.connect() as conn:
            return decisions_mod.listing(conn)

    def explain(self, entity: EntityRef) -> list[tuple[str, list[dict[str, Any]], str]]:
        """Why each alias is there: (alias, documents [{id, title}], reason)."""
        eid = self.entity_id(entity)
        with self.engine.connect() as conn:
            return decisions_mod.explain(conn, eid)

    # -- reviews -------------------------------------------------------------------------------------

    def reviews(self, tie: int | None = None, entity: EntityRef | None = None, actor: str | None = None,
                kind: str | None = None, limit: int | None = None) -> list[reviews.Review]:
        """Analysts' reviews, newest first: of one tie, of an entity's ties (rejected ones included), or all."""
        with self.engine.connect() as conn:
            if tie is not None:
                found = reviews.of_ties(conn, [int(tie)]).get(int(tie), [])
            elif entity is not None:
                found = reviews.of_entity(conn, self.entity_id(entity))
            else:
                found = reviews.listing(conn, actor=actor, kind=kind, limit=limit)
        return [r for r in found if (not actor or r.actor == actor) and (not kind or r.kind == kind)][:limit]

    def review_queue(self, **filters: Any) -> Queue:
        """Ties waiting for review, most in need first (graph/queue.py), with progress counts."""
        from .queue import review_queue

        return review_queue(self, **filters)

    def rebuild(self) -> None:
        """Resolve every document's entities and aggregate every tie again, under the decisions."""
        with self.store.transaction() as conn:
            maintain.rebuild(conn)
