"""The map as JSON: nodes and edges for the filters the page sends, from the graph layer's ties."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import Entity, Tie
from ..relations import LINEAGE, RELATIONS, SYMMETRIC
from . import serialize

DEFAULT_STATUSES = ("supported", "contested")
DEFAULT_TYPES = ("ORG",)


@dataclass
class MapQuery:
    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    relations: list[str] = field(default_factory=list)  # empty: every relation
    statuses: list[str] = field(default_factory=lambda: list(DEFAULT_STATUSES))
    types: list[str] = field(default_factory=lambda: list(DEFAULT_TYPES))
    min_grade: str | None = None  # "B3", or "3" (credibility 1-3, any source)
    undated: bool = True  # with a date filter, keep ties whose dates are unknown
    region: str | None = None
    focus: int | None = None
    depth: int = 1
    lineage: bool = False

    def applied(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "relation": self.relations, "status": self.statuses, "type": self.types,
            "min_grade": self.min_grade, "region": self.region, "focus": self.focus,
            "depth": self.depth, "lineage": self.lineage, "undated": self.undated,
        }


def regions_of(ties: list[Tie]) -> dict[int, set[str]]:
    """Where each entity operates: the places of its operates_in ties, with their country and region."""
    out: dict[int, set[str]] = defaultdict(set)
    for tie in ties:
        if tie.relation != "operates_in":
            continue
        place = tie.object
        names = {place.name, *(str(place.attributes.get(k)) for k in ("country", "region") if place.attributes.get(k))}
        out[tie.subject.id].update(names)
    for entity in {t.object.id: t.object for t in ties if t.relation == "operates_in"}.values():
        out[entity.id].update(str(entity.attributes.get(k)) for k in ("country", "region") if entity.attributes.get(k))
        out[entity.id].add(entity.name)
    return out


def _select(ties: list[Tie], q: MapQuery, regions: dict[int, set[str]]) -> list[Tie]:
    rels = set(q.relations) or set(RELATIONS) | {t.relation for t in ties}
    if q.lineage:
        rels &= LINEAGE
    types, statuses = set(q.types), set(q.statuses)
    region = (q.region or "").casefold()

    def in_region(e: Entity) -> bool:
        return any(r.casefold() == region for r in regions.get(e.id, ()))

    return [
        t for t in ties
        if t.relation in rels and t.status.value in statuses
        and t.subject.type.value in types and t.object.type.value in types
        and (not region or in_region(t.subject) or in_region(t.object))
    ]


def _neighbourhood(ties: list[Tie], focus: int, depth: int) -> list[Tie]:
    near, frontier = {focus}, {focus}
    for _ in range(max(1, depth)):
        step = {e for t in ties if t.subject.id in frontier or t.object.id in frontier
                for e in (t.subject.id, t.object.id)}
        frontier = step - near
        near |= step
    return [t for t in ties if t.subject.id in near and t.object.id in near]


def _bounds(ties: list[Tie]) -> dict[str, str | None]:
    days = [d for t in ties for d in (t.start.earliest if t.start else None, t.end.latest if t.end else None) if d]
    return {"min": min(days).isoformat() if days else None, "max": max(days).isoformat() if days else None}


def build_map(graph, q: MapQuery) -> dict[str, Any]:
    """Nodes and edges of the map as it stood (as_of, or overlapping start..end) under the filters."""
    min_grade = f"F{q.min_grade}" if q.min_grade and len(q.min_grade) == 1 else q.min_grade
    ties = graph.ties(as_of=q.as_of, start=q.start, end=q.end, min_grade=min_grade, undated=q.undated)
    regions = regions_of(ties)
    chosen = _select(ties, q, regions)
    if q.focus is not None:
        chosen = _neighbourhood(chosen, q.focus, q.depth)
    nodes: dict[int, Entity] = {}
    degree: dict[int, int] = defaultdict(int)
    for t in chosen:
        for e in (t.subject, t.object):
            nodes.setdefault(e.id, e)
            degree[e.id] += 1
    if q.focus is not None and q.focus not in nodes:
        try:
            nodes[q.focus] = graph.entity(q.focus)
        except Exception:  # noqa: BLE001 - an unknown focus just shows an empty map
            pass
    return {
        "filters": q.applied(),
        "bounds": _bounds(ties),
        "nodes": [
            {"id": e.id, "name": e.name, "type": e.type.value, "degree": degree[e.id],
             "regions": sorted(regions.get(e.id, ()))}
            for e in nodes.values()
        ],
        "edges": [
            {"id": t.id, "source": t.subject.id, "target": t.object.id, "relation": t.relation,
             "status": t.status.value,
             "reported": serialize.is_reported(t), "symmetric": t.relation in SYMMETRIC, "grade": t.grade,
             "confidence": t.confidence, "start": t.start.iso if t.start else None,
             "end": t.end.iso if t.end else None, "citations": len(t.citations),
             "review": t.review["verdict"] if t.review else None}
            for t in chosen
        ],
        # country codes ("SY") still match the region filter; the list offers the names
        "regions": sorted({r for rs in regions.values() for r in rs if not (len(r) <= 3 and r.isupper())},
                          key=str.casefold),
    }


def legend() -> list[dict[str, Any]]:
    return [
        {"name": r.name, "label": r.label, "symmetric": r.symmetric, "lineage": r.lineage,
         "description": r.description}
        for r in RELATIONS.values()
    ]
