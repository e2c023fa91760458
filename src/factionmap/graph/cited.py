"""Each tie's citation counts, kept on `ties` with the ties: the map reads them with the ties.

Per tie: its citations (evidence rows of its assertions), the documents they come from, and whether it
is only reported (every citation that does not deny it is hedged or attributed: serialize.is_reported).
Counted from tie_assertions, assertions and evidence, this took 0.5-1.0 s of the map's first request at
750,000 ties. So every write of tie_assertions recounts its ties here: `aggregate.refresh` the ties it
wrote, `setwise.refresh_all` every tie, migration 0018 a store made before it.
"""
from __future__ import annotations

from typing import Any, Iterable

from sqlalchemy import and_, case, distinct, func, select, update
from sqlalchemy.engine import Connection

from ..model import Stance
from ..store import schema as t
from .read import ids_in

COLUMNS = ("citation_count", "cited_documents", "only_reported")
ZERO = {"citation_count": 0, "cited_documents": 0, "only_reported": False}  # a tie before it is counted
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


def refresh(conn: Connection, tie_ids: Iterable[int] | None) -> None:
    """Count these ties' citations (None: every tie) from the evidence as stored now. A tie without
    evidence keeps what it was written with (ZERO)."""
    def write(ids: list[int] | None) -> None:
        sums = counted(ids).subquery("sums")
        conn.execute(update(t.ties).where(t.ties.c.id == sums.c.tie_id)
                     .values(citation_count=sums.c.n, cited_documents=sums.c.docs, only_reported=sums.c.reported))
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
