"""Reviews of ties: an analyst's confirmation, rejection or correction, and manual ties, as rules
keyed to the evidence.

A review remembers the tie as it was (both ends as decisions remember entities, relation, dates,
grade) and the evidence it was made on: for each assertion behind the tie, its document, sentence
offsets and what the extractor read there (relation, stance, the names of both ends). It is linked
(table review_links) to the assertions that say so now. When a document is extracted again, by any
extractor version, its reviews are linked again to the new assertions that match their keys
(`relink_document`); a rebuild keeps the assertions and so the links.

Aggregation (aggregate.py) reads the links: a correction re-keys the assertions it is linked to
(relation, direction, either end, dates, stance), and the latest review linked to a tie gives the
tie's verdict (confirmed, rejected, corrected, added) and, unless rejected, its grade: information
credibility 1 ("confirmed by other sources") or the grade the analyst set. A review linked to
nothing is detached: its evidence no longer produces the tie. It stays listed, never lost.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable

from sqlalchemy import ColumnElement, and_, func, insert, select, text, update
from sqlalchemy.engine import Connection, RowMapping

from .. import entity_kinds
from ..errors import NotFound, ReviewConflict, ReviewError
from ..model import FuzzyDate, Stance
from ..namefold import fold
from ..relations import RELATIONS, SYMMETRIC
from ..store import codec
from ..store import schema as t
from . import grading
from .snapshot import snapshot

KINDS = ("confirm", "reject", "correct", "add")
VERDICTS = {"confirm": "confirmed", "reject": "rejected", "correct": "corrected", "add": "added"}
CORRECTABLE = ("relation", "swap", "subject", "object", "start", "end", "stance")
UNSET = object()  # `expected` not given: no check that the tie is as the reviewer saw it
_CHUNK = 5000


@dataclass
class Review:
    id: int
    kind: str
    tie: dict[str, Any]  # the tie when reviewed: id, subject, relation, object (snapshots), dates, status, grade
    evidence: list[dict[str, Any]]
    change: dict[str, Any]
    note: str | None
    actor: str
    created_at: dt.datetime
    undone_at: dt.datetime | None = None
    supersedes: int | None = None
    linked: list[int] = field(default_factory=list)  # assertions it is linked to now
    tie_ids: list[int] = field(default_factory=list)  # the ties those assertions feed now

    @property
    def verdict(self) -> str:
        return VERDICTS[self.kind]

    @property
    def state(self) -> str:
        """undone, detached (its evidence no longer produces the tie), or in force."""
        if self.undone_at is not None:
            return "undone"
        return "in force" if self.linked else "detached"

    @property
    def description(self) -> str:
        tie = self.tie
        line = f"{tie['subject']['name']} {tie['relation']} {tie['object']['name']}"
        if self.kind == "correct":
            line += " -> " + ", ".join(f"{k}: {describe_value(v)}" for k, v in sorted(self.change.items())
                                       if k in CORRECTABLE)
        return f"{self.verdict} {line}"


def describe_value(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("name", value))
    return "none" if value is None else str(value)


def _review(row: RowMapping) -> Review:
    return Review(row["id"], row["kind"], row["tie"], row["evidence"], row["change"] or {}, row["note"], row["actor"],
                  _utc(row["created_at"]), _utc(row["undone_at"]) if row["undone_at"] is not None else None,
                  row["supersedes"])


def _utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


# -- the evidence a review is keyed to ------------------------------------------------------------

def _doc_entity_names(conn: Connection, ids: Iterable[int]) -> dict[int, list[str]]:
    out = {}
    for r in conn.execute(select(t.doc_entities.c.id, t.doc_entities.c.name, t.doc_entities.c.aliases)
                          .where(t.doc_entities.c.id.in_(sorted(set(ids))))).mappings():
        names = [r["name"], *(a["name"] for a in r["aliases"] or [])]
        out[r["id"]] = sorted({fold(n) for n in names if fold(n)})
    return out


def assertion_keys(conn: Connection, assertion_ids: list[int]) -> list[dict[str, Any]]:
    """The keys of some assertions: one per piece of evidence (document, offsets, what was read)."""
    if not assertion_ids:
        return []
    a, ev, doc = t.assertions, t.evidence, t.documents
    quote = func.coalesce(ev.c.quote, func.substr(doc.c.text, ev.c.start_char + 1, ev.c.end_char - ev.c.start_char))
    rows = conn.execute(
        select(a.c.id, a.c.doc_id, a.c.relation, a.c.stance, a.c.subject_id, a.c.object_id, a.c.start_iso,
               a.c.end_iso, ev.c.start_char,
               ev.c.end_char, ev.c.extractor, ev.c.extractor_version, quote.label("quote"))
        .join(ev, ev.c.assertion_id == a.c.id).join(doc, doc.c.id == a.c.doc_id)
        .where(a.c.id.in_(sorted(set(assertion_ids)))).order_by(a.c.id, ev.c.id)
    ).mappings().all()
    names = _doc_entity_names(conn, [r["subject_id"] for r in rows] + [r["object_id"] for r in rows])
    return [{"assertion_id": r["id"], "doc_id": r["doc_id"], "start_char": r["start_char"], "end_char": r["end_char"],
             "relation": r["relation"], "stance": r["stance"], "subject": names.get(r["subject_id"], []),
             "object": names.get(r["object_id"], []), "extractor": r["extractor"],
             "extractor_version": r["extractor_version"], "quote": (r["quote"] or "").strip(),
             "start": r["start_iso"], "end": r["end_iso"]} for r in rows]


def matches(key: dict[str, Any], row: dict[str, Any]) -> bool:
    """Whether an assertion (with one piece of its evidence) says what a review's key says."""
    if key["doc_id"] != row["doc_id"] or key["relation"] != row["relation"]:
        return False
    if (key["stance"] == "denied") != (row["stance"] == "denied"):
        return False
    if not (row["start_char"] < key["end_char"] and key["start_char"] < row["end_char"]):
        return False
    ks, ko, rs, ro = (set(x) for x in (key["subject"], key["object"], row["subject"], row["object"]))
    if ks & rs and ko & ro:
        return True
    return key["relation"] in SYMMETRIC and bool(ks & ro and ko & rs)


