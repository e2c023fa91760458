"""What an export reads: the map (through `factionmap.graph.Graph`), trimmed to a date or an ego
network, with the documents it cites, each citation's own dates, and the clock that stamps it.

Every list is sorted by its stable id, so each format writes the same bytes for the same store.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field

from ..errors import ExportError
from ..model import Entity, FuzzyDate, Tie
from ..store import Store
from . import ids

from ..graph import Graph

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


@dataclass
class Snapshot:
    """The part of the map one export writes."""

    entities: list[Entity]
    ties: list[Tie]
    documents: dict[str, dict]  # doc id -> metadata (store.documents() row), for every cited document
    dates: dict[int, tuple[FuzzyDate | None, FuzzyDate | None]]  # assertion id -> its own (start, end)
    clock: dt.datetime  # `created`/`modified` of every STIX object
    all_ties: list[Tie] = field(default_factory=list)  # the whole store's ties (to type entities stably)

    def entity_docs(self, entity: Entity) -> set[str]:
        """The exported documents that name an entity (from its aliases' provenance)."""
        return {d for a in entity.aliases for d in a.doc_ids if d in self.documents}


def parse_clock(value: str | dt.datetime | None, documents: list[dict]) -> dt.datetime:
    """The export's clock: the value given, else $SOURCE_DATE_EPOCH, else the store's last ingest."""
    if value is None and os.environ.get("SOURCE_DATE_EPOCH"):
        value = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.timezone.utc)
    if value is None:
        stamps = [_utc(d["ingested_at"]) for d in documents if d.get("ingested_at")]
        value = max(stamps, default=EPOCH)
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise ExportError(f"--clock {value!r} is not an ISO timestamp (e.g. 2024-01-31T00:00:00Z)") from None
    return _utc(value).replace(microsecond=0)


def _utc(value: dt.datetime | str) -> dt.datetime:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)


def _parse_day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return FuzzyDate.from_iso(str(value)).earliest
    except (ValueError, IndexError):
        raise ExportError(f"--as-of {value!r} is not an ISO date (2015, 2015-06 or 2015-06-23)") from None


def load(store: Store, as_of: str | dt.date | None = None, entity: str | None = None,
         depth: int | None = None, clock: str | dt.datetime | None = None,
         min_confidence: float | None = None) -> Snapshot:
    """Read the map (whole, at a date, or within `depth` ties of one entity) for an export.

    `as_of` keeps the ties that held on that date (Graph.ties semantics: dated ties only); with
    `entity`, Graph.neighbourhood (undated ties included, as the graph's neighbourhood reads them).
    """
    graph = Graph(store, min_confidence=min_confidence)
    day = _parse_day(as_of)
    when = day.isoformat() if day is not None else None
    entities = graph.entities()
    if entity is None and when is None:
        ties = graph.ties()
        all_ties = ties
    else:
        all_ties = graph.ties(citations=False)
        if entity is not None:
            center = graph.entity(entity)
            ties = graph.neighbourhood(center, as_of=when, hops=1 if depth is None else depth, citations=True)
            keep = {center.id}
        else:
            ties = graph.ties(as_of=when)
            keep = set()
        keep |= {t.subject.id for t in ties} | {t.object.id for t in ties}
        entities = [e for e in entities if e.id in keep]
    docs = store.documents()
    cited = {c.doc_id for t in ties for c in t.citations}
    named = {d for e in entities for a in e.aliases for d in a.doc_ids}
    wanted = cited if (entity is not None or when is not None) else cited | named
    assertion_ids = {c.assertion_id for t in ties for c in t.citations}
    dates = {a.id: (a.start, a.end) for a in store.assertions() if a.id in assertion_ids}
    return Snapshot(
        entities=sorted(entities, key=ids.entity_uid),
        ties=sorted(ties, key=ids.tie_uid),
        documents={d["id"]: d for d in sorted(docs, key=lambda d: d["id"]) if d["id"] in wanted},
        dates=dates,
        clock=parse_clock(clock, docs),
        all_ties=all_ties,
    )
