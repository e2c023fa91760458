"""Manual ties: an analyst selects a passage of a document and says which tie it states.

The selection is the tie's citation, so even a manual tie has its sentence. It is stored as a review
(kind "add") and written into the document's own results as an assertion whose evidence comes from
the extractor "analyst"; its two ends are document entities that resolution sends to the entities
the analyst chose (rules.Rules.direct). When the document is extracted again, its manual ties are
written again (`replay`), so they survive rebuilds and new extractor versions.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import and_, delete, insert, select
from sqlalchemy.engine import Connection

from .. import entity_kinds
from ..errors import NotFound, ReviewError
from ..model import FuzzyDate, Stance
from ..namefold import fold
from ..relations import RELATIONS
from ..store import codec
from ..store import schema as t
from . import dedup, leads, reviews
from .snapshot import snapshot

EXTRACTOR = "analyst"
VERSION = "manual"
MAX_CHARS = 3000


def _key(review_id: int, end: str) -> str:
    return f"manual:{review_id}:{end}"


def check_selection(conn: Connection, doc_id: str, start: int, end: int) -> str:
    text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == doc_id)).scalar()
    if text is None:
        raise NotFound(f"no document {doc_id!r}")
    if not (0 <= start < end <= len(text)):
        raise ReviewError(f"selection {start}-{end} is outside document {doc_id[:12]} (0-{len(text)})")
    if end - start > MAX_CHARS:
        raise ReviewError(f"selection {start}-{end} is {end - start} characters long; select the sentence "
                          f"that states the tie (at most {MAX_CHARS})")
    quote = text[start:end]
    if not quote.strip():
        raise ReviewError(f"selection {start}-{end} holds no words")
    return str(quote)


def add(conn: Connection, actor: str, doc_id: str, start: int, end: int, subject_id: int, relation: str,
        object_id: int, *, start_date: str | None = None, end_date: str | None = None, stance: str = "asserted",
        note: str | None = None, grade: str | None = None) -> reviews.Review:
    """A tie stated by a passage, as an analyst reads it; returns the review (kind "add")."""
    quote = check_selection(conn, doc_id, start, end)
    if relation not in RELATIONS:
        raise ReviewError(f"unknown relation {relation!r}; known: {', '.join(RELATIONS)}")
    try:
        stance = Stance(stance or "asserted").value
    except ValueError:
        raise ReviewError(f"stance {stance!r}: expected asserted, reported or denied") from None
    if subject_id == object_id:
        raise ReviewError("a tie needs two different entities")
    subject, obj = snapshot(conn, subject_id), snapshot(conn, object_id)
    if not entity_kinds.allows(RELATIONS[relation], subject["type"], subject.get("kind"), obj["type"], obj.get("kind")):
        raise ReviewError(f"{relation} cannot tie {subject['name']!r} ({subject['type']}) to {obj['name']!r} "
                          f"({obj['type']})")
    when = {"start": reviews.parse_iso(start_date, "start"), "end": reviews.parse_iso(end_date, "end")}
    if when["start"] and when["end"] and when["end"] < when["start"]:
        raise ReviewError(f"end {when['end']} is before start {when['start']}")
    change = {"doc_id": doc_id, "start_char": start, "end_char": end, "subject": subject, "relation": relation,
              "object": obj, "stance": stance, **when}
    code = reviews.parse_grade(grade)
    if code:
        change["grade"] = code
    tie = {"id": None, "subject": subject, "relation": relation, "object": obj, "status": None, "grade": None,
           "confidence": None, "stance": stance, **when}
    key = {"doc_id": doc_id, "start_char": start, "end_char": end, "relation": relation, "stance": stance,
           "subject": subject["norms"], "object": obj["norms"], "extractor": EXTRACTOR,
           "extractor_version": VERSION, "quote": quote.strip(), **when}
    reviews.lock(conn)
    review = reviews._insert(conn, "add", tie, [key], change, note, actor, None)
    write(conn, review.id, change)
    return reviews.get(conn, review.id)


def write(conn: Connection, review_id: int, change: dict[str, Any]) -> list[Any]:
    """Write a manual tie into its document's results; returns its two document entity rows."""
    doc_id = change["doc_id"]
    ends = {}
    for end in ("subject", "object"):
        snap = change[end]
        row = {"doc_id": doc_id, "key": _key(review_id, end[0]), "name": snap["name"], "type": snap["type"],
               "kb_id": snap["kb_id"], "aliases": [], "attributes": {"manual_entity": snap, "review": review_id}}
        ends[end] = codec.inserted_id(conn.execute(insert(t.doc_entities).values(**row)))
    dates = {**codec.date_columns("start", FuzzyDate.from_iso(change["start"]) if change.get("start") else None),
             **codec.date_columns("end", FuzzyDate.from_iso(change["end"]) if change.get("end") else None)}
    aid = codec.inserted_id(conn.execute(insert(t.assertions).values(
        doc_id=doc_id, subject_id=ends["subject"], relation=change["relation"], object_id=ends["object"],
        stance=change["stance"], attribution=None, confidence=None, **dates)))
    text = conn.execute(select(t.documents.c.text).where(t.documents.c.id == doc_id)).scalar() or ""
    conn.execute(insert(t.evidence).values(
        assertion_id=aid, doc_id=doc_id, start_char=change["start_char"], end_char=change["end_char"],
        extractor=EXTRACTOR, extractor_version=VERSION, trigger="",
        fingerprint=dedup.fingerprint(text[change["start_char"]:change["end_char"]]),
        quote=text[change["start_char"]:change["end_char"]]))
    reviews.link(conn, review_id, [aid])
    return list(conn.execute(select(t.doc_entities).where(t.doc_entities.c.id.in_(list(ends.values())))
                             .order_by(t.doc_entities.c.id)).mappings().all())


def replay(conn: Connection, doc_id: str) -> None:
    """Write the document's manual ties again (after its results were replaced by an extraction)."""
    query = (select(t.reviews.c.id, t.reviews.c.change)
             .join(t.review_docs, t.review_docs.c.review_id == t.reviews.c.id)
             .where(t.review_docs.c.doc_id == doc_id, t.reviews.c.kind == "add", t.reviews.c.undone_at.is_(None))
             .order_by(t.reviews.c.id))
    for rid, change in conn.execute(query).all():
        have = conn.execute(select(t.doc_entities.c.id).where(t.doc_entities.c.doc_id == doc_id,
                                                              t.doc_entities.c.key == _key(rid, "s"))).first()
        if have is None:
            write(conn, rid, change)


def remove(conn: Connection, review_id: int, doc_id: str) -> set[int]:
    """Take an undone manual tie out of its document; returns the entities whose ties change."""
    keys = [_key(review_id, "s"), _key(review_id, "o")]
    rows = select(t.doc_entities.c.id).where(t.doc_entities.c.doc_id == doc_id, t.doc_entities.c.key.in_(keys))
    touched = {r[0] for r in conn.execute(select(t.entity_members.c.entity_id)
                                          .where(t.entity_members.c.doc_entity_id.in_(rows)))}
    ids = [r[0] for r in conn.execute(rows)]
    leads.delete(conn, and_(t.aliases.c.doc_id == doc_id, t.aliases.c.reason.like(f"%review #{review_id})")))
    conn.execute(delete(t.assertions).where(t.assertions.c.subject_id.in_(ids) | t.assertions.c.object_id.in_(ids)))
    conn.execute(delete(t.doc_entities).where(t.doc_entities.c.id.in_(ids)))
    return touched


def names_of(snap: dict[str, Any]) -> list[str]:
    return sorted({fold(snap["name"]), *snap["norms"]} - {""})
