"""A group's profile as JSON: an overview card (names, kind, lifespan, status, areas, leaders with
terms, designations, parent and affiliates, external ids), a relationships table, and a dated timeline
of cited ties — each citation once per tie, with the sentences before and after it."""
from __future__ import annotations

import re
from typing import Any

from ..annotation import sentence_bounds
from ..graph.kinds import kind_of
from ..model import Entity, Tie
from . import serialize

# A leader whose evidence speaks of a part of the group leads that part, not the whole
_REGIONAL = re.compile(r"(?i)\b(?:province|wilayah?|wilayat|vilayat|branch|regional|of this area|local|wali|"
                       r"governor|sector|front in|commander in)\b")
MAX_PAGE = 1000  # the most ties a profile's page may ask for
_HEADING = re.compile(r"^\s*=+[^=\n]*=+\s*$", re.M)
_INFOBOX = re.compile(r"^\s*[-*]?\s*([A-Z][\w ]{1,40}?)\s*(?:\||:)\s*(.+?)\s*\|?\s*$")


def _sort_key(tie: Tie) -> tuple:
    start = tie.start.earliest.isoformat() if tie.start else "9999"
    return (start, tie.relation, tie.subject.name, tie.object.name)


class _Texts:
    def __init__(self, store):
        self.store, self.cache = store, {}

    def get(self, doc_id: str) -> str:
        if doc_id not in self.cache:
            self.cache[doc_id] = self.store.document(doc_id).text
        return self.cache[doc_id]


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    before = after = ""
    prev = start
    while prev > 0 and text[prev - 1] in " \n":
        prev -= 1
    if prev > 0:  # the sentence (or line) ending at the last character before the quote
        a, b = sentence_bounds(text, prev - 1, prev - 1)
        before = text[a:b].strip() if b <= start else ""
    if end < len(text):
        nxt = end
        while nxt < len(text) and text[nxt] in " \n":
            nxt += 1
        if nxt < len(text):
            a, b = sentence_bounds(text, nxt, nxt + 1)
            after = text[a:b].strip()
    return before[-400:], after[:400]


def citations(tie: Tie, texts: _Texts) -> list[dict[str, Any]]:
    """A tie's citations, each evidence span once, headings trimmed, infobox lines named, with context."""
    out, seen = [], set()
    for c in tie.citations:
        key = (c.doc_id, c.start_char, c.end_char)
        if key in seen:
            continue
        seen.add(key)
        item = serialize.citation(c)
        quote = _HEADING.sub("", c.quote).strip()
        box = _INFOBOX.match(quote) if "\n" not in quote else None
        if box and ("|" in quote or len(quote) < 120):
            item["infobox"] = {"field": box.group(1).strip(), "value": box.group(2).strip(" |")}
        item["quote"] = quote or c.quote
        try:
            item["before"], item["after"] = _context(texts.get(c.doc_id), c.start_char, c.end_char)
        except Exception:  # noqa: BLE001 - a document gone since: the quote alone
            item["before"] = item["after"] = ""
        out.append(item)
    return out


def _tie(t: Tie, texts: _Texts) -> dict[str, Any]:
    out = serialize.tie(t, citations=False)
    out["citations"] = citations(t, texts)
    out["citation_count"] = len(out["citations"])
    out["sources"] = len({c["doc_id"] for c in out["citations"]})
    return out


def _alias_provenance(p, texts: _Texts) -> list[dict[str, Any]]:
    out = []
    for a in p.aliases:
        found, named = [], []
        for d in a.documents:
            text = texts.get(d["id"]) if d.get("id") else ""
            pattern = r"(?<!\w)" + re.escape(a.name).replace(r"\-", "[-\u2010-\u2015 ]").replace(r"\ ", r"[\s\-]") + r"(?!\w)"
            flags = 0 if a.name.isupper() or len(a.name) <= 4 else re.I
            (found if re.search(pattern, text, flags) else named).append(
                d | {"title": d.get("title") or d["id"][:12], "href": f"/documents/{d['id']}"})
        if found and a.document_count > len(a.documents):  # a hub's name: its first documents are read
            where = f"named in {a.document_count:,} documents; written so in {len(found)} of the first {len(a.documents)}"
        elif found:
            where = f"written so in {len(found)} document{'s' if len(found) != 1 else ''}"
        elif a.source == "kb":
            where = "from the knowledge base (no document writes it so)"
        else:
            where = f"{a.source}: not written so in any document"
        out.append({"name": a.name, "source": a.source, "why": a.why, "where": where, "documents": found,
                    "matched_in": named})
    return out


def _lifespan(graph, entity_id: int) -> dict[str, Any] | None:
    from ..lifespans import spans

    with graph.engine.connect() as conn:
        life = spans.load(conn, [entity_id]).get(entity_id)
    if life is None:
        return None
    return {
        "start": serialize.date(life.start), "end": serialize.date(life.end),
        "span": serialize.span(life.start, life.end), "status": life.status(),
        "events": [{"kind": e.kind.value, "date": serialize.date(e.date), "quote": e.quote, "doc_id": e.doc_id,
                    "doc_title": e.doc_title, "new_name": e.new_name, "bound": e.bound, "reader": e.reader,
                    "href": serialize.citation_href(e.doc_id, e.start_char, e.end_char)} for e in life.events],
    }


