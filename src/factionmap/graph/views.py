"""Views of one entity: its profile and its lineage."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Entity, FuzzyDate, Tie
from ..relations import LINEAGE
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
    entity = graph.entity(entity_id)
    ties = graph.ties(entity=entity_id, **filters)
    with graph.engine.connect() as conn:
        why = decisions.explain(conn, entity_id)
    sources = {a.name: a.source for a in entity.aliases}
    aliases = [AliasInfo(name, sources.get(name, "text"), docs, reason) for name, docs, reason in why]
    by_relation: dict[str, list[Tie]] = defaultdict(list)
    neighbours: dict[int | None, Entity] = {}  # store entities: each has its id
    for tie in ties:
        by_relation[tie.relation].append(tie)
        other = tie.object if tie.subject.id == entity_id else tie.subject
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


def _steps(tie: Tie, entity_id: int) -> tuple[Entity, str] | None:
    """The other end of a lineage tie, and whether it came before or after `entity_id`."""
    here_is_subject = tie.subject.id == entity_id
    other = tie.object if here_is_subject else tie.subject
    if tie.relation in ("successor_of", "split_from"):  # subject came out of object
        return other, "predecessor" if here_is_subject else "successor"
    if tie.relation == "merged_into":  # subject went into object
        return other, "successor" if here_is_subject else "predecessor"
    return None


def lineage(graph: Graph, entity_id: int, depth: int = 6) -> LineageNode:
    """Predecessors and successors (splits, mergers, renamings), as a tree rooted at the entity."""
    root = LineageNode(graph.entity(entity_id))
    seen = {entity_id}
    frontier: list[tuple[LineageNode, str | None]] = [(root, None)]
    for _ in range(depth):
        nxt: list[tuple[LineageNode, str | None]] = []
        for node, came in frontier:
            here = node.entity.id
            if here is None:  # pragma: no cover - entities read from the store have ids
                continue
            ties = [t for t in graph.ties(entity=here, relation=sorted(LINEAGE))
                    if t.status.value != "denied"]
            for tie in ties:
                step = _steps(tie, here)
                if step is None or step[0].id is None or step[0].id in seen:
                    continue
                other, direction = step
                assert other.id is not None
                if came and direction != came:  # keep going the same way in time
                    continue
                seen.add(other.id)
                child = LineageNode(other, tie.relation, direction, tie.start, tie.end, tie)
                node.children.append(child)
                nxt.append((child, direction))
        frontier = nxt
        if not frontier:
            break
    return root
