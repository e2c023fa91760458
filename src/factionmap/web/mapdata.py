"""The map as JSON: nodes and edges for the filters the page sends, from the graph layer's ties.

Nodes and edges come sorted by id, with each node's place in the whole map's layout (`maplayout`: made
once per store version, so the same data gives the same positions under every filter).
The answer holds only what the first drawing needs, read in a few set-based queries: each node its
name, kind, degree and lifespan, each edge its relation, status, dates and counts of citations and
sources; what a relation is called and how it is drawn comes once, in `relations`. Aliases, quotes and
profiles are fetched when a reader hovers or clicks (/api/entities/{id}/card, /api/ties/{id}).
"""
from __future__ import annotations

import datetime as dt
import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from fastapi import HTTPException
from sqlalchemy import func, literal_column, select

from ..errors import NotFound
from ..graph import degrees
from ..graph.kinds import kind_of
from ..model import Entity, Tie
from ..relations import FAMILIES, LINEAGE, RELATIONS, SYMMETRIC
from ..store import schema as t
from . import maplayout, serialize
from .mappaging import regions_of

DEFAULT_STATUSES = degrees.MAP_STATUSES  # the map as it opens: what graph.degrees counts
DEFAULT_TYPES = degrees.MAP_TYPES


@dataclass
class MapQuery:
    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    relations: list[str] | None = None  # None: every relation; []: none
    statuses: list[str] = field(default_factory=lambda: list(DEFAULT_STATUSES))
    types: list[str] = field(default_factory=lambda: list(DEFAULT_TYPES))
    min_grade: str | None = None  # "B3", or "3" (credibility 1-3, any source)
    undated: bool | None = None  # keep ties whose dates are unknown (None: only when no date is chosen)
    region: str | None = None
    focus: int | None = None
    depth: int = 1
    lineage: bool = False
    as_of_text: str | None = None  # as written ("2012"), for the page to show
    limit: int | None = None  # groups drawn at most (None: mappaging.MAP_LIMIT)

    @property
    def dated(self) -> bool:
        return bool(self.as_of or self.start or self.end)

    @property
    def keep_undated(self) -> bool:
        return self.undated if self.undated is not None else not self.dated

    def applied(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of_text or (self.as_of.isoformat() if self.as_of else None),
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "relation": self.relations if self.relations is not None else sorted(RELATIONS),
            "status": self.statuses, "type": self.types,
            "min_grade": self.min_grade, "region": self.region, "focus": self.focus,
            "depth": self.depth, "lineage": self.lineage, "undated": self.keep_undated, "limit": self.limit,
        }


def opening_ties(graph: Any) -> list[Tie]:
    """The ties of the map as it opens (no filter): what the whole map's layout places."""
    return chosen_ties(graph, MapQuery(), citations=False)[0]


def _relations(q: MapQuery) -> set[str] | None:
    """The relations the map may show; None: every one, whatever the store holds."""
    if q.relations is None:
        return set(LINEAGE) if q.lineage else None
    return set(q.relations) & LINEAGE if q.lineage else set(q.relations)


