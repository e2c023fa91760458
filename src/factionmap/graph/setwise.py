"""Set-based aggregation: every tie of the store recomputed at once, after a large build.

`aggregate.refresh` recomputes the ties of some entities in Python, which suits a document or a batch
written into a store (the incremental path). After a build of many documents it would re-read the
same busy entities batch after batch; `refresh_all` instead runs once over the whole store:

1. SQL (`INSERT ... SELECT`): every assertion with its two store-wide entities, the key of its tie
   (symmetric relations with their ends in order), its source and its first evidence's fingerprint;
2. SQL (`GROUP BY` with window functions): per tie, the status, the evidence count, the earliest
   start and the latest end (the same rows `aggregate._values` picks);
3. Python, in one pass over the rows ordered by tie: the grades, which count independent voices with
   a fuzzy near-duplicate test (dedup) that SQL cannot express;
4. SQL: ties no longer supported deleted, the others updated in place (they keep their ids), new ones
   inserted, and their citations (`tie_assertions`) written with one `INSERT ... SELECT`;
5. timelines and lifespans (timeline.supersede, lifespans.spans.clip) on the ties they can change only:
   pairs holding several ties, leaders of one organisation, entities with a dated lifespan;
6. ties with reviewed evidence (corrections, verdicts, manual ties) computed again by
   `aggregate.refresh`, as analysts' reviews apply there.

The result is the same ties, grades, timelines and citations as `aggregate.refresh(conn, None)`
(tests/graph/test_setwise.py checks it on SQLite and PostgreSQL). Works on SQLite (3.33+: UPDATE ...
FROM) and PostgreSQL; the temporary tables live inside the caller's transaction.
"""
from __future__ import annotations

from itertools import groupby
from typing import Any

