"""Views of one entity: its profile and its lineage."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Entity, FuzzyDate, Tie
from . import degrees

if TYPE_CHECKING:
    from .api import Graph


@dataclass
class AliasInfo:
    """One name of an entity and why it is there."""

    name: str
    source: str  # kb, text, acronym, script, user
    documents: list[dict[str, Any]]  # [{"id", "title"}]: the first read.ALIAS_DOCUMENTS that write it
    why: str
    document_count: int = 0  # every document that writes it


PROFILE_PAGE = 100  # ties in a profile's page: a hub's thousands of ties come a page at a time
PAGE_CITATIONS = 5  # citations read per tie on a page of a larger profile (the tie's own page has them all)
PAGE_LEADERS = 25  # leaders read on a page of a larger profile when its page lacks them


@dataclass
class Profile:
    """An entity and one page of its ties (every tie when it has no more than the page holds).

    The page takes the entity's ties most-cited first (evidence count, then id: a stable order, so the
    pages of a store that is not written meanwhile hold every tie exactly once); within the page they
    are grouped by relation and listed by start, as a whole profile is. On a page of a larger profile
    each tie carries its first PAGE_CITATIONS citations (`cited` counts them all) and the leaders are
    read apart, the most cited PAGE_LEADERS of them."""

    entity: Entity
    aliases: list[AliasInfo]
    leaders: list[tuple[Entity, FuzzyDate | None, FuzzyDate | None, Tie]]
    ties_by_relation: dict[str, list[Tie]]
    neighbours: list[Entity]
    total: int = 0  # the entity's ties under the filters, on every page
    counts: dict[str, int] = field(default_factory=dict)  # the same, per relation
    offset: int = 0
    limit: int | None = None  # the page's size (None: every tie)
    cited: dict[int, int] = field(default_factory=dict)  # tie id -> its evidence, counted in the store

    @property
    def shown(self) -> int:
        return len({tie.id for ties in self.ties_by_relation.values() for tie in ties})

    @property
    def next_offset(self) -> int | None:
        """Where the next page starts, or None on the last page."""
        end = self.offset + self.shown
        return end if self.limit is not None and end < self.total else None


def profile(graph: Graph, entity_id: int, *, limit: int | None = PROFILE_PAGE, offset: int = 0,
            **filters: Any) -> Profile:
    """An entity (NotFound when the store has none of this id) with a page of its ties (`limit` from `offset`, most-cited
    first; `limit=None`: every tie), read on one connection in a few queries. The entity carries its
    names, each counted in its documents (read.entities_explained); the ties' ends carry their names
    only (Graph.entity reads an end's aliases); `aliases=` is accepted and changes nothing."""
    from sqlalchemy import or_, select

    from ..errors import FactionmapError, NotFound
    from ..store import schema as t
    from . import read

    if limit is not None and limit < 1 or offset < 0:
        raise FactionmapError(f"a profile's page: limit must be at least 1 and offset at least 0 "
                              f"(got limit {limit}, offset {offset})")
    citations = filters.pop("citations", True)
    filters.pop("aliases", None)  # a profile's ends never carry their aliases (none of its readers shows them)
    c = t.ties.c
    mine = or_(c.subject_id == entity_id, c.object_id == entity_id)
    query = graph._ties_query(**filters).where(mine)
    with graph.engine.connect() as conn:
        first = query if limit is None else graph.entity_page(entity_id, limit + 1, **filters)
        counted: dict[str, int] | None = None
        if limit is not None and not offset:  # an entity with more ties than a page in all (entity_degrees,
            # a hub) is counted first, not read in reading order to find that it has more than a page
            rows = list(conn.execute(first.where(degrees.at_most(entity_id, limit))).mappings())
            if not rows:  # none, or more than a page in all: count those under the filters
                counted = graph.entity_counts(conn, entity_id, **filters)
                if 0 < sum(counted.values()) <= limit:  # the filters leave a page or less: read them whole
                    rows = list(conn.execute(first).mappings())
        else:
            rows = [] if offset else list(conn.execute(first).mappings())
        paged = limit is not None and (offset > 0 or len(rows) > limit
                                       or (counted is not None and sum(counted.values()) > limit))
        if paged and limit is not None:  # more than a page: count them, and take the page's ties, the most
            # cited first, each from the indexes of the entity's two ends (Graph.entity_counts, entity_cited_page)
            counts = counted if counted is not None else graph.entity_counts(conn, entity_id, **filters)
            page = graph.entity_cited_page(entity_id, limit, offset, **filters).subquery("page")
            query = select(t.ties).where(c.id.in_(select(page.c.id))).order_by(c.relation, c.start_earliest, c.id)
            rows = list(conn.execute(query).mappings())
        else:  # the whole profile, in one query as before
            counts = dict(Counter(r["relation"] for r in rows))
        total = sum(counts.values())
        per_tie = PAGE_CITATIONS if paged else None
        led_rows: list[Any] = []
        on_page = sum(1 for r in rows if r["relation"] == "leader_of" and r["object_id"] == entity_id)
        if paged and on_page < counts.get("leader_of", 0):  # leaders off this page: their ties read apart,
            # then their ends and citations with the page's (one query each)
            theirs = graph._ties_query(**filters).where(c.relation == "leader_of", c.object_id == entity_id) \
                .order_by(None).order_by(c.evidence_count.desc(), c.id).limit(PAGE_LEADERS)
            led_rows = list(conn.execute(theirs).mappings())
        ends = {r[end] for r in rows + led_rows for end in ("subject_id", "object_id")}
        found, why = read.entities_explained(conn, ends, entity_id)  # the ends, and the entity with its names
        if entity_id not in found:
            raise NotFound(f"no entity with id {entity_id}")
        entity = found[entity_id]
        page_ids = {r["id"] for r in rows}
        read_ = {x.id: x for x in read.ties(conn, rows + [r for r in led_rows if r["id"] not in page_ids],
                                            with_citations=citations, per_tie=per_tie, ends=found)}
        ties = [read_[r["id"]] for r in rows]
        led = [read_[r["id"]] for r in led_rows] if led_rows else \
            [tie for tie in ties if tie.relation == "leader_of" and tie.object.id == entity_id]
    aliases = [AliasInfo(w["name"], w["source"], w["documents"], w["why"], w["document_count"]) for w in why]
    by_relation: dict[str, list[Tie]] = defaultdict(list)
    neighbours: dict[int | None, Entity] = {}  # store entities: each has its id
    for tie in ties:
        by_relation[tie.relation].append(tie)
        other = tie.object if tie.subject.id == entity_id else tie.subject
        if other.id is not None:  # entities read from the store have ids
            neighbours.setdefault(other.id, other)
    leaders = sorted(
        ((tie.subject, tie.start, tie.end, tie) for tie in led if tie.status.value != "denied"),
        key=lambda x: (x[1].earliest if x[1] else dt.date.max),
    )
    return Profile(entity, aliases, leaders, dict(by_relation), sorted(neighbours.values(), key=lambda e: e.name),
                   total=total, counts=counts, offset=offset, limit=limit,
                   cited={r["id"]: r["evidence_count"] for r in rows})


@dataclass
class LineageNode:
    """An entity in a lineage tree; `relation` and `tie` link it to its parent node."""

    entity: Entity
    relation: str | None = None  # successor_of, split_from, merged_into
    direction: str | None = None  # predecessor | successor (of the parent node)
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    tie: Tie | None = None
    children: list["LineageNode"] = field(default_factory=list)

    @property
    def predecessors(self) -> list["LineageNode"]:
        return [c for c in self.children if c.direction == "predecessor"]

    @property
    def successors(self) -> list["LineageNode"]:
        return [c for c in self.children if c.direction == "successor"]


def lineage(graph: Graph, entity_id: int, depth: int = 6) -> LineageNode:
    """Predecessors and successors (splits, mergers, renamings), as a tree rooted at the entity.

    Walked one step at a time: each step reads the lineage ties of the whole frontier in one query
    (paths.lineage_rows, rows only); the ties the tree keeps are then read once, with their citations.
    Its entities carry their names, not their aliases (Graph.entity reads those)."""
    from ..errors import NotFound
    from . import read
    from .paths import lineage_rows

    with graph.engine.connect() as conn:
        found = read.entities(conn, [entity_id], aliases=False)
        if entity_id not in found:
            raise NotFound(f"no entity with id {entity_id}")
        root = LineageNode(found[entity_id])
        seen = {entity_id}
        kept: list[tuple[int, Any, str, int]] = []  # (parent entity, row, direction, child entity)
        frontier: list[tuple[int, str | None]] = [(entity_id, None)]
        for _ in range(depth):
            touching: dict[int, list[Any]] = defaultdict(list)
            for r in lineage_rows(graph, conn, [here for here, _ in frontier]):
                touching[r["subject_id"]].append(r)
                if r["object_id"] != r["subject_id"]:
                    touching[r["object_id"]].append(r)
            nxt: list[tuple[int, str | None]] = []
            for here, came in frontier:
                for r in touching.get(here, ()):
                    step = _row_step(r, here)
                    if step is None or step[0] in seen:
                        continue
                    other, direction = step
                    if came and direction != came:  # keep going the same way in time
                        continue
                    seen.add(other)
                    kept.append((here, r, direction, other))
                    nxt.append((other, direction))
            frontier = nxt
            if not frontier:
                break
        ties = {x.id: x for x in read.ties(conn, [r for _, r, _, _ in kept], aliases=False)}
    nodes = {entity_id: root}
    for here, r, direction, other in kept:
        tie = ties[r["id"]]
        entity = tie.object if tie.subject.id == here else tie.subject
        child = LineageNode(entity, tie.relation, direction, tie.start, tie.end, tie)
        nodes[here].children.append(child)
        nodes[other] = child
    return root


def _row_step(row: Any, entity_id: int) -> tuple[int, str] | None:
    """The other end of a lineage tie (a row of the ties table), and whether it came before or after
    `entity_id`."""
    here_is_subject = row["subject_id"] == entity_id
    other = row["object_id"] if here_is_subject else row["subject_id"]
    if row["relation"] in ("successor_of", "split_from"):  # subject came out of object
        return other, "predecessor" if here_is_subject else "successor"
    if row["relation"] == "merged_into":  # subject went into object
        return other, "successor" if here_is_subject else "predecessor"
    return None
