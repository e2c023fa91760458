"""Documents synthesized on import: each holds the sentences a bundle quotes from one source.

A report (or an external reference, or the bundle itself) becomes a Document whose text is the
quoted sentences, each its own paragraph, in their original order; evidence offsets point into that
text, so every imported tie cites a real span. The document's id is the hash of that text.
"""
from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from ..model import Assertion, Document, Entity, Evidence, Extraction, FuzzyDate, Mention, MentionType, Stance

IMPORT_VERSION = "stix-import-1"
_MENTION_TYPE = {t.value: t for t in MentionType}  # looked up, not constructed, for every mention


@dataclass
class Claim:
    """One piece of evidence for one relationship, before its document exists."""

    relation: str
    subject: Entity
    object: Entity
    quote: str
    stance: Stance = Stance.ASSERTED
    attribution: str | None = None
    extractor: str = "stix-import"
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    order: int = 0  # the quote's original offset, when known


@dataclass
class DraftDocument:
    key: str
    meta: dict[str, Any]
    claims: list[Claim] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)  # by STIX id
    listing: bool = False  # text lists entity names (no quotes): the bundle's own document

    def add_entity(self, entity: Entity) -> None:
        self.entities.setdefault(entity.key, entity)

    def extraction(self) -> Extraction | None:
        ordered: dict[str, None] = {}  # the quotes, once each, in order (a dict: no list search per quote)
        for c in sorted(self.claims, key=lambda c: c.order):
            ordered.setdefault(c.quote)
        if self.listing:
            for e in self.entities.values():
                ordered.setdefault(e.name)
        quotes = list(ordered)
        if not quotes:
            return None
        text = "\n\n".join(quotes)
        offsets, at = {}, 0
        for q in quotes:
            offsets[q] = (at, at + len(q))
            at += len(q) + 2
        doc = Document(text, **self.meta)
        for c in self.claims:
            self.add_entity(c.subject)
            self.add_entity(c.object)
        assertions = [
            Assertion(c.subject, c.relation, c.object, c.stance, c.start, c.end, c.attribution,
                      [Evidence(doc.id, *offsets[c.quote], c.extractor, IMPORT_VERSION)])
            for c in self.claims
        ]
        entities = list(self.entities.values())
        return Extraction(doc, entities, _mentions(doc, entities), assertions, IMPORT_VERSION)


def _mentions(doc: Document, entities: list[Entity]) -> list[Mention]:
    """Where each entity's names occur in the synthesized text (so the viewer can highlight them):
    every name found in one pass (Aho-Corasick), earlier entities and longer names first, no overlaps."""
    automaton = ahocorasick.Automaton()
    for rank, e in enumerate(entities):
        for name in e.names:
            if name and (not automaton.exists(name) or automaton.get(name)[0] > rank):
                automaton.add_word(name, (rank, len(name), e))
    if not len(automaton):
        return []
    automaton.make_automaton()
    hits = sorted(((rank, -length, end - length + 1, e) for end, (rank, length, e) in automaton.iter(doc.text)),
                  key=lambda h: h[:3])
    starts: list[int] = []
    spans: list[tuple[int, int, Entity]] = []
    for _, neg, start, e in hits:
        end = start - neg
        k = bisect_left(starts, start)
        if k and spans[k - 1][1] > start or k < len(spans) and spans[k][0] < end:
            continue  # overlaps a mention already placed
        starts.insert(k, start)
        spans.insert(k, (start, end, e))
    return [Mention(doc.id, s, t, _MENTION_TYPE[e.type.value], e.key, "stix-import") for s, t, e in spans]


def report_meta(report: dict[str, Any], where: str) -> dict[str, Any]:
    """Document metadata from a report: factionmap's x_ properties, else the STIX ones."""
    refs = report.get("external_references") or []
    url = next((r.get("url") for r in refs if r.get("url")), None)
    published = report.get("x_factionmap_published") or str(report.get("published") or "")[:10] or None
    return {
        "title": report.get("x_factionmap_title") or report.get("name"),
        "author": report.get("x_factionmap_author"),
        "publisher": report.get("x_factionmap_publisher"),
        "published": published, "url": url,
        "source_kind": report.get("x_factionmap_source_kind"),
        "language": report.get("x_factionmap_language") or report.get("lang") or "en",
        "path": f"{where}#{report['id']}", "format": "stix",
    }


def reference_meta(ref: dict[str, Any], where: str) -> dict[str, Any]:
    return {"title": ref.get("source_name"), "url": ref.get("url"), "path": f"{where}#{ref.get('source_name')}",
            "format": "stix"}


def date_from(value: Any) -> FuzzyDate | None:
    """A citation's date dict ({iso, earliest, latest, text}), an ISO partial, or a STIX timestamp."""
    if not value:
        return None
    if isinstance(value, dict):
        return FuzzyDate(dt.date.fromisoformat(value["earliest"]), dt.date.fromisoformat(value["latest"]),
                         value["iso"], value.get("text", ""))
    text = str(value)
    return FuzzyDate.from_iso(text[:10] if "T" in text else text)
