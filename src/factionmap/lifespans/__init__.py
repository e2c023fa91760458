"""Lifespans: when a group was founded, dissolved or renamed, each date with the sentence it came from.

    from factionmap import lifespans
    events = lifespans.read(extraction)      # LifespanEvents of one document (text and infobox)
    spans = lifespans.entity_spans(conn, ids) # store-wide: each entity's start and end, with evidence

The reader runs after extraction (the builder calls it), on the document's text, its infobox fields
and the extraction's mentions. Its events are stored with their evidence (table lifespan_events);
the graph clips ties to the lifespans of both ends, and the map never draws a group outside its own.
"""
from __future__ import annotations

from ..model import Extraction, LifespanEvent
from .infobox import read_infobox
from .text import read_text

READER = "lifespan"
READER_VERSION = "1.0"


def read(extraction: Extraction) -> list[LifespanEvent]:
    """Every dated founding, end and renaming that one document states (each once per entity and date)."""
    from .context import DocContext

    ctx = DocContext.of(extraction, READER_VERSION)
    seen: set[tuple] = set()
    out: list[LifespanEvent] = []
    for event in [*read_infobox(ctx), *read_text(ctx)]:
        key = (event.entity_key, event.kind, event.date.iso, event.new_key or event.new_name)
        if key not in seen:
            seen.add(key)
            out.append(event)
    return out


def entity_spans(conn, entity_ids):
    """Store-wide lifespans of these entities: {entity id: Lifespan} (see spans.Lifespan)."""
    from .spans import load

    return load(conn, entity_ids)


__all__ = ["READER", "READER_VERSION", "entity_spans", "read"]
