"""JSON for the API and the templates: the graph layer's jsonify forms, plus what a reader needs on
a page (relation labels, links to the cited sentence, whether a tie is only reported)."""
from __future__ import annotations

from typing import Any

from ..graph import jsonify
from ..graph.reviews import Review
from ..model import Citation, Entity, FuzzyDate, Stance, Tie
from ..relations import RELATIONS

date = jsonify.date


def entity_ref(e: Entity) -> dict[str, Any]:
    return jsonify.entity(e, aliases=False) | {"href": f"/entities/{e.id}"}


def entity(e: Entity) -> dict[str, Any]:
    return jsonify.entity(e) | {"attributes": e.attributes or {}, "href": f"/entities/{e.id}"}


def citation_href(doc_id: str, start: int, end: int) -> str:
    return f"/documents/{doc_id}?start={start}&end={end}#quote"


def citation(c: Citation) -> dict[str, Any]:
    return jsonify.citation(c) | {"href": citation_href(c.doc_id, c.start_char, c.end_char)}


def relation_label(name: str) -> str:
    rel = RELATIONS.get(name)
    return rel.label if rel else name.replace("_", " ")


def is_reported(tie: Tie) -> bool:
    """Every piece of supporting evidence is hedged or attributed: nobody states it as fact."""
    stances = {c.stance for c in tie.citations if c.stance != Stance.DENIED}
    return bool(stances) and stances == {Stance.REPORTED}


def span(start: FuzzyDate | None, end: FuzzyDate | None) -> str:
    """'2013-04 – 2016-07', 'since 2015', 'until 2016', or ''."""
    if start and end:
        return f"{start.iso} – {end.iso}"
    if start:
        return f"since {start.iso}"
    if end:
        return f"until {end.iso}"
    return ""


def tie(t: Tie, *, citations: bool = True) -> dict[str, Any]:
    out = jsonify.tie(t) | {
        "subject": entity_ref(t.subject),
        "object": entity_ref(t.object),
        "label": relation_label(t.relation),
        "reported": is_reported(t),
        "span": span(t.start, t.end),
        "citation_count": len(t.citations),
        "href": f"/ties/{t.id}",
    }
    out["citations"] = [citation(c) for c in t.citations] if citations else []
    return out


def sides(t: Tie) -> dict[str, list[dict[str, Any]]]:
    """A tie's evidence, split into what states it and what denies it."""
    return {
        "for": [citation(c) for c in t.citations if c.stance != Stance.DENIED],
        "against": [citation(c) for c in t.citations if c.stance == Stance.DENIED],
    }


def review(r: Review) -> dict[str, Any]:
    """A review as `jsonify.review` gives it, with links to the ties it concerns."""
    return jsonify.review(r) | {"ties_href": [f"/ties/{i}" for i in r.tie_ids]}