def _leaders(graph, p, entity_id: int, ties: list[Tie], texts: _Texts) -> tuple[list, list]:
    """Leaders of the whole group, and leaders of its branches (a leader of a province is not its leader)."""
    parts = {t.subject.id for t in ties if t.relation == "part_of" and t.object.id == entity_id
             and t.status.value != "denied"}
    leads_part = {person.id for person, *_ in p.leaders
                  if parts & {t.object.id for t in graph.ties(entity=person.id, relation="leader_of", citations=False)}}
    whole, regional = [], []
    for person, start, end, tie in p.leaders:
        quotes = [c.quote for c in tie.citations]
        row = {"person": serialize.entity_ref(person), "start": serialize.date(start), "end": serialize.date(end),
               "span": serialize.span(start, end), "tie": _tie(tie, texts)}
        if quotes and all(_REGIONAL.search(q) for q in quotes) or person.id in leads_part:
            regional.append(row)
        else:
            whole.append(row)
    return whole, regional


def profile_json(graph, entity: Entity, offset: int = 0, limit: int | None = None) -> dict[str, Any]:
    """The profile with a page of the entity's ties (graph.views.profile: `limit`, default
    PROFILE_PAGE, the most cited first, from `offset`); `page` says which, and where the next starts."""
    from ..graph.jsonify import page
    from ..graph.views import PROFILE_PAGE

    p = graph.profile(entity, limit=limit or PROFILE_PAGE, offset=offset)
    ent = p.entity
    texts = _Texts(graph.store)
    seen: dict[int, Tie] = {}
    for ties in p.ties_by_relation.values():
        for tie in ties:
            seen.setdefault(tie.id, tie)
    ordered = sorted(seen.values(), key=_sort_key)
    timeline = [_tie(t, texts) for t in ordered]
    for item in timeline:  # on a page of a larger profile a tie carries its first few citations only
        if p.cited.get(item["id"], 0) > len({c["assertion_id"] for c in item["citations"]}):
            item["cited"] = p.cited[item["id"]]
    live = [t for t in ordered if t.status.value != "denied"]

    def others(rel: str, *, outgoing: bool) -> list[dict[str, Any]]:
        rows = []
        for t in live:
            if t.relation != rel:
                continue
            if outgoing and t.subject.id == ent.id:
                rows.append({"entity": serialize.entity_ref(t.object), "span": serialize.span(t.start, t.end), "tie_id": t.id})
            elif not outgoing and t.object.id == ent.id:
                rows.append({"entity": serialize.entity_ref(t.subject), "span": serialize.span(t.start, t.end), "tie_id": t.id})
        return rows

    whole, regional = _leaders(graph, p, ent.id, ordered, texts)
    attributes = {k: v for k, v in (ent.attributes or {}).items() if k in ("wikidata", "country", "lat", "lon")}
    attributes.update((ent.attributes or {}).get("external_ids") or {})  # Wikidata QIDs ... (kb import, edits)
    return {
        "entity": serialize.entity(ent),
        "overview": {
            "names": [ent.name, *[a.name for a in ent.aliases]],
            "kind": _kind(ent),
            "lifespan": _lifespan(graph, ent.id),
            "areas": others("operates_in", outgoing=True),
            "designations": others("designated_by", outgoing=True),
            "parents": others("part_of", outgoing=True) + others("allegiance_to", outgoing=True),
            "affiliates": others("part_of", outgoing=False) + others("allegiance_to", outgoing=False),
            "external_ids": {"factionmap": ent.id, **({"kb": ent.kb_id} if ent.kb_id else {}), **attributes},
        },
        "aliases": _alias_provenance(p, texts),
        "leaders": whole,
        "branch_leaders": regional,
        "timeline": timeline,
        "ties_by_relation": {
            rel: [t.id for t in sorted(ties, key=_sort_key)] for rel, ties in sorted(p.ties_by_relation.items())
        },
        "neighbours": [serialize.entity_ref(e) for e in sorted(p.neighbours, key=lambda e: e.name.casefold())],
        "page": page(p) | {"next": _next_page(ent.id, p)},
        "links": {"page": f"/entities/{ent.id}", "json": f"/api/entities/{ent.id}",
                  "map": f"/?focus={ent.id}", "lineage": f"/entities/{ent.id}/lineage"},
    }


def _next_page(entity_id: int, p) -> str | None:
    """The profile page's address for the next page of ties, or None on the last."""
    if p.next_offset is None:
        return None
    return f"/entities/{entity_id}?offset={p.next_offset}" + (f"&limit={p.limit}" if p.limit else "")


def _kind(entity: Entity) -> str:
    return kind_of(entity).replace("_", " ")

