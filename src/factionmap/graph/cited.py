"""Each tie's citation counts, kept on `ties` with the ties: the map reads them with the ties.

Per tie: its citations (evidence rows of its assertions), the documents they come from, and whether it
is only reported (every citation that does not deny it is hedged or attributed: serialize.is_reported).
Counted from tie_assertions, assertions and evidence, this took 0.5-1.0 s of the map's first request at
750,000 ties. So every write of tie_assertions recounts its ties here: `aggregate.refresh` the ties it
wrote, `setwise.refresh_all` every tie, migration 0018 a store made before it. With them, each tie's
top confidence (`confident`), which a confidence floor (`serve --min-confidence`) reads instead of
joining every tie's assertions (migration 0020).
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import and_, case, distinct, func, select, update
from sqlalchemy.engine import Connection

from ..model import Stance
from ..store import schema as t
from ..store.bulk import ids_in

COLUMNS = ("citation_count", "cited_documents", "only_reported")
# a tie before it is counted; top_confidence None: shown under any confidence floor (see confident)
ZERO = {"citation_count": 0, "cited_documents": 0, "only_reported": False, "top_confidence": None}
_CHUNK = 5000


def counted(tie_ids: list[int] | None = None) -> Any:
    """SELECT tie_id, citations, documents, only reported: counted from the evidence (None: every tie)."""
    ta, a, ev = t.tie_assertions, t.assertions, t.evidence
    reported = func.sum(case((a.c.stance == Stance.REPORTED.value, 1), else_=0))
    standing = func.sum(case((a.c.stance != Stance.DENIED.value, 1), else_=0))
    query = (select(ta.c.tie_id, func.count().label("n"), func.count(distinct(ev.c.doc_id)).label("docs"),
                    case((and_(standing > 0, reported == standing), True), else_=False).label("reported"))
             .join(a, a.c.id == ta.c.assertion_id)
             .join(ev, ev.c.assertion_id == a.c.id)
             .group_by(ta.c.tie_id))
    return query if tie_ids is None else query.where(ta.c.tie_id.in_(tie_ids))


def confident(tie_ids: list[int] | None = None) -> Any:
    """SELECT tie_id, top: the highest confidence of the tie's assertions, or NULL when one of them no
    model scored (None: every tie). Graph(min_confidence=x) keeps a tie whose top is NULL or at least x:
    exactly the ties with an assertion that reaches x or was not scored, every tie having assertions."""
    ta, a = t.tie_assertions, t.assertions
    unscored = func.sum(case((a.c.confidence.is_(None), 1), else_=0))
    top = case((unscored > 0, None), else_=func.max(a.c.confidence))
    query = (select(ta.c.tie_id, top.label("top")).join(a, a.c.id == ta.c.assertion_id).group_by(ta.c.tie_id))
    return query if tie_ids is None else query.where(ta.c.tie_id.in_(tie_ids))


def refresh_confidence(conn: Connection, tie_ids: list[int] | None) -> None:
    """Write these ties' top confidence (`confident`; None: every tie with assertions)."""
    tops = confident(tie_ids).subquery("tops")
    conn.execute(update(t.ties).where(t.ties.c.id == tops.c.tie_id).values(top_confidence=tops.c.top))


def refresh(conn: Connection, tie_ids: Iterable[int] | None, *, confidence: bool = True) -> None:
    """Count these ties' citations (None: every tie) from the evidence as stored now, and (`confidence`)
    their assertions' top confidence (migration 0018 counts without it: the column comes in 0020). A tie
    without evidence keeps what it was written with (ZERO)."""
    def write(ids: list[int] | None) -> None:
        sums = counted(ids).subquery("sums")
        conn.execute(update(t.ties).where(t.ties.c.id == sums.c.tie_id)
                     .values(citation_count=sums.c.n, cited_documents=sums.c.docs, only_reported=sums.c.reported))
        if confidence:
            refresh_confidence(conn, ids)
    if tie_ids is None:
        write(None)
        return
    ids = sorted(set(tie_ids))
    for i in range(0, len(ids), _CHUNK):
        write(ids[i:i + _CHUNK])


def stored(conn: Connection, tie_ids: Iterable[int]) -> dict[int, tuple[int, int, bool]]:
    """Per tie id: (citations, documents cited, only reported), as kept on the tie."""
    c = t.ties.c
    out: dict[int, tuple[int, int, bool]] = {}
    ids = sorted(set(tie_ids))
    for i in range(0, len(ids), _CHUNK):
        query = select(c.id, *[c[k] for k in COLUMNS]).where(ids_in(conn, c.id, ids[i:i + _CHUNK]))
        out.update({r[0]: (r[1], r[2], bool(r[3])) for r in conn.execute(query)})
    return out
