"""Keep the cross-document map in step with the documents, inside the same transaction.

`documents_changed` is called by the store each time documents' results are written (their evidence
already fingerprinted, for near-duplicates): manual ties are written back into reviewed documents and
their reviews linked again to the new assertions (reviews.py, manual.py); their entities join (or
found) store-wide entities under the user's decisions, and the ties of every entity they touch, before or now, are aggregated again, once.
`rebuild` does the same for the whole store, from the document entities.
"""
from __future__ import annotations

from typing import Collection

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from ..store import schema as t
from . import aggregate, dedup, edits, leads, manual, reviews, rules, setwise
from .resolve import Resolver


def documents_changed(conn: Connection, doc_ids: list[str], previously_touched: set[int], *,
                      aggregate_ties: bool = True, new: Collection[str] = ()) -> None:
    """Documents whose results were just written (evidence fingerprinted): their entities join the
    map in document order, then the ties of every entity they touch, before or now, once.

    Without `aggregate_ties` (a large build, aggregated set-based at its end) the ties are left as they
    were and the store is marked stale; a store marked stale is aggregated whole at the next write that
    aggregates (or `aggregate_all`).

    `new`: those of the documents stored for the first time by this write. No alias comes from them yet,
    so none is looked for: aliases have no index by document, and looking cost a scan of every alias for
    each batch of a build (13.0 of PostgreSQL's 65.1 s in statements, building 3,000 documents)."""
    chunks = [doc_ids[i:i + 500] for i in range(0, len(doc_ids), 500)]
    fresh = set(new)
    reviewed: set[str] = set()
    for chunk in chunks:
        stored = [d for d in chunk if d not in fresh]
        if stored:
            leads.delete(conn, t.aliases.c.doc_id.in_(stored))  # a name's other documents keep a lead
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
    touched = resolver.attach_rows(sorted(rows, key=lambda r: (order[r["doc_id"]], r["id"])), fresh=True)
    if resolver.pool:
        conn.execute(delete(t.entities).where(t.entities.c.id.in_(resolver.pool)))
    edits.apply(conn, touched)
    if not aggregate_ties:
        mark_stale(conn)
    elif is_stale(conn):
        aggregate_all(conn)
    else:
        aggregate.refresh(conn, touched | (previously_touched - set(resolver.pool)))


STALE = "ties_stale"  # settings row: documents were written without aggregating their ties


def mark_stale(conn: Connection) -> None:
    """Say that the ties lag behind the documents (set-based aggregation will catch up)."""
    if not is_stale(conn):
        conn.execute(insert(t.settings).values(name=STALE, value="1"))


def is_stale(conn: Connection) -> bool:
    return conn.execute(select(t.settings.c.value).where(t.settings.c.name == STALE)).first() is not None


def aggregate_all(conn: Connection) -> dict[str, int]:
    """Every tie of the store recomputed set-based (graph.setwise); the store is no longer stale."""
    counts = setwise.refresh_all(conn)
    conn.execute(delete(t.settings).where(t.settings.c.name == STALE))
    return counts


def fingerprint_document(conn: Connection, doc_id: str) -> None:
    """Fingerprint the evidence sentences of one document (see dedup), and keep each as the document writes it."""
    text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == doc_id)).scalar() or ""
    rows = conn.execute(
        select(t.evidence.c.id, t.evidence.c.start_char, t.evidence.c.end_char).where(t.evidence.c.doc_id == doc_id)
    ).all()
    if rows:
        quotes = [(r[0], text[r[1]:r[2]]) for r in rows]
        conn.execute(update(t.evidence).where(t.evidence.c.id == bindparam("eid")),
                     [{"eid": eid, "fingerprint": dedup.fingerprint(quote), "quote": quote} for eid, quote in quotes])


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