from sqlalchemy import (
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    case,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    union,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ..model import TieStatus
from ..relations import SYMMETRIC
from ..store import schema as t
from ..store.bulk import insert_rows
from . import cited, degrees, grading, sources, timeline

_DATES = [f"{w}_{p}" for w in ("start", "end") for p in ("iso", "earliest", "latest", "text")]
_KEY = ("s", "relation", "o")
_CHUNK = 5000

_temp = MetaData()
# one row per assertion that makes a tie (the ends are store-wide entities)
_rows = Table(
    "fm_tie_rows", _temp,
    Column("id", Integer, primary_key=True), Column("s", Integer), Column("relation", String(32)),
    Column("o", Integer), Column("stance", String(16)), Column("confidence", Float),
    *[Column(c, Text) for c in _DATES],
    Column("doc_id", String(64)), Column("author", Text), Column("publisher", Text), Column("fingerprint", Text),
    prefixes=["TEMPORARY"],
)
# one row per tie: what SQL computes, then the grades
_sums = Table(
    "fm_tie_sums", _temp,
    Column("s", Integer, primary_key=True), Column("relation", String(32), primary_key=True),
    Column("o", Integer, primary_key=True), Column("status", String(16)), Column("evidence_count", Integer),
    *[Column(c, Text) for c in _DATES],
    Column("confidence", Integer), Column("grade", String(2)), Column("independent_count", Integer),
    Column("score", Float),
    prefixes=["TEMPORARY"],
)
_grades = Table(
    "fm_tie_grades", _temp,
    Column("s", Integer, primary_key=True), Column("relation", String(32), primary_key=True),
    Column("o", Integer, primary_key=True), Column("confidence", Integer), Column("grade", String(2)),
    Column("independent_count", Integer), Column("score", Float),
    prefixes=["TEMPORARY"],
)
# ties whose ends or life windows are changed in Python (timeline.supersede, spans.clip): one row each
_changes = Table(
    "fm_tie_changes", _temp,
    Column("tid", Integer, primary_key=True), Column("ended_by", Integer),
    Column("life_from", String(10)), Column("life_until", String(10)), *[Column(c, Text) for c in _DATES],
    prefixes=["TEMPORARY"],
)
_TEMPS = (_rows, _sums, _grades, _changes)


def refresh_all(conn: Connection) -> dict[str, int]:
    """Recompute every tie of the store, set-based (see the module's docstring); returns counts."""
    for table in _TEMPS:
        table.drop(conn, checkfirst=True)
        table.create(conn)
    try:
        rows = _fill_rows(conn)
        _fill_sums(conn)
        _fill_grades(conn)
        counts = _merge(conn)
        counts["assertions"] = rows
        counts["ended"] = _supersede(conn)
        counts["clipped"] = _clip(conn)
        counts["reviewed_entities"] = _reviewed(conn)
        degrees.refresh(conn, None)
    finally:
        for table in _TEMPS:
            table.drop(conn, checkfirst=True)
    return counts


def _fill_rows(conn: Connection) -> int:
    sm, om = aliased(t.entity_members), aliased(t.entity_members)
    a = t.assertions
    fingerprint = (select(t.evidence.c.fingerprint).where(t.evidence.c.assertion_id == a.c.id)
                   .order_by(t.evidence.c.id).limit(1).scalar_subquery())
    swap = and_(a.c.relation.in_(sorted(SYMMETRIC)), om.c.entity_id < sm.c.entity_id) if SYMMETRIC else literal(False)
    query = (
        select(a.c.id, case((swap, om.c.entity_id), else_=sm.c.entity_id),
               a.c.relation, case((swap, sm.c.entity_id), else_=om.c.entity_id), a.c.stance, a.c.confidence,
               *[a.c[c] for c in _DATES], a.c.doc_id, t.documents.c.author, t.documents.c.publisher, fingerprint)
        .join(sm, sm.c.doc_entity_id == a.c.subject_id)
        .join(om, om.c.doc_entity_id == a.c.object_id)
        .join(t.documents, t.documents.c.id == a.c.doc_id)
        .where(sm.c.entity_id != om.c.entity_id)
    )
    columns = ["id", "s", "relation", "o", "stance", "confidence", *_DATES, "doc_id", "author", "publisher",
               "fingerprint"]
    return conn.execute(insert(_rows).from_select(columns, query)).rowcount


def _fill_sums(conn: Connection) -> None:
    """Status, count and dates per tie: the earliest start (the more precise first, then the first
    assertion) and the latest end among the supporting rows (all rows when every one denies)."""
    r = _rows.c
    key = [r.s, r.relation, r.o]
    denied = r.stance == "denied"
    level1 = select(*_rows.c, func.max(case((denied, 0), else_=1)).over(partition_by=key).label("sup")).subquery()
    c1 = level1.c
    skip = and_(c1.sup == 1, c1.stance == "denied")  # a denial, where others support the tie
    no_start = case((or_(skip, c1.start_iso.is_(None)), 1), else_=0)
    no_end = case((or_(skip, c1.end_iso.is_(None)), 1), else_=0)
    k1 = [c1.s, c1.relation, c1.o]
    level2 = select(
        *level1.c, no_start.label("no_start"), no_end.label("no_end"),
        func.row_number().over(partition_by=k1, order_by=[no_start, c1.start_earliest,
                                                          func.length(c1.start_iso).desc(), c1.id]).label("sn"),
        func.row_number().over(partition_by=k1, order_by=[no_end, c1.end_latest.desc(),
                                                          func.length(c1.end_iso).desc(), c1.id]).label("en"),
    ).subquery()
    c2 = level2.c
    n_denied = func.sum(case((c2.stance == "denied", 1), else_=0))
    status = case((n_denied == 0, TieStatus.SUPPORTED.value), (n_denied == func.count(), TieStatus.DENIED.value),
                  else_=TieStatus.CONTESTED.value)

    def picked(column: str) -> Any:
        first, flag = (c2.sn, c2.no_start) if column.startswith("start") else (c2.en, c2.no_end)
        return func.max(case((and_(first == 1, flag == 0), c2[column]), else_=None))

    query = (select(c2.s, c2.relation, c2.o, status, func.count(), *[picked(c) for c in _DATES])
             .group_by(c2.s, c2.relation, c2.o))
    conn.execute(insert(_sums).from_select(["s", "relation", "o", "status", "evidence_count", *_DATES], query))


def _fill_grades(conn: Connection) -> None:
    """The grades, in one pass over the rows ordered by tie (grading and dedup, as aggregate does)."""
    rate = sources.rater(sources.stored(conn))
    statuses = {(s, rel, o): TieStatus(v) for s, rel, o, v in conn.execute(
        select(_sums.c.s, _sums.c.relation, _sums.c.o, _sums.c.status))}
    query = select(_rows).order_by(_rows.c.s, _rows.c.relation, _rows.c.o, _rows.c.id)
    out: list[dict[str, Any]] = []
    for key, group in groupby(conn.execute(query).mappings(), key=lambda m: (m["s"], m["relation"], m["o"])):
        rows = [{**m, "source": m["author"] or m["publisher"]} for m in group]
        graded = grading.grade(rows, statuses[key], rate)
        out.append({"s": key[0], "relation": key[1], "o": key[2], "confidence": graded.confidence,
                    "grade": graded.code, "independent_count": graded.independent,
                    "score": graded.confidence / 100})
        if len(out) >= _CHUNK:
            insert_rows(conn, _grades, out)
            out = []
    insert_rows(conn, _grades, out)
    g = _grades.c
    conn.execute(update(_sums).where(_sums.c.s == g.s, _sums.c.relation == g.relation, _sums.c.o == g.o)
                 .values(confidence=g.confidence, grade=g.grade, independent_count=g.independent_count,
                         score=g.score))


def _same_key(table: Table) -> Any:
    return and_(t.ties.c.subject_id == table.c.s, t.ties.c.relation == table.c.relation,
                t.ties.c.object_id == table.c.o)


def _merge(conn: Connection) -> dict[str, int]:
    """Ties made to agree with the sums: gone ones deleted, kept ones updated (same id), new ones
    inserted in key order; then every tie's citations."""
    ties, s = t.ties, _sums.c
    counts = {"deleted": conn.execute(delete(ties).where(~exists().where(_same_key(_sums)))).rowcount}
    computed = {"status": s.status, "evidence_count": s.evidence_count, "confidence": s.confidence,
                "grade": s.grade, "independent_count": s.independent_count, "score": s.score,
                **{c: s[c] for c in _DATES}}
    cleared = {"ended_by": None, "life_from": None, "life_until": None, "review": None, "review_id": None,
               **cited.ZERO}
    counts["updated"] = conn.execute(update(ties).where(_same_key(_sums)).values(**computed, **cleared)).rowcount
    new = (select(s.s, s.relation, s.o, *computed.values())
           .where(~exists().where(_same_key(_sums))).order_by(s.s, s.relation, s.o))
    counts["inserted"] = conn.execute(insert(ties).from_select(
        ["subject_id", "relation", "object_id", *computed], new)).rowcount
    conn.execute(delete(t.tie_assertions))
    links = select(ties.c.id, _rows.c.id).join(_rows, _same_key(_rows))
    counts["ties"] = conn.execute(select(func.count()).select_from(ties)).scalar_one()
    counts["citations"] = conn.execute(insert(t.tie_assertions).from_select(["tie_id", "assertion_id"], links)
                                       ).rowcount
    cited.refresh(conn, None)
    return counts


def _tie_values(conn: Connection, condition: Any) -> tuple[dict[tuple[Any, ...], dict[str, Any]], dict[tuple[Any, ...], int]]:
    query = select(t.ties).where(condition)
    values, ids = {}, {}
    for row in conn.execute(query).mappings():
        key = (row["subject_id"], row["relation"], row["object_id"])
        values[key] = dict(row)
        ids[key] = row["id"]
    return values, ids


def _supersede(conn: Connection) -> int:
    """Open ties ended by a later one: read only where that can happen (pairs holding several ties,
    organisations with several leaders), as timeline.supersede decides it."""
    ties = t.ties.c
    lo = case((ties.subject_id < ties.object_id, ties.subject_id), else_=ties.object_id)
    hi = case((ties.subject_id < ties.object_id, ties.object_id), else_=ties.subject_id)
    crowded = select(lo.label("lo"), hi.label("hi")).group_by(lo, hi).having(func.count() > 1).subquery()
    leaders = (select(ties.object_id).where(ties.relation == "leader_of").group_by(ties.object_id)
               .having(func.count() > 1))
    condition = or_(exists().where(crowded.c.lo == lo, crowded.c.hi == hi),
                    and_(ties.relation == "leader_of", ties.object_id.in_(leaders)))
    values, ids = _tie_values(conn, condition)
    ended = timeline.supersede(values)
    ends = [c for c in _DATES if c.startswith("end_")]
    _change(conn, ["ended_by", *ends], [{"tid": ids[k], "ended_by": ids[by], **{c: values[k][c] for c in ends}}
                                        for k, by in ended.items()])
    return len(ended)


def _clip(conn: Connection) -> int:
    """Life windows and clipped dates for the ties of entities with a lifespan event (spans.clip)."""
    from ..lifespans import spans

    ev, m = t.lifespan_events, t.entity_members
    with_events = union(select(m.c.entity_id).join(ev, ev.c.doc_entity_id == m.c.doc_entity_id),
                        select(m.c.entity_id).join(ev, ev.c.new_doc_entity_id == m.c.doc_entity_id))
    entity_ids = sorted(r[0] for r in conn.execute(with_events))
    changed: list[dict[str, Any]] = []
    columns = ["life_from", "life_until", *_DATES]
    for i in range(0, len(entity_ids), _CHUNK):
        chunk = entity_ids[i:i + _CHUNK]
        values, ids = _tie_values(conn, or_(t.ties.c.subject_id.in_(chunk), t.ties.c.object_id.in_(chunk)))
        before = {k: {c: v[c] for c in columns} for k, v in values.items()}
        spans.clip(conn, values)
        changed += [{"tid": ids[k], **{c: v[c] for c in columns}} for k, v in values.items()
                    if {c: v[c] for c in columns} != before[k]]
    _change(conn, columns, changed)
    return len(changed)


def _change(conn: Connection, columns: list[str], rows: list[dict[str, Any]]) -> None:
    """Set these columns of the ties named by each row's `tid` to the row's values: the rows written in bulk
    to a temporary table, then one UPDATE (an UPDATE a tie made tens of thousands of statements)."""
    if not rows:
        return
    conn.execute(delete(_changes))
    insert_rows(conn, _changes, rows)
    conn.execute(update(t.ties).where(t.ties.c.id == _changes.c.tid).values({c: _changes.c[c] for c in columns}))


def _reviewed(conn: Connection) -> int:
    """Ties with reviewed evidence: computed again by aggregate.refresh, where reviews apply."""
    from . import aggregate

    if conn.execute(select(t.review_links.c.review_id).limit(1)).first() is None:
        return 0
    a, m = t.assertions, t.entity_members
    linked = select(t.review_links.c.assertion_id)
    ends = union(select(m.c.entity_id).join(a, a.c.subject_id == m.c.doc_entity_id).where(a.c.id.in_(linked)),
                 select(m.c.entity_id).join(a, a.c.object_id == m.c.doc_entity_id).where(a.c.id.in_(linked)))
    ids = {r[0] for r in conn.execute(ends)}
    aggregate.refresh(conn, ids)
    return len(ids)