def tie_assertion_ids(conn: Connection, tie_id: int) -> list[int]:
    return [r[0] for r in conn.execute(select(t.tie_assertions.c.assertion_id)
                                       .where(t.tie_assertions.c.tie_id == tie_id).order_by(t.tie_assertions.c.assertion_id))]


def tie_snapshot(conn: Connection, tie_id: int) -> dict[str, Any]:
    row = conn.execute(select(t.ties).where(t.ties.c.id == tie_id)).mappings().first()
    if row is None:
        raise NotFound(f"no tie {tie_id}")
    return {"id": row["id"], "subject": snapshot(conn, row["subject_id"]), "relation": row["relation"],
            "object": snapshot(conn, row["object_id"]), "status": row["status"], "grade": row["grade"],
            "confidence": row["confidence"], "start": row["start_iso"], "end": row["end_iso"]}


# -- reading reviews ------------------------------------------------------------------------------

def _with_links(conn: Connection, found: list[Review]) -> list[Review]:
    if not found:
        return found
    by_id = {r.id: r for r in found}
    query = (select(t.review_links.c.review_id, t.review_links.c.assertion_id, t.tie_assertions.c.tie_id)
             .outerjoin(t.tie_assertions, t.tie_assertions.c.assertion_id == t.review_links.c.assertion_id)
             .where(t.review_links.c.review_id.in_(sorted(by_id))))
    for rid, aid, tid in conn.execute(query):
        r = by_id[rid]
        if aid not in r.linked:
            r.linked.append(aid)
        if tid is not None and tid not in r.tie_ids:
            r.tie_ids.append(tid)
    return found


