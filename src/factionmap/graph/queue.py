"""The review queue: the ties that most need an expert's eye, first.

A tie waits for review when no review is in force on it, or when evidence came after its last
review. Its need for review adds up, each part with the reason a reader sees:
- low confidence: 100 minus its confidence;
- contested (evidence both ways): +50;
- its only independent source is graded low (D or E): +30; ungraded (F): +10;
- new evidence since it was last reviewed: +60; new since the store's last review: +20.
Ties of equal need come lowest confidence first, then by id.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from ..model import Tie
from ..store import schema as t
from . import read

if TYPE_CHECKING:
    from .api import EntityRef, Graph

_CHUNK = 5000


@dataclass
class QueueItem:
    tie: Tie
    need: int
    reasons: list[str]
    new_evidence: int  # assertions no review in force covers


@dataclass
class Queue:
    items: list[QueueItem]
    waiting: int  # ties waiting for review under the filters
    reviewed: int  # ties under the filters with a review in force on all their evidence
    total: int


def _unreviewed(conn: Connection, tie_ids: list[int]) -> dict[int, int]:
    """Per tie, how many of its assertions no review in force is linked to."""
    live = (select(t.review_links.c.assertion_id).join(t.reviews, t.reviews.c.id == t.review_links.c.review_id)
            .where(t.reviews.c.undone_at.is_(None)))
    out: dict[int, int] = defaultdict(int)
    for i in range(0, len(tie_ids), _CHUNK):
        query = (select(t.tie_assertions.c.tie_id, func.count())
                 .where(t.tie_assertions.c.tie_id.in_(tie_ids[i:i + _CHUNK]),
                        t.tie_assertions.c.assertion_id.not_in(live))
                 .group_by(t.tie_assertions.c.tie_id))
        out.update({tid: n for tid, n in conn.execute(query)})
    return out


def _filtered(graph: Graph, conn: Connection, entity: EntityRef | None = None, relation: str | Iterable[str] | None = None,
              document: str | None = None) -> list[dict[str, Any]]:
    query = select(t.ties)
    if entity is not None:
        eid = graph.entity_id(entity)
        query = query.where((t.ties.c.subject_id == eid) | (t.ties.c.object_id == eid))
    if relation:
        query = query.where(t.ties.c.relation.in_([relation] if isinstance(relation, str) else list(relation)))
    if document:
        doc_id = graph.store.document(document).id
        in_doc = (select(t.tie_assertions.c.tie_id).join(t.assertions, t.assertions.c.id == t.tie_assertions.c.assertion_id)
                  .where(t.assertions.c.doc_id == doc_id))
        query = query.where(t.ties.c.id.in_(in_doc))
    return [dict(r) for r in conn.execute(query.order_by(t.ties.c.id)).mappings()]


def _last_review_time(conn: Connection) -> dt.datetime | None:
    return conn.execute(select(func.max(t.reviews.c.created_at))).scalar()


def _new_since(conn: Connection, when: dt.datetime | None) -> set[int]:
    """Ties with evidence from a document stored after `when` (few documents: asked from their side)."""
    if when is None:
        return set()
    docs = [r[0] for r in conn.execute(select(t.documents.c.id).where(t.documents.c.ingested_at > when))]
    out: set[int] = set()
    for i in range(0, len(docs), _CHUNK):
        query = (select(t.tie_assertions.c.tie_id).distinct()
                 .join(t.assertions, t.assertions.c.id == t.tie_assertions.c.assertion_id)
                 .where(t.assertions.c.doc_id.in_(docs[i:i + _CHUNK])))
        out |= {r[0] for r in conn.execute(query)}
    return out


def need(row: dict[str, Any], new_evidence: bool, new_since: bool) -> tuple[int, list[str]]:
    reasons = [f"confidence {row['confidence']}"]
    score = 100 - int(row["confidence"])
    if row["status"] == "contested":
        score += 50
        reasons.append("contested")
    if row["independent_count"] <= 1 and row["grade"][:1] in ("D", "E"):
        score += 30
        reasons.append(f"its only source is graded {row['grade'][0]}")
    elif row["independent_count"] <= 1 and row["grade"][:1] == "F":
        score += 10
        reasons.append("its only source is ungraded")
    if new_evidence:
        score += 60
        reasons.append("new evidence since its last review")
    elif new_since:
        score += 20
        reasons.append("new since the last review")
    return score, reasons


def review_queue(graph: Graph, *, entity: EntityRef | None = None, relation: str | Iterable[str] | None = None,
                 document: str | None = None, limit: int = 20, offset: int = 0,
                 skip: set[int] | None = None) -> Queue:
    """Ties waiting for review, most in need first (`skip`: ties the reviewer passed over)."""
    skip = skip or set()
    with graph.engine.connect() as conn:
        rows = _filtered(graph, conn, entity, relation, document)
        open_counts = _unreviewed(conn, [r["id"] for r in rows if r["review_id"]])  # only reviewed ties wait for it
        fresh = _new_since(conn, _last_review_time(conn))
        waiting, reviewed = [], 0
        for r in rows:
            new = open_counts.get(r["id"], 0)
            if r["review_id"] and not new:
                reviewed += 1
                continue
            score, reasons = need(r, bool(r["review_id"]) and new > 0, r["id"] in fresh)
            waiting.append((score, r, reasons, new))
        waiting.sort(key=lambda x: (-x[0], x[1]["confidence"], x[1]["id"]))
        shown = [w for w in waiting if w[1]["id"] not in skip][offset:offset + limit]
        ties = {x.id: x for x in read.ties(conn, [w[1] for w in shown])}
    items = [QueueItem(ties[r["id"]], score, reasons, new) for score, r, reasons, new in shown]
    return Queue(items, len(waiting), reviewed, len(rows))
