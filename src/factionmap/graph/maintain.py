"""Keep the cross-document map in step with the documents, inside the same transaction.

`documents_changed` is called by the store each time documents' results are written (their evidence
already fingerprinted, for near-duplicates): manual ties are written back into reviewed documents and
their reviews linked again to the new assertions (reviews.py, manual.py); their entities join (or
found) store-wide entities under the user's decisions, and the ties of every entity they touch, before or now, are aggregated again, once.
`rebuild` does the same for the whole store, from the document entities.
"""
from __future__ import annotations

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.engine import Connection

from ..store import schema as t
from . import aggregate, dedup, edits, manual, reviews, rules
from .resolve import Resolver


def documents_changed(conn: Connection, doc_ids: list[str], previously_touched: set[int]) -> None:
    """Documents whose results were just written (evidence fingerprinted): their entities join the
    map in document order, then the ties of every entity they touch, before or now, once."""
    chunks = [doc_ids[i:i + 500] for i in range(0, len(doc_ids), 500)]
    reviewed: set[str] = set()
    for chunk in chunks:
        conn.execute(delete(t.aliases).where(t.aliases.c.doc_id.in_(chunk)))
        reviewed |= {r[0] for r in conn.execute(
            select(t.review_docs.c.doc_id).where(t.review_docs.c.doc_id.in_(chunk)).distinct())}
    for doc_id in doc_ids:
        if doc_id in reviewed:
            manual.replay(conn, doc_id)  # the analysts' own ties in this document, and their reviews, follow
            reviews.relink_document(conn, doc_id)
            fingerprint_document(conn, doc_id)
    pool = _empty(conn, previously_touched)
    resolver = Resolver(conn, rules.active(conn), pool=pool)
    order = {d: i for i, d in enumerate(doc_ids)}
    rows = [r for chunk in chunks for r in conn.execute(
        select(t.doc_entities).where(t.doc_entities.c.doc_id.in_(chunk)).order_by(t.doc_entities.c.id)).mappings()]
    touched = resolver.attach_rows(sorted(rows, key=lambda r: (order[r["doc_id"]], r["id"])))
    if resolver.pool:
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(resolver.pool)))
    edits.apply(conn, touched)
    aggregate.refresh(conn, touched | (previously_touched - set(resolver.pool)))


def fingerprint_document(conn: Connection, doc_id: str) -> None:
    """Fingerprint the evidence sentences of one document (see dedup)."""
    text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == doc_id)).scalar() or ""
    rows = conn.execute(
        select(t.evidence.c.id, t.evidence.c.start_char, t.evidence.c.end_char).where(t.evidence.c.doc_id == doc_id)
    ).all()
    if rows:
        conn.execute(update(t.evidence).where(t.evidence.c.id == bindparam("eid")),
                     [{"eid": r[0], "fingerprint": dedup.fingerprint(text[r[1]:r[2]])} for r in rows])


def rebuild(conn: Connection) -> None:
    """Resolve every document entity and aggregate every tie again (ids of entities kept where names allow)."""
    ids = [r[0] for r in conn.execute(select(t.entities.c.id).order_by(t.entities.c.id))]
    conn.execute(delete(t.entity_members))
    conn.execute(delete(t.aliases))
    for (doc_id,) in conn.execute(select(t.documents.c.id)).all():
        fingerprint_document(conn, doc_id)
    rows = conn.execute(select(t.doc_entities).order_by(t.doc_entities.c.id)).mappings().all()
    resolver = Resolver(conn, rules.active(conn), pool=ids)
    resolver.attach_rows(rows)
    if resolver.pool:
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(resolver.pool)))
    edits.apply(conn, None)
    aggregate.refresh(conn, None)


def _empty(conn: Connection, entity_ids: set[int]) -> list[int]:
    """Those of these entities that no document entity belongs to any more."""
    if not entity_ids:
        return []
    alive = {r[0] for r in conn.execute(
        select(t.entity_members.c.entity_id).where(t.entity_members.c.entity_id.in_(sorted(entity_ids))).distinct())}
    return sorted(set(entity_ids) - alive)