def get(conn: Connection, review_id: int) -> Review:
    row = conn.execute(select(t.reviews).where(t.reviews.c.id == review_id)).mappings().first()
    if row is None:
        raise NotFound(f"no review #{review_id}; see `factionmap review list`")
    return _with_links(conn, [_review(row)])[0]


def listing(conn: Connection, *, ids: Iterable[int] | None = None, actor: str | None = None,
            kind: str | None = None, limit: int | None = None) -> list[Review]:
    query = select(t.reviews).order_by(t.reviews.c.id.desc())
    if ids is not None:
        query = query.where(t.reviews.c.id.in_(sorted(set(ids))))
    if actor:
        query = query.where(t.reviews.c.actor == actor)
    if kind:
        query = query.where(t.reviews.c.kind == kind)
    if limit:
        query = query.limit(limit)
    return _with_links(conn, [_review(r) for r in conn.execute(query).mappings()])


def of_ties(conn: Connection, tie_ids: Iterable[int]) -> dict[int, list[Review]]:
    """Every review (newest first) linked to the assertions of these ties, or detached from them."""
    tie_ids = sorted(set(tie_ids))
    linked: dict[int, set[int]] = defaultdict(set)
    for i in range(0, len(tie_ids), _CHUNK):
        query = (select(t.tie_assertions.c.tie_id, t.review_links.c.review_id)
                 .join(t.review_links, t.review_links.c.assertion_id == t.tie_assertions.c.assertion_id)
                 .where(t.tie_assertions.c.tie_id.in_(tie_ids[i:i + _CHUNK])))
        for tid, rid in conn.execute(query):
            linked[tid].add(rid)
    every = listing(conn, ids={rid for rids in linked.values() for rid in rids})
    detached = [r for r in _detached(conn) if r.tie.get("id") in set(tie_ids)]
    by_id = {r.id: r for r in every}
    out: dict[int, list[Review]] = defaultdict(list)
    for tid, rids in linked.items():
        out[tid] = [by_id[rid] for rid in sorted(rids, reverse=True)]
    for r in detached:
        out[r.tie["id"]].append(r)
    return out


def _detached(conn: Connection) -> list[Review]:
    linked = select(t.review_links.c.review_id)
    query = select(t.reviews).where(t.reviews.c.id.not_in(linked)).order_by(t.reviews.c.id.desc())
    return [_review(r) for r in conn.execute(query).mappings()]


def of_entity(conn: Connection, entity_id: int) -> list[Review]:
    """Reviews of the entity's ties, rejected ones included, and those detached from them."""
    tie_ids = [r[0] for r in conn.execute(select(t.ties.c.id).where(
        (t.ties.c.subject_id == entity_id) | (t.ties.c.object_id == entity_id)))]
    found = {r.id: r for rs in of_ties(conn, tie_ids).values() for r in rs}
    for r in _detached(conn):
        if entity_id in (r.tie["subject"].get("id"), r.tie["object"].get("id")):
            found.setdefault(r.id, r)
    return sorted(found.values(), key=lambda r: -r.id)


def head(conn: Connection, tie_id: int) -> Review | None:
    """The latest review in force on a tie, if any."""
    ids = tie_assertion_ids(conn, tie_id)
    if not ids:
        return None
    query = (select(t.reviews.c.id).join(t.review_links, t.review_links.c.review_id == t.reviews.c.id)
             .where(t.review_links.c.assertion_id.in_(ids), t.reviews.c.undone_at.is_(None))
             .order_by(t.reviews.c.id.desc()).limit(1))
    rid = conn.execute(query).scalar()
    return get(conn, rid) if rid else None


