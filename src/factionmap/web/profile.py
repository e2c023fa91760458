"""A group's profile as JSON: names and why, leaders over time, a dated timeline of cited ties."""
from __future__ import annotations

from typing import Any

from ..model import Entity, Tie
from . import serialize


def _sort_key(tie: Tie) -> tuple:
    start = tie.start.earliest.isoformat() if tie.start else "9999"
    return (start, tie.relation, tie.subject.name, tie.object.name)


def profile_json(graph, entity: Entity) -> dict[str, Any]:
    p = graph.profile(entity)
    ent = p.entity
    aliases = [
        {"name": a.name, "source": a.source, "why": a.why,
         "documents": [d | {"title": d.get("title") or d["id"][:12], "href": f"/documents/{d['id']}"} for d in a.documents]}
        for a in p.aliases
    ]
    leaders = []
    for person, start, end, tie in p.leaders:
        leaders.append({
            "person": serialize.entity_ref(person), "start": serialize.date(start), "end": serialize.date(end),
            "span": serialize.span(start, end), "tie": serialize.tie(tie),
        })
    seen: dict[int, Tie] = {}
    for ties in p.ties_by_relation.values():
        for tie in ties:
            seen.setdefault(tie.id, tie)
    timeline = [serialize.tie(t) for t in sorted(seen.values(), key=_sort_key)]
    neighbours = sorted(p.neighbours, key=lambda e: e.name.casefold())
    return {
        "entity": serialize.entity(ent),
        "aliases": aliases,
        "leaders": leaders,
        "timeline": timeline,
        "ties_by_relation": {
            rel: [t.id for t in sorted(ties, key=_sort_key)] for rel, ties in sorted(p.ties_by_relation.items())
        },
        "neighbours": [serialize.entity_ref(e) for e in neighbours],
        "links": {"page": f"/entities/{ent.id}", "json": f"/api/entities/{ent.id}",
                  "map": f"/?focus={ent.id}", "lineage": f"/?focus={ent.id}&lineage=1&depth=3"},
    }
