"""The document viewer's data: the text cut into segments (plain, mention, quoted), and its ties.

Segments carry text only; the template escapes it. Nothing here builds HTML.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..graph import Graph
from ..model import Document, Mention
from ..store import Store
from . import serialize


@dataclass(frozen=True)
class Segment:
    text: str
    start: int
    entity_id: int | None = None  # a mention resolved to a store entity
    mention_type: str | None = None  # a mention, resolved or not
    quote: bool = False  # inside the highlighted evidence span


def segments(text: str, mentions: list[Mention], keys: dict[str, int], quote: tuple[int, int] | None) -> list[Segment]:
    """Cut the text at every mention and quote boundary; overlapping mentions: the first one wins."""
    n = len(text)
    spans = []
    last_end = 0
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if m.start >= last_end and 0 <= m.start < m.end <= n:
            spans.append(m)
            last_end = m.end
    q0, q1 = quote if quote and 0 <= quote[0] < quote[1] <= n else (n + 1, n + 1)
    cuts = sorted({0, n, *(m.start for m in spans), *(m.end for m in spans), *(c for c in (q0, q1) if c <= n)})
    out, i = [], 0
    for a, b in zip(cuts, cuts[1:]):
        while i < len(spans) and spans[i].end <= a:
            i += 1
        m = spans[i] if i < len(spans) and spans[i].start <= a < spans[i].end else None
        out.append(Segment(text[a:b], a, keys.get(m.entity_key) if m and m.entity_key else None,
                           m.type.value if m else None, q0 <= a < q1))
    return out


def view(store: Store, doc: Document, quote: tuple[int, int] | None = None) -> dict[str, Any]:
    keys, ties = Graph(store).document_links(doc.id)
    mentions = store.mentions(doc.id)
    assertions = []
    for a in store.assertions(doc.id):
        sentences = [{"start_char": e.start_char, "end_char": e.end_char, "text": doc.text[e.start_char:e.end_char],
                      "extractor": e.extractor, "trigger": e.trigger} for e in a.evidence]
        assertions.append({
            "id": a.id,
            "subject": {"name": a.subject.name, "id": keys.get(a.subject.key)},
            "relation": a.relation,
            "label": serialize.relation_label(a.relation),
            "object": {"name": a.object.name, "id": keys.get(a.object.key)},
            "stance": a.stance.value,
            "attribution": a.attribution,
            "start": serialize.date(a.start),
            "end": serialize.date(a.end),
            "tie_id": ties.get(a.id),
            "evidence": sentences,
        })
    return {
        "document": {
            "id": doc.id, "title": doc.title, "author": doc.author, "publisher": doc.publisher,
            "published": doc.published, "url": doc.url, "language": doc.language, "path": doc.path,
            "format": doc.format, "source_kind": doc.source_kind.value if doc.source_kind else None,
            "text": doc.text,
        },
        "mentions": [
            {"start": m.start, "end": m.end, "type": m.type.value, "text": doc.text[m.start:m.end],
             "entity_id": keys.get(m.entity_key) if m.entity_key else None, "source": m.source}
            for m in mentions
        ],
        "assertions": assertions,
        "segments": segments(doc.text, mentions, keys, quote),
        "quote": list(quote) if quote else None,
    }