def unreviewed_assertions(conn: Connection, tie_id: int) -> list[int]:
    """The tie's assertions no review in force is linked to (its new evidence since the last review)."""
    ids = tie_assertion_ids(conn, tie_id)
    reviewed = {r[0] for r in conn.execute(
        select(t.review_links.c.assertion_id).join(t.reviews, t.reviews.c.id == t.review_links.c.review_id)
        .where(t.review_links.c.assertion_id.in_(ids), t.reviews.c.undone_at.is_(None)))}
    return [a for a in ids if a not in reviewed]


# -- writing reviews ------------------------------------------------------------------------------

def lock(conn: Connection) -> None:
    """Serialise review writes: the later of two sees what the earlier wrote (PostgreSQL: an advisory
    transaction lock; SQLite: taking the database's write lock before reading)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(4212)"))
    else:
        conn.execute(update(t.settings).where(t.settings.c.name == "-").values(value="-"))


def check_expected(conn: Connection, tie_id: int, expected: Any) -> Review | None:
    """The review in force on the tie; ReviewConflict when it is not the one `expected` (an id, as an int
    or a form's string; None: none; UNSET: no check)."""
    current = head(conn, tie_id)
    if expected is UNSET:
        return current
    seen = None if expected in (None, "", 0) else int(expected)
    now = current.id if current else None
    if seen != now:
        if current is None:
            raise ReviewConflict(f"tie #{tie_id}: the review #{seen} you saw is no longer in force; reload the tie",
                                 None)
        raise ReviewConflict(
            f"tie #{tie_id} was {current.verdict} by {current.actor} at {current.created_at:%Y-%m-%d %H:%M} UTC "
            f"(review #{current.id}) after you loaded it; look at it again and resubmit with expected review "
            f"#{current.id} to write over it", current)
    return current


def validate_change(conn: Connection, tie: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """A correction, checked: known relation and stance, ISO dates, entities that exist and fit."""
    unknown = sorted(set(change) - set(CORRECTABLE) - {"grade"})
    if unknown:
        raise ReviewError(f"cannot correct {', '.join(unknown)}; correctable: {', '.join(CORRECTABLE)}")
    out: dict[str, Any] = {}
    if "relation" in change and change["relation"] != tie["relation"]:
        if change["relation"] not in RELATIONS:
            raise ReviewError(f"unknown relation {change['relation']!r}; known: {', '.join(RELATIONS)}")
        out["relation"] = change["relation"]
    if change.get("swap"):
        out["swap"] = True
    for end in ("subject", "object"):
        if change.get(end) not in (None, ""):
            entity_id = change[end] if isinstance(change[end], int) else int(change[end])
            if entity_id != tie[end]["id"]:
                out[end] = snapshot(conn, entity_id)
    for when in ("start", "end"):
        if when in change:
            out[when] = parse_iso(change[when], when)
    if change.get("stance") not in (None, ""):
        try:
            stance = Stance(change["stance"]).value
        except ValueError:
            raise ReviewError(f"stance {change['stance']!r}: expected asserted, reported or denied") from None
        if stance != tie.get("stance"):
            out["stance"] = stance
    if out.get("start") and out.get("end") and out["end"] < out["start"]:
        raise ReviewError(f"end {out['end']} is before start {out['start']}")
    relation = RELATIONS[out.get("relation", tie["relation"])]
    subject = out.get("subject", tie["subject"])
    obj = out.get("object", tie["object"])
    if out.get("swap"):
        subject, obj = obj, subject
    if subject["id"] == obj["id"]:
        raise ReviewError("a tie needs two different entities")
    if not entity_kinds.allows(relation, subject["type"], subject.get("kind"), obj["type"], obj.get("kind")):
        raise ReviewError(f"{relation.name} cannot tie {subject['name']!r} ({subject['type']}) to "
                          f"{obj['name']!r} ({obj['type']})")
    return out


def parse_iso(value: object, what: str) -> str | None:
    """'' or None clears a date; otherwise YYYY, YYYY-MM or YYYY-MM-DD."""
    if value in (None, ""):
        return None
    try:
        return FuzzyDate.from_iso(str(value).strip()).iso
    except (ValueError, TypeError):
        raise ReviewError(f"{what} {value!r}: expected YYYY, YYYY-MM or YYYY-MM-DD") from None


def parse_grade(value: object) -> str | None:
    """An analyst's grade: 'B2' (reliability and credibility) or '2' (credibility only); None: 1."""
    if value in (None, ""):
        return None
    code = str(value).strip().upper()
    if len(code) == 1 and code in "123456":
        return code
    try:
        grading.parse_min_grade(code)
    except ValueError as exc:
        raise ReviewError(str(exc)) from None
    return code


def record(conn: Connection, kind: str, tie_id: int, actor: str, *, note: str | None = None,
           change: dict[str, Any] | None = None, expected: object = UNSET) -> Review:
    """Review a tie (confirm, reject or correct), keyed to its evidence as it stands; the map follows."""
    if kind not in ("confirm", "reject", "correct"):
        raise ReviewError(f"review kind {kind!r}: expected confirm, reject or correct")
    lock(conn)
    current = check_expected(conn, tie_id, expected)
    tie = tie_snapshot(conn, tie_id)
    assertion_ids = tie_assertion_ids(conn, tie_id)
    keys = assertion_keys(conn, assertion_ids)
    stances = {k["stance"] for k in keys}
    tie["stance"] = "denied" if stances == {"denied"} else ("asserted" if "asserted" in stances else "reported")
    change = dict(change or {})
    grade = parse_grade(change.pop("grade", None))
    if kind == "correct":
        change = validate_change(conn, tie, change)
        if not change:
            raise ReviewError(f"tie #{tie_id}: the correction changes nothing")
    elif change:
        raise ReviewError(f"a {kind} takes no changes ({', '.join(sorted(change))}); use correct")
    if grade and kind != "reject":
        change["grade"] = grade
    review = _insert(conn, kind, tie, keys, change, note, actor, current.id if current else None)
    link(conn, review.id, assertion_ids)
    return get(conn, review.id)


def _insert(conn: Connection, kind: str, tie: dict[str, Any], keys: list[dict[str, Any]], change: dict[str, Any],
            note: str | None, actor: str, supersedes: int | None) -> Review:
    now = dt.datetime.now(dt.timezone.utc)
    evidence = [{k: v for k, v in key.items() if k != "assertion_id"} for key in keys]
    rid = codec.inserted_id(conn.execute(insert(t.reviews).values(
        kind=kind, tie=tie, evidence=evidence, change=change, note=(note or "").strip() or None, actor=actor,
        created_at=now, supersedes=supersedes)))
    docs = sorted({k["doc_id"] for k in keys})
    if docs:
        conn.execute(insert(t.review_docs), [{"review_id": rid, "doc_id": d} for d in docs])
    return Review(rid, kind, tie, evidence, change, note, actor, now, None, supersedes)


def link(conn: Connection, review_id: int, assertion_ids: Iterable[int]) -> None:
    have = {r[0] for r in conn.execute(select(t.review_links.c.assertion_id)
                                       .where(t.review_links.c.review_id == review_id))}
    new = sorted(set(assertion_ids) - have)
    if new:
        conn.execute(insert(t.review_links), [{"review_id": review_id, "assertion_id": a} for a in new])


def mark_undone(conn: Connection, review_id: int) -> Review:
    review = get(conn, review_id)
    if review.undone_at is not None:
        raise ReviewError(f"review #{review_id} is already undone")
    conn.execute(update(t.reviews).where(t.reviews.c.id == review_id)
                 .values(undone_at=dt.datetime.now(dt.timezone.utc)))
    return get(conn, review_id)


def relink_document(conn: Connection, doc_id: str) -> None:
    """After a document's assertions were replaced: link its reviews to those that still say the same."""
    rids = [r[0] for r in conn.execute(select(t.review_docs.c.review_id).where(t.review_docs.c.doc_id == doc_id))]
    if not rids:
        return
    active = [r for r in listing(conn, ids=rids) if r.undone_at is None and r.kind != "add"]
    if not active:
        return
    ids = [r[0] for r in conn.execute(select(t.assertions.c.id).where(t.assertions.c.doc_id == doc_id))]
    rows = assertion_keys(conn, ids)
    for review in active:
        hits = {row["assertion_id"] for key in review.evidence if key["doc_id"] == doc_id
                for row in rows if matches(key, row)}
        link(conn, review.id, hits)


# -- what aggregation reads -----------------------------------------------------------------------

@dataclass(frozen=True)
class Linked:
    review_id: int
    kind: str
    change: dict[str, Any]


def linked(conn: Connection, assertion_ids: list[int]) -> dict[int, list[Linked]]:
    """The reviews in force linked to these assertions (oldest first), {} if none."""
    if not assertion_ids or conn.execute(select(t.review_links.c.review_id).limit(1)).first() is None:
        return {}
    out: dict[int, list[Linked]] = defaultdict(list)
    ids = sorted(set(assertion_ids))
    for i in range(0, len(ids), _CHUNK):
        query = (select(t.review_links.c.assertion_id, t.reviews.c.id, t.reviews.c.kind, t.reviews.c.change)
                 .join(t.reviews, t.reviews.c.id == t.review_links.c.review_id)
                 .where(t.review_links.c.assertion_id.in_(ids[i:i + _CHUNK]), t.reviews.c.undone_at.is_(None))
                 .order_by(t.reviews.c.id))
        for aid, rid, kind, change in conn.execute(query):
            out[aid].append(Linked(rid, kind, change or {}))
    return out


class EntityFinder:
    """The entity a snapshot (of a correction or a manual tie) stands for now: the same id if it still
    carries one of the names, else the entity that holds its KB id or names."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.cache: dict[tuple[Any, ...], int | None] = {}

    def __call__(self, snap: dict[str, Any]) -> int | None:
        key = (snap["id"], snap["type"], snap.get("kb_id"), tuple(snap["norms"]))
        if key not in self.cache:
            from .resolve import Resolver
            from .rules import Rules

            holders = Resolver(self.conn, Rules()).holders(set(snap["norms"]),
                                                           {snap["kb_id"]} if snap.get("kb_id") else set(), snap["type"])
            self.cache[key] = snap["id"] if snap["id"] in holders else (holders[0] if holders else None)
        return self.cache[key]


def corrected(row: dict[str, Any], change: dict[str, Any], find: EntityFinder) -> dict[str, Any]:
    """An assertion row (aggregate's) as a correction re-keys it."""
    out = dict(row)
    if "relation" in change:
        out["relation"] = change["relation"]
    for end, column in (("subject", "s_entity"), ("object", "o_entity")):
        if end in change:
            found = find(change[end])
            if found is not None:
                out[column] = found
    if change.get("swap"):
        out["s_entity"], out["o_entity"] = out["o_entity"], out["s_entity"]
    for when in ("start", "end"):
        if when in change:
            date = FuzzyDate.from_iso(change[when], "set by an analyst") if change[when] else None
            out.update(codec.date_columns(when, date))
    if "stance" in change:
        out["stance"] = change["stance"]
    return out


def correction_groups(conn: Connection, find: EntityFinder) -> list[set[int]]:
    """For each correction in force that moves a tie to other entities: every entity it involves
    (the ties of all of them are aggregated together, so a tie never loses the corrected evidence)."""
    query = (select(t.reviews.c.id, t.reviews.c.change, t.reviews.c.tie)
             .where(t.reviews.c.kind == "correct", t.reviews.c.undone_at.is_(None)))
    groups = []
    for _rid, change, tie in conn.execute(query):
        if not (change or {}).keys() & {"subject", "object"}:
            continue
        group = {find(tie["subject"]), find(tie["object"])}
        group |= {find(change[e]) for e in ("subject", "object") if e in change}
        groups.append({g for g in group if g is not None})
    return groups


def verdict_values(values: dict[str, Any], reviews: list[Linked]) -> dict[str, Any]:
    """A tie's column values under its latest review: its verdict and, unless rejected, its grade."""
    if not reviews:
        return values
    last = max(reviews, key=lambda r: r.review_id)
    values = {**values, "review": VERDICTS[last.kind], "review_id": last.review_id}
    if last.kind == "reject":
        return values
    code = last.change.get("grade") or "1"
    letter, digit = (values["grade"][0], int(code)) if len(code) == 1 else (code[0], int(code[1]))
    confidence = values["confidence"]
    if grading.credibility_of(confidence) != digit:
        confidence = grading.CREDIBILITY_CONFIDENCE[digit]
    return {**values, "grade": f"{letter}{digit}", "confidence": confidence, "score": confidence / 100}


def visible() -> ColumnElement[bool]:
    """SQL condition: the tie is not rejected (rejected ties leave the map, profiles and exports)."""
    return and_(True, (t.ties.c.review.is_(None)) | (t.ties.c.review != "rejected"))


def summaries(conn: Connection, rows: list[Any]) -> dict[int, dict[str, Any]]:
    """What a reader needs about the reviews of these ties (rows of the ties table): the verdict,
    who gave it, when and why, and for corrected ties the original beside the correction."""
    reviewed = {r["id"]: r["review_id"] for r in rows if r.get("review_id")}
    if not reviewed:
        return {}
    heads = {r.id: r for r in listing(conn, ids=set(reviewed.values()))}
    fixes: dict[int, list[Review]] = defaultdict(list)
    tie_ids = sorted(reviewed)
    for i in range(0, len(tie_ids), _CHUNK):
        query = (select(t.tie_assertions.c.tie_id, t.reviews)
                 .join(t.review_links, t.review_links.c.assertion_id == t.tie_assertions.c.assertion_id)
                 .join(t.reviews, t.reviews.c.id == t.review_links.c.review_id)
                 .where(t.tie_assertions.c.tie_id.in_(tie_ids[i:i + _CHUNK]), t.reviews.c.kind == "correct",
                        t.reviews.c.undone_at.is_(None)).order_by(t.reviews.c.id))
        for row in conn.execute(query).mappings():
            if all(f.id != row["id"] for f in fixes[row["tie_id"]]):
                fixes[row["tie_id"]].append(_review(row))
    out = {}
    for tie_id, rid in reviewed.items():
        r = heads.get(rid)
        if r is None:
            continue
        out[tie_id] = {
            "verdict": r.verdict, "review_id": r.id, "by": r.actor, "at": r.created_at.isoformat(), "note": r.note,
            "grade": r.change.get("grade"),
            "corrections": [{"review_id": f.id, "by": f.actor, "at": f.created_at.isoformat(), "note": f.note,
                             "original": original(f.tie), "change": plain_change(f.change)} for f in fixes[tie_id]],
        }
    return out


def original(tie: dict[str, Any]) -> dict[str, Any]:
    """A review's snapshot of a tie, as a reader sees it."""
    return {"subject": {"id": tie["subject"]["id"], "name": tie["subject"]["name"]}, "relation": tie["relation"],
            "object": {"id": tie["object"]["id"], "name": tie["object"]["name"]}, "start": tie.get("start"),
            "end": tie.get("end"), "stance": tie.get("stance"), "grade": tie.get("grade")}


def plain_change(change: dict[str, Any]) -> dict[str, Any]:
    return {k: ({"id": v["id"], "name": v["name"]} if isinstance(v, dict) else v) for k, v in change.items()}
