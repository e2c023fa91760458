"""Views of one entity: its profile and its lineage."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Entity, FuzzyDate, Tie
from . import decisions

if TYPE_CHECKING:
    from .api import Graph


@dataclass
class AliasInfo:
    """One name of an entity and why it is there."""

    name: str
    source: str  # kb, text, acronym, script, user
    documents: list[dict[str, Any]]  # [{"id", "title"}]
    why: str


@dataclass
class Profile:
    entity: Entity
    aliases: list[AliasInfo]
    leaders: list[tuple[Entity, FuzzyDate | None, FuzzyDate | None, Tie]]
    ties_by_relation: dict[str, list[Tie]]
    neighbours: list[Entity]


def profile(graph: Graph, entity_id: int, **filters: Any) -> Profile:
    """An entity (already known to exist) with its ties, read on one connection in a few queries."""
    from sqlalchemy import or_

    from ..store import schema as t
    from . import read

    limit = filters.pop("limit", None)
    citations, with_aliases = filters.pop("citations", True), filters.pop("aliases", True)
    query = graph._ties_query(**filters).where(or_(t.ties.c.subject_id == entity_id, t.ties.c.object_id == entity_id))
    if limit:
        query = query.limit(limit)
    with graph.engine.connect() as conn:
        ties = read.ties(conn, list(conn.execute(query).mappings()), with_citations=citations, aliases=with_aliases)
        entity = next((e for tie in ties for e in (tie.subject, tie.object) if e.id == entity_id), None)
        if entity is None or not with_aliases:  # no ties, or ends read without their names
            entity = read.entities(conn, [entity_id])[entity_id]
        why = decisions.explain(conn, entity_id)
    sources = {a.name: a.source for a in entity.aliases}
    aliases = [AliasInfo(name, sources.get(name, "text"), docs, reason) for name, docs, reason in why]
    by_relation: dict[str, list[Tie]] = defaultdict(list)
    neighbours: dict[int | None, Entity] = {}  # store entities: each has its id
    for tie in ties:
        by_relation[tie.relation].append(tie)
        other = tie.object if tie.subject.id == entity_id else tie.subject
        if other.id is not None:  # entities read from the store have ids
            neighbours.setdefault(other.id, other)
    leaders = sorted(
        ((tie.subject, tie.start, tie.end, tie) for tie in by_relation.get("leader_of", [])
         if tie.object.id == entity_id and tie.status.value != "denied"),
        key=lambda x: (x[1].earliest if x[1] else dt.date.max),
    )
    return Profile(entity, aliases, leaders, dict(by_relation), sorted(neighbours.values(), key=lambda e: e.name))


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
    (paths.lineage_rows, rows only); the ties the tree keeps are then read once, with their citations."""
    from . import read
    from .paths import lineage_rows

    root = LineageNode(graph.entity(entity_id))
    with graph.engine.connect() as conn:
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
        ties = {x.id: x for x in read.ties(conn, [r for _, r, _, _ in kept])}
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
