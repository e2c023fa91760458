"""Plain-JSON forms of the graph's objects: the CLI's --json output and the web app's JSON twins."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Citation, Entity, FuzzyDate, Tie
from .reviews import Review, original, plain_change

if TYPE_CHECKING:
    from .decisions import Decision
    from .views import LineageNode, Profile


def date(d: FuzzyDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"iso": d.iso, "earliest": d.earliest.isoformat(), "latest": d.latest.isoformat(), "text": d.text}


def entity(e: Entity, *, aliases: bool = True) -> dict[str, Any]:
    out: dict[str, Any] = {"id": e.id, "name": e.name, "type": e.type.value, "kb_id": e.kb_id}
    if aliases:
        out["aliases"] = [{"name": a.name, "source": a.source, "documents": a.documents, "doc_ids": sorted(a.doc_ids)}
                          for a in e.aliases]
    return out


def citation(c: Citation) -> dict[str, Any]:
    return {"assertion_id": c.assertion_id, "doc_id": c.doc_id, "doc_title": c.doc_title, "published": c.published,
            "publisher": c.publisher, "author": c.author, "url": c.url, "start_char": c.start_char,
            "end_char": c.end_char, "quote": c.quote, "stance": c.stance.value, "attribution": c.attribution,
            "extractor": c.extractor}


def tie(x: Tie) -> dict[str, Any]:
    return {"id": x.id, "subject": entity(x.subject, aliases=False), "relation": x.relation,
            "object": entity(x.object, aliases=False), "status": x.status.value, "start": date(x.start),
            "end": date(x.end), "confidence": x.confidence, "grade": x.grade, "review": x.review,
            "citations": [citation(c) for c in x.citations]}


def profile(p: Profile) -> dict[str, Any]:
    return {
        "entity": entity(p.entity),
        "aliases": [{"name": a.name, "source": a.source, "documents": a.documents, "document_count": a.document_count,
                     "why": a.why} for a in p.aliases],
        "leaders": [{"person": entity(person, aliases=False), "start": date(s), "end": date(e), "tie_id": x.id}
                    for person, s, e, x in p.leaders],
        "ties_by_relation": {rel: [tie(x) for x in ties] for rel, ties in p.ties_by_relation.items()},
        "neighbours": [entity(n, aliases=False) for n in p.neighbours],
        "page": page(p),
    }


def page(p: Profile) -> dict[str, Any]:
    """Which of an entity's ties a profile holds: `shown` of `total` from `offset` (the most cited
    first), the totals per relation, and where the next page starts (null on the last)."""
    return {"offset": p.offset, "limit": p.limit, "shown": p.shown, "total": p.total, "counts": dict(sorted(p.counts.items())),
            "next_offset": p.next_offset}


def lineage(node: LineageNode) -> dict[str, Any]:
    return {"entity": entity(node.entity, aliases=False), "relation": node.relation, "direction": node.direction,
            "start": date(node.start), "end": date(node.end), "tie_id": node.tie.id if node.tie else None,
            "children": [lineage(c) for c in node.children]}


def decision(d: Decision) -> dict[str, Any]:
    return {"id": d.id, "kind": d.kind, "description": d.description, "payload": d.payload,
            "created_at": d.created_at.isoformat() if d.created_at else None,
            "undone_at": d.undone_at.isoformat() if d.undone_at else None}


def review(r: Review) -> dict[str, Any]:
    """A review: its verdict, who and when, the tie as it was, the change it makes, its evidence."""
    return {"id": r.id, "kind": r.kind, "verdict": r.verdict, "state": r.state, "actor": r.actor,
            "created_at": r.created_at.isoformat(), "undone_at": r.undone_at.isoformat() if r.undone_at else None,
            "note": r.note, "tie": {"id": r.tie.get("id"), **original(r.tie)}, "change": plain_change(r.change),
            "ties": r.tie_ids, "supersedes": r.supersedes,
            "evidence": [{k: e.get(k) for k in ("doc_id", "start_char", "end_char", "relation", "stance", "quote",
                                                "extractor")} for e in r.evidence]}