def _select(ties: list[Tie], q: MapQuery, regions: dict[int, set[str]]) -> list[Tie]:
    rels = _relations(q)
    types, statuses = set(q.types), set(q.statuses)
    region = (q.region or "").casefold()

    def in_region(e: Entity) -> bool:
        return any(r.casefold() == region for r in regions.get(e.id, ()))

    return [
        t for t in ties
        if (rels is None or t.relation in rels) and t.status.value in statuses
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


def store_bounds(graph) -> dict[str, str | None]:
    """The first and last day any tie or lifespan in the store names."""
    with graph.engine.connect() as conn:  # kept per entity with the ties (graph.degrees): no scan of the ties
        lo, hi = degrees.bounds(conn)
    lows, highs = [d for d in lo if d], [d for d in hi if d]
    return {"min": min(lows) if lows else None, "max": max(highs) if highs else None}


def check_range(graph, q: MapQuery) -> dict[str, str | None]:
    """Refuse a year before everything the store knows, or after this year (400, saying the range)."""
    bounds = store_bounds(graph)
    if not bounds["min"]:
        return bounds
    first = dt.date.fromisoformat(bounds["min"]).year
    last = max(dt.date.today().year, dt.date.fromisoformat(bounds["max"]).year)
    for name, value in (("as_of", q.as_of), ("from", q.start), ("to", q.end)):
        if value is not None and not first <= value.year <= last:
            where = "before the earliest date in this store" if value.year < first else "in the future"
            raise HTTPException(400, f"{name}: {value.year} is {where}; the map covers {first} to {last}")
    return bounds


def check_focus(graph, q: MapQuery) -> Entity | None:
    if q.focus is None:
        return None
    try:
        return graph.entity(q.focus)
    except NotFound:
        raise HTTPException(400, f"focus: no entity with id {q.focus} in this store") from None


def histogram(graph, q: MapQuery) -> list[dict[str, int]]:
    """Dated ties per year of their start, under the relation and status filters (not the date): summed
    from the store's years (`years`), not read from the ties on each request."""
    relations = None if q.relations is None else set(q.relations)
    statuses = set(q.statuses)
    per_year: dict[str, int] = defaultdict(int)
    for relation, status, year, n in years(graph):
        if (relations is None or relation in relations) and status in statuses:
            per_year[year] += n
    return [{"year": int(y), "ties": per_year[y]} for y in sorted(per_year)]


_YEARS: weakref.WeakKeyDictionary[Any, tuple[int, list[tuple[str, str, str, int]]]] = weakref.WeakKeyDictionary()
_YEARS_LOCK = threading.Lock()


def years(graph) -> list[tuple[str, str, str, int]]:
    """(relation, status, year of start, ties) of every dated tie in the store: one read of the ties per
    store version (from the status index alone on PostgreSQL, migration 0021), kept per store; every write
    raises the version, so the next request reads them anew."""
    store = graph.store
    version = store.version()
    with _YEARS_LOCK:
        held = _YEARS.get(store)
    if held is not None and held[0] == version:
        return held[1]
    c = t.ties.c
    # literal bounds: PostgreSQL does not see substr(x, $1, $2) and substr(x, $3, $4) as one expression
    year = func.substr(c.start_earliest, literal_column("1"), literal_column("4"))
    query = select(c.relation, c.status, year, func.count()).where(c.start_earliest.is_not(None)) \
        .group_by(c.relation, c.status, year)
    with graph.engine.connect() as conn:
        found = [(r, s, y, n) for r, s, y, n in conn.execute(query) if y and y.isdigit()]
    if store.version() == version:  # nothing was written meanwhile: keep them for this version
        with _YEARS_LOCK:
            _YEARS[store] = (version, found)
    return found


def _lifespans(graph, ids) -> dict[int, dict]:
    from ..lifespans import spans

    with graph.engine.connect() as conn:
        return spans.by_entity(conn, ids)


def relations_used(names) -> dict[str, dict[str, Any]]:
    """How each of these relations is called and drawn: its label, family, and whether it is symmetric."""
    out = {}
    for name in sorted(set(names)):
        rel = RELATIONS.get(name)
        out[name] = {"label": serialize.relation_label(name), "family": rel.family if rel else "",
                     "symmetric": name in SYMMETRIC}
    return out


def edge(t: Tie, counts: tuple[int, int, bool]) -> dict[str, Any]:
    """One line of the map; `counts` is (citations, documents cited, only reported), as
    Graph.citation_counts gives them."""
    citations, sources, reported = counts
    return {"id": t.id, "source": t.subject.id, "target": t.object.id, "relation": t.relation,
            "status": t.status.value, "reported": reported, "grade": t.grade, "confidence": t.confidence,
            "start": t.start.iso if t.start else None, "end": t.end.iso if t.end else None,
            "undated": t.start is None and t.end is None, "citations": citations, "sources": sources,
            "review": t.review["verdict"] if getattr(t, "review", None) else None}


def edge_row(r: Any, verdict: str | None) -> dict[str, Any]:
    """`edge` of a row of the ties table (mappaging's EDGE columns), without making a Tie: the same answer."""
    start, end = r["start_iso"] or None, r["end_iso"] or None
    return {"id": r["id"], "source": r["subject_id"], "target": r["object_id"], "relation": r["relation"],
            "status": r["status"], "reported": bool(r["only_reported"]), "grade": r["grade"],
            "confidence": r["confidence"], "start": start, "end": end, "undated": start is None and end is None,
            "citations": r["citation_count"], "sources": r["cited_documents"], "review": verdict}


def chosen_ties(graph, q: MapQuery, *, citations: bool = True,
                entity: int | None = None) -> tuple[list[Tie], dict[int, set[str]]]:
    """The ties the map shows under these filters (and the regions of every group in the period).

    Dates, grade, relations and statuses are filtered in SQL, the rest here. `citations=False` reads
    neither the citations nor the ends' aliases (the map counts citations apart). `entity`: only the
    ties of this entity (read alone without a focus; the regions then only for a region filter)."""
    min_grade = f"F{q.min_grade}" if q.min_grade and len(q.min_grade) == 1 else q.min_grade
    period = dict(as_of=q.as_of, start=q.start, end=q.end, min_grade=min_grade, undated=q.keep_undated,
                  citations=citations, aliases=citations)
    rels = _relations(q)
    if rels == set() or not q.statuses or not q.types:  # an empty selection selects nothing: reads nothing
        return [], {}
    alone = entity is not None and q.focus is None  # its ties are all that is needed
    regions = regions_of(graph.ties(relation="operates_in", **period)) if q.region or not alone else {}
    ties = graph.ties(relation=sorted(rels) if rels else None, status=q.statuses,
                      entity=entity if alone else None, **period)
    chosen = _select(ties, q, regions)
    if q.focus is not None:
        chosen = _neighbourhood(chosen, q.focus, q.depth)
    if entity is not None:
        chosen = [x for x in chosen if entity in (x.subject.id, x.object.id)]
    return sorted(chosen, key=lambda x: x.id), regions


def build_map(graph, q: MapQuery) -> dict[str, Any]:
    """Nodes and edges of the map as it stood (as_of, or overlapping from..to) under the filters."""
    from .mappaging import MAP_LIMIT, page

    bounds = check_range(graph, q)
    focus = check_focus(graph, q)
    paged = page(graph, q, _relations(q), q.limit)
    nodes: dict[int, Entity] = {}
    degree: dict[int, int] = defaultdict(int)
    if paged is None:
        chosen, regions = chosen_ties(graph, q, citations=False)
        for x in chosen:
            for e in (x.subject, x.object):
                nodes.setdefault(e.id, e)
                degree[e.id] += 1
        counts = graph.citation_counts(x.id for x in chosen)
        edges = [edge(x, counts.get(x.id, (0, 0, False))) for x in chosen]
    else:  # rows, not Tie objects: the page's edges straight from the ties table
        regions = paged.regions
        for r in paged.rows:
            for eid in (r["subject_id"], r["object_id"]):
                nodes.setdefault(eid, paged.ends[eid])
                degree[eid] += 1
        edges = [edge_row(r, paged.verdicts.get(r["id"])) for r in paged.rows]
    if focus is not None:
        nodes.setdefault(focus.id, focus)
    lives = _lifespans(graph, nodes)
    return {
        "filters": q.applied(),
        # how much of the selection is drawn: the groups with the most ties, or the focus's neighbourhood
        "page": {"limit": q.limit or MAP_LIMIT, "groups": paged.groups if paged else len(nodes),
                 "shown": len(nodes), "truncated": bool(paged and paged.groups > len(nodes))},
        "bounds": bounds,
        "histogram": histogram(graph, q),
        "relations": relations_used(x["relation"] for x in edges),
        "nodes": [
            {"id": e.id, "name": e.name, "type": e.type.value, "kind": kind_of(e), "degree": degree[e.id],
             "lifespan": lives.get(e.id)}
            for e in sorted(nodes.values(), key=lambda e: e.id)
        ],
        "edges": edges,
        "positions": maplayout.positions_for(graph, nodes, opening_ties),  # the whole map's layout: the page only draws
        # country codes ("SY") still match the region filter; the list offers the names
        "regions": sorted({r for rs in regions.values() for r in rs if not (len(r) <= 3 and r.isupper())},
                          key=str.casefold),
    }


def card(graph, entity: Entity) -> dict[str, Any]:
    """What a tooltip says about a node beyond the map's answer: its other names and its lifespan."""
    return {"id": entity.id, "name": entity.name, "type": entity.type.value, "kind": kind_of(entity),
            "aliases": [a.name for a in entity.aliases][:12], "lifespan": _lifespans(graph, [entity.id]).get(entity.id),
            "href": f"/entities/{entity.id}"}


def legend() -> list[dict[str, Any]]:
    return [
        {"name": r.name, "label": r.label, "symmetric": r.symmetric, "lineage": r.lineage, "family": r.family,
         "description": r.description}
        for r in RELATIONS.values()
    ]


# How each family is drawn besides its colour (map-style.js FAMILY_STYLE), as the legend says it
ARROWS = {"hierarchy": "→ arrow", "alliance": "═ double line", "conflict": "⊣ bars", "lineage": "› chevrons",
          "leadership": "● dot", "place": "■ square, dotted"}
KIND_LABELS = [("armed_group", "armed group"), ("coalition", "coalition"), ("party", "party"), ("state", "state"),
               ("government_body", "government body"), ("media_outlet", "media outlet"), ("person", "person"),
               ("place", "place"), ("other", "other")]


def families() -> list[dict[str, Any]]:
    """The legend by family: each family's relations, in the vocabulary's order."""
    return [{"name": name, "description": text, "arrow": ARROWS.get(name, ""),
             "relations": [r for r in legend() if r["family"] == name]}
            for name, text in FAMILIES.items()]
