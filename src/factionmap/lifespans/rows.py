"""Lifespan events in the store (table lifespan_events), written with their document's results."""
from __future__ import annotations

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from ..model import LifespanEvent
from ..store import schema as t


def write(conn: Connection, doc_id: str, events: list[LifespanEvent], keys: dict[str, int]) -> None:
    """Insert one document's events; `keys` maps its entity keys to their doc_entities ids."""
    rows = [
        {"doc_id": doc_id, "doc_entity_id": keys[ev.entity_key], "kind": ev.kind.value,
         "date_iso": ev.date.iso, "date_earliest": ev.date.earliest.isoformat(),
         "date_latest": ev.date.latest.isoformat(), "date_text": ev.date.text or None,
         "start_char": ev.evidence.start_char, "end_char": ev.evidence.end_char,
         "reader": ev.evidence.extractor, "reader_version": ev.evidence.extractor_version,
         "trigger": ev.evidence.trigger, "new_name": ev.new_name,
         "new_doc_entity_id": keys.get(ev.new_key) if ev.new_key else None}
        for ev in events if ev.entity_key in keys
    ]
    if rows:
        conn.execute(insert(t.lifespan_events), rows)
