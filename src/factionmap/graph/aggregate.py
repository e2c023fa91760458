"""Ties: every assertion about one (subject, relation, object) across the store, aggregated.

A tie's status is supported (asserted or reported only), contested (evidence both ways) or denied
(denials only). Its dates are the earliest start and the latest stated end in its evidence.
"""
from __future__ import annotations

from collections import defaultdict

from sqlalchemy import and_, delete, insert, or_, select
from sqlalchemy.orm import aliased

from ..model import TieStatus
from ..relations import canonical_pair
from ..store import schema as t
from . import grading


def refresh(conn, entity_ids: set[int]) -> None:
    """Recompute every tie that has one of these entities at either end."""
    if not entity_ids:
        return
    ids = list(entity_ids)
    conn.execute(delete(t.ties).where(or_(t.ties.c.subject_id.in_(ids), t.ties.c.object_id.in_(ids))))
    sm, om = aliased(t.entity_members), aliased(t.entity_members)
    query = (
        select(t.assertions, sm.c.entity_id.label("s_entity"), om.c.entity_id.label("o_entity"),
               t.documents.c.publisher, t.documents.c.author)
        .join(sm, sm.c.doc_entity_id == t.assertions.c.subject_id)
        .join(om, om.c.doc_entity_id == t.assertions.c.object_id)
        .join(t.documents, t.documents.c.id == t.assertions.c.doc_id)
        .where(or_(sm.c.entity_id.in_(ids), om.c.entity_id.in_(ids)))
    )
    groups: dict[tuple, list] = defaultdict(list)
    for row in conn.execute(query).mappings():
        s, o = canonical_pair(row["relation"], row["s_entity"], row["o_entity"])
        if s != o:
            groups[(s, row["relation"], o)].append(row)
    for (s, relation, o), rows in groups.items():
        _write_tie(conn, s, relation, o, rows)


def _write_tie(conn, subject_id, relation, object_id, rows) -> None:
    stances = {r["stance"] for r in rows}
    if "denied" in stances and stances - {"denied"}:
        status = TieStatus.CONTESTED
    elif stances == {"denied"}:
        status = TieStatus.DENIED
    else:
        status = TieStatus.SUPPORTED
    starts = [r for r in rows if r["start_iso"] and r["stance"] != "denied"]
    ends = [r for r in rows if r["end_iso"] and r["stance"] != "denied"]
    first = min(starts, key=lambda r: r["start_earliest"], default=None)
    last = max(ends, key=lambda r: r["end_latest"], default=None)
    grade = grading.grade(rows, status)
    values = {
        "subject_id": subject_id, "relation": relation, "object_id": object_id, "status": status.value,
        "evidence_count": len(rows), "independent_count": grade.independent,
        "confidence": grade.confidence, "grade": grade.code, "score": grade.confidence / 100,
        **{f"start_{k}": first[f"start_{k}"] if first else None for k in ("iso", "earliest", "latest", "text")},
        **{f"end_{k}": last[f"end_{k}"] if last else None for k in ("iso", "earliest", "latest", "text")},
    }
    tie_id = conn.execute(insert(t.ties).values(**values)).inserted_primary_key[0]
    conn.execute(insert(t.tie_assertions), [{"tie_id": tie_id, "assertion_id": r["id"]} for r in rows])
