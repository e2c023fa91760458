"""Store-wide lifespans: each entity's start and end, gathered from the events of every document that
names it, and the clipping of ties to the lifespans of both their ends.

An entity starts at its earliest founding or first activity (or when another entity took a new name
that is this one), and ends at its latest dissolution or last activity (or when it took a name that is
another entity). The bounds are read generously, so a fuzzy date never hides what may have been.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Iterable, MutableMapping

from sqlalchemy import func, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import aliased

from ..model import FuzzyDate, LifespanKind
from ..store import schema as t

_CHUNK = 5000


@dataclass(frozen=True)
class LifeEvent:
    """One piece of evidence for a lifespan, as a reader sees it."""

    kind: LifespanKind
    date: FuzzyDate
    doc_id: str
    doc_title: str | None
    start_char: int
    end_char: int
    quote: str
    reader: str
    new_name: str | None = None
    other_id: int | None = None  # renamed: the entity the new name belongs to (if not this one)
    bound: str = ""  # start | end | "" (a renaming within one entity)


@dataclass
class Lifespan:
    entity_id: int
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    events: list[LifeEvent] = field(default_factory=list)

    @property
    def from_day(self) -> str | None:
        return self.start.earliest.isoformat() if self.start else None

    @property
    def until_day(self) -> str | None:
        return self.end.latest.isoformat() if self.end else None

    def status(self, today: dt.date | None = None) -> str:
        """'ended' with an end date, 'active' with only a start, else 'unknown'."""
        if self.end is not None:
            return "ended"
        return "active" if self.start is not None else "unknown"

    def add(self, event: LifeEvent) -> None:
        self.events.append(event)
        if event.bound == "start" and (self.start is None or event.date.earliest < self.start.earliest):
            self.start = event.date
        if event.bound == "end" and (self.end is None or event.date.latest > self.end.latest):
            self.end = event.date


def load(conn: Connection, entity_ids: Iterable[int]) -> dict[int, Lifespan]:
    """The lifespans of these entities (only those with at least one dated event)."""
    ids = sorted(set(entity_ids))
    out: dict[int, Lifespan] = {}
    if not ids:
        return out
    ev, doc = t.lifespan_events, t.documents
    own, new = aliased(t.entity_members), aliased(t.entity_members)
    quote = func.substr(doc.c.text, ev.c.start_char + 1, ev.c.end_char - ev.c.start_char)
    query = (
        select(ev, own.c.entity_id.label("entity_id"), new.c.entity_id.label("new_entity_id"),
               doc.c.title, doc.c.path, quote.label("quote"))
        .join(own, own.c.doc_entity_id == ev.c.doc_entity_id)
        .outerjoin(new, new.c.doc_entity_id == ev.c.new_doc_entity_id)
        .join(doc, doc.c.id == ev.c.doc_id)
    )
    rows = []
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i:i + _CHUNK]
        rows += conn.execute(query.where(or_(own.c.entity_id.in_(chunk), new.c.entity_id.in_(chunk)))
                             .order_by(ev.c.date_earliest, ev.c.id)).mappings().all()
    wanted = set(ids)
    for r in rows:
        date = FuzzyDate(dt.date.fromisoformat(r["date_earliest"]), dt.date.fromisoformat(r["date_latest"]),
                         r["date_iso"], r["date_text"] or "")
        kind = LifespanKind(r["kind"])
        other = r["new_entity_id"] if r["new_entity_id"] not in (None, r["entity_id"]) else None
        common = dict(date=date, doc_id=r["doc_id"], doc_title=r["title"] or r["path"], start_char=r["start_char"],
                      end_char=r["end_char"], quote=(r["quote"] or "").strip(), reader=r["reader"],
                      new_name=r["new_name"])
        if r["entity_id"] in wanted:
            bound = kind.bound if kind.bound != "renamed" else ("end" if other else "")
            out.setdefault(r["entity_id"], Lifespan(r["entity_id"])).add(
                LifeEvent(kind, other_id=other, bound=bound, **common))
        if other is not None and other in wanted:  # the new name's beginning
            out.setdefault(other, Lifespan(other)).add(
                LifeEvent(kind, other_id=r["entity_id"], bound="start", **common))
    return out


def clip(conn: Connection, values: MutableMapping[tuple, dict]) -> None:
    """Give each tie (values as in graph.aggregate) its life window, and clip its dates to it.

    life_from is the later start of its two ends, life_until the earlier end. A start before life_from
    moves up to it, an end after life_until (or an open end, for a dated tie) comes down to it.
    """
    spans = load(conn, {k[0] for k in values} | {k[2] for k in values})
    for (s, _rel, o), row in values.items():
        ends = [spans[e] for e in (s, o) if e in spans]
        starts = [x.start for x in ends if x.start is not None]
        stops = [x.end for x in ends if x.end is not None]
        first = max(starts, key=lambda d: d.earliest, default=None)
        last = min(stops, key=lambda d: d.latest, default=None)
        row["life_from"] = first.earliest.isoformat() if first else None
        row["life_until"] = last.latest.isoformat() if last else None
        if first and row["start_iso"] and row["start_earliest"] < row["life_from"]:
            if not row["end_latest"] or row["end_latest"] >= row["life_from"]:
                _set(row, "start", first, "from the founding of an end")
        if last and row["start_iso"] and row["life_until"] >= (row["start_earliest"] or ""):
            if not row["end_iso"] or row["end_latest"] > row["life_until"]:
                _set(row, "end", last, "until an end ceased")


def _set(row: dict, prefix: str, date: FuzzyDate, why: str) -> None:
    row.update({f"{prefix}_iso": date.iso, f"{prefix}_earliest": date.earliest.isoformat(),
                f"{prefix}_latest": date.latest.isoformat(), f"{prefix}_text": why})


def by_entity(conn: Connection, entity_ids: Iterable[int]) -> dict[int, dict]:
    """{entity id: {"start": iso, "end": iso}}: a compact form for the map."""
    return {eid: {"start": x.start.iso if x.start else None, "end": x.end.iso if x.end else None}
            for eid, x in load(conn, entity_ids).items()}


__all__ = ["LifeEvent", "Lifespan", "by_entity", "clip", "load"]
