"""Ties: every assertion about one (subject, relation, object) across the store, aggregated.

A tie's status is supported (asserted or reported only), contested (evidence both ways) or denied
(denials only). Its dates are the earliest start and the latest stated end in its supporting evidence
(or the start of a later tie that ends it, see timeline). Symmetric relations are stored once, their
ends in `relations.canonical_pair` order. Ties keep their ids across refreshes while they exist.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Any, Callable, Iterable, Iterator, Mapping

from sqlalchemy import bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Connection, RowMapping
from sqlalchemy.orm import aliased

from ..model import TieStatus
from ..relations import SYMMETRIC
from ..store import schema as t
from ..store.bulk import insert_rows
from . import cited, degrees, grading, reviews, sources, timeline

_DATE_PARTS = ("iso", "earliest", "latest", "text")
_CHUNK = 5000


def _assertion_rows(conn: Connection, ids: list[int] | None) -> Iterator[RowMapping]:
    sm, om = aliased(t.entity_members), aliased(t.entity_members)
    fingerprint = (
        select(t.evidence.c.fingerprint).where(t.evidence.c.assertion_id == t.assertions.c.id)
        .order_by(t.evidence.c.id).limit(1).scalar_subquery()
    )
    query = (
        select(t.assertions.c.id, t.assertions.c.doc_id, t.assertions.c.relation, t.assertions.c.stance,
               t.assertions.c.confidence,
               *[t.assertions.c[f"{w}_{p}"] for w in ("start", "end") for p in _DATE_PARTS],
               sm.c.entity_id.label("s_entity"), om.c.entity_id.label("o_entity"),
               t.documents.c.publisher, t.documents.c.author, fingerprint.label("fingerprint"))
        .join(sm, sm.c.doc_entity_id == t.assertions.c.subject_id)
        .join(om, om.c.doc_entity_id == t.assertions.c.object_id)
        .join(t.documents, t.documents.c.id == t.assertions.c.doc_id)
    )
    if ids is None:
        yield from conn.execute(query).mappings()
        return
    seen: set[int] = set()
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        for cond in (sm.c.entity_id.in_(chunk), om.c.entity_id.in_(chunk)):
            for row in conn.execute(query.where(cond)).mappings():
                if row["id"] not in seen:
                    seen.add(row["id"])
                    yield row


def _existing(conn: Connection, ids: list[int] | None) -> dict[tuple[Any, ...], int]:
    query = select(t.ties.c.id, t.ties.c.subject_id, t.ties.c.relation, t.ties.c.object_id)
    if ids is None:
        return {(r[1], r[2], r[3]): r[0] for r in conn.execute(query)}
    out = {}
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        cond = or_(t.ties.c.subject_id.in_(chunk), t.ties.c.object_id.in_(chunk))
        out.update({(r[1], r[2], r[3]): r[0] for r in conn.execute(query.where(cond))})
    return out


def _with_corrections(conn: Connection, ids: list[int] | None, find: reviews.EntityFinder) -> list[int] | None:
    """The entities to aggregate: these, and every entity a correction ties to one of them."""
    if ids is None:
        return None
    wanted = set(ids)
    groups = reviews.correction_groups(conn, find)
    grown = True
    while grown:
        grown = False
        for group in groups:
            if group & wanted and not group <= wanted:
                wanted |= group
                grown = True
    return sorted(wanted)


def refresh(conn: Connection, entity_ids: Iterable[int] | None) -> None:
    """Recompute every tie that has one of these entities at either end (None: every tie).

    Analysts' reviews apply here (reviews.py): a correction re-keys its assertions, and the latest
    review of a tie gives its verdict and grade.
    """
    ids = None if entity_ids is None else sorted(set(entity_ids))
    if ids is not None and not ids:
        return
    find = reviews.EntityFinder(conn)
    ids = _with_corrections(conn, ids, find)
    rows_in = list(_assertion_rows(conn, ids))
    reviewed = reviews.linked(conn, [r["id"] for r in rows_in])
    groups: dict[tuple[Any, ...], list[Any]] = defaultdict(list)
    for row_in in rows_in:
        row: Mapping[Any, Any] = row_in
        fixes = [r for r in reviewed.get(row["id"], ()) if r.kind == "correct"]
        if fixes:
            row = reviews.corrected(dict(row), fixes[-1].change, find)
        s, o = row["s_entity"], row["o_entity"]
        if row["relation"] in SYMMETRIC and o < s:
            s, o = o, s
        if s != o:
            groups[(s, row["relation"], o)].append(row)
    for rows in groups.values():
        rows.sort(key=lambda r: r["id"])  # grades and dates read in one order (graph.setwise's)
    rate = sources.rater(sources.stored(conn))
    values = {key: reviews.verdict_values(_values(key, rows, rate),
                                          [r for row in rows for r in reviewed.get(row["id"], ())])
              for key, rows in groups.items()}
    ended = timeline.supersede(values)
    from ..lifespans import spans

    spans.clip(conn, values)  # no tie before either end exists or after either ends
    existing = _existing(conn, ids)
    gone = [tid for key, tid in existing.items() if key not in values]
    for i in range(0, len(gone), _CHUNK):
        conn.execute(delete(t.ties).where(t.ties.c.id.in_(gone[i:i + _CHUNK])))
    kept = {key: existing[key] for key in values if key in existing}
    for i in range(0, len(kept), _CHUNK):
        chunk = list(kept.values())[i:i + _CHUNK]
        conn.execute(delete(t.tie_assertions).where(t.tie_assertions.c.tie_id.in_(chunk)))
    if kept:
        conn.execute(
            update(t.ties).where(t.ties.c.id == bindparam("tid")),
            [{"tid": tid, **{k: v for k, v in values[key].items() if k not in ("subject_id", "relation", "object_id")}}
             for key, tid in kept.items()],
        )
    new_keys = [key for key in values if key not in existing]
    tie_ids = dict(kept)
    for i in range(0, len(new_keys), _CHUNK):
        new_chunk = new_keys[i:i + _CHUNK]
        result = conn.execute(insert(t.ties).returning(t.ties.c.id, sort_by_parameter_order=True),
                              [values[k] for k in new_chunk])
        tie_ids.update(zip(new_chunk, (r[0] for r in result)))
    links = [{"tie_id": tie_ids[key], "assertion_id": r["id"]} for key, rows in groups.items() for r in rows]
    for i in range(0, len(links), _CHUNK * 4):
        insert_rows(conn, t.tie_assertions, links[i:i + _CHUNK * 4])
    cited.refresh(conn, tie_ids.values())  # the citation counts of every tie written (ZERO until then)
    if ended:
        conn.execute(update(t.ties).where(t.ties.c.id == bindparam("tid")),
                     [{"tid": tie_ids[k], "ended_by": tie_ids[by]} for k, by in ended.items()])
    # degrees: the entities refreshed and the other ends of their ties, as they were and as they are
    degrees.refresh(conn, None if ids is None else {e for key in (*existing, *values) for e in (key[0], key[2])} | set(ids))


def _values(key: tuple[Any, ...], rows: list[Any], rate: Callable[[Mapping[str, Any]], str]) -> dict[str, Any]:
    s, relation, o = key
    stances = {r["stance"] for r in rows}
    if "denied" in stances and stances - {"denied"}:
        status = TieStatus.CONTESTED
    elif stances == {"denied"}:
        status = TieStatus.DENIED
    else:
        status = TieStatus.SUPPORTED
    dated = [r for r in rows if r["stance"] != "denied"] or rows
    starts = [r for r in dated if r["start_iso"]]
    ends = [r for r in dated if r["end_iso"]]
    # the earliest start and latest end, the more precise date first, then the first assertion stored
    # (graph.setwise picks the same rows in SQL)
    first = min(starts, key=lambda r: (r["start_earliest"], -len(r["start_iso"]), r["id"]), default=None)
    last = max(ends, key=lambda r: (r["end_latest"], len(r["end_iso"]), -r["id"]), default=None)
    graded = grading.grade([{**r, "source": r["author"] or r["publisher"]} for r in rows], status, rate)
    return {
        "subject_id": s, "relation": relation, "object_id": o, "status": status.value,
        "evidence_count": len(rows), "independent_count": graded.independent,
        "confidence": graded.confidence, "grade": graded.code, "score": graded.confidence / 100,
        "ended_by": None, "life_from": None, "life_until": None, "review": None, "review_id": None, **cited.ZERO,
        **{f"start_{k}": first[f"start_{k}"] if first else None for k in _DATE_PARTS},
        **{f"end_{k}": last[f"end_{k}"] if last else None for k in _DATE_PARTS},
    }
