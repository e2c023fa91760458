"""Keep the cross-document map in step with the documents, inside the same transaction.

`document_changed` is called by the store each time a document's results are written: the document's
entities join (or found) store-wide entities, and the ties of every entity it touches are aggregated
again from their assertions.
"""
from __future__ import annotations

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection

from ..store import schema as t
from . import aggregate, resolve


def document_changed(conn: Connection, doc_id: str, previously_touched: set[int]) -> None:
    conn.execute(delete(t.aliases).where(t.aliases.c.doc_id == doc_id))
    touched = resolve.attach_document(conn, doc_id) | previously_touched
    aggregate.refresh(conn, touched)
    _drop_orphans(conn, previously_touched)


def _drop_orphans(conn: Connection, entity_ids: set[int]) -> None:
    """Entities no document names any more (after a re-extraction) go, with their ties."""
    if not entity_ids:
        return
    alive = select(t.entity_members.c.entity_id).where(t.entity_members.c.entity_id.in_(entity_ids))
    dead = set(entity_ids) - {r[0] for r in conn.execute(alive)}
    if dead:
        conn.execute(delete(t.ties).where(or_(t.ties.c.subject_id.in_(dead), t.ties.c.object_id.in_(dead))))
        conn.execute(delete(t.aliases).where(t.aliases.c.entity_id.in_(dead)))
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(dead)))
