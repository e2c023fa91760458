"""The data model: plain dataclasses shared by ingestion, extraction, the store, the graph and exports.

Spans are character offsets into `Document.text`, never copies of it. Dates are `FuzzyDate`s: an
interval (earliest, latest) with the ISO partial string that says it ("2015", "2015-06", "2015-06-23")
and the words it was read from.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class EntityType(str, Enum):
    ORG = "ORG"  # armed groups, parties, states' agencies, international bodies
    PERSON = "PERSON"
    PLACE = "PLACE"  # countries, regions, cities (states as territories and as actors)


class EntityKind(str, Enum):
    """What sort of actor or thing an entity is, finer than its type (`factionmap.entity_kinds` maps the
    knowledge base's kinds onto these and says where a state may act)."""

    STATE = "state"  # a country: a territory (type PLACE) that also acts (designates, fights, allies)
    GOVERNMENT_BODY = "government_body"  # an army, a police service, a ministry, an agency, a government
    ARMED_GROUP = "armed_group"  # armed groups, their wings, provinces, fronts, militias
    PARTY = "party"  # political parties and movements
    COALITION = "coalition"  # coalitions, alliances, operations rooms
    MEDIA_OUTLET = "media_outlet"
    PERSON = "person"
    PLACE = "place"  # regions, provinces, districts, cities, towns
    ORGANIZATION = "organization"  # any other organization, or one of unknown sort


DEFAULT_KIND = {EntityType.ORG: EntityKind.ORGANIZATION, EntityType.PERSON: EntityKind.PERSON,
                EntityType.PLACE: EntityKind.PLACE}


class MentionType(str, Enum):
    ORG = "ORG"
    PERSON = "PERSON"
    PLACE = "PLACE"
    DATE = "DATE"
    QUANTITY = "QUANTITY"


class Stance(str, Enum):
    ASSERTED = "asserted"  # stated as fact by the document
    REPORTED = "reported"  # attributed to someone else, or hedged
    DENIED = "denied"  # a party or the author says it is not so


class SourceKind(str, Enum):
    ENCYCLOPEDIA = "encyclopedia"
    ANALYSIS = "analysis"
    NEWS = "news"
    STATEMENT = "statement"


def content_id(data: bytes) -> str:
    """A document's id: the SHA-256 of the bytes it was read from."""
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Section:
    title: str
    level: int
    start: int  # offsets of the section's body in Document.text
    end: int


@dataclass(frozen=True)
class InfoboxField:
    name: str  # as written: "Allegiance", "Opponents", "Leaders" ...
    value: str
    start: int  # offsets of the value in Document.text
    end: int


@dataclass
class Document:
    text: str
    id: str = ""  # content hash; computed from the text when not given
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date, partial allowed
    url: str | None = None
    language: str = "en"
    source_kind: SourceKind | None = None
    path: str | None = None  # where it was read from, as given by the user
    format: str | None = None  # txt, md, html, wikitext, pdf, jsonl
    sections: list[Section] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text.encode("utf-8"))
        if isinstance(self.source_kind, str):
            self.source_kind = SourceKind(self.source_kind)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    @property
    def published_date(self) -> dt.date | None:
        """The publication date as a date (the first day of a partial one), for anchoring dates."""
        if not self.published:
            return None
        parts = [int(p) for p in self.published[:10].split("-") if p.isdigit()]
        try:
            return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except (IndexError, ValueError):
            return None


@dataclass(frozen=True)
class FuzzyDate:
    earliest: dt.date
    latest: dt.date
    iso: str  # the most precise ISO partial that the text supports
    text: str = ""  # as written in the document

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"date interval ends before it starts: {self.earliest}..{self.latest}")

    @classmethod
    def from_iso(cls, iso: str, text: str = "") -> "FuzzyDate":
        """'2015' -> the whole year; '2015-06' -> the month; '2015-06-23' -> the day; '198X' -> the decade."""
        import calendar

        if len(iso) == 4 and iso[:3].isdigit() and iso[3] in "Xx":
            decade = int(iso[:3]) * 10
            return cls(dt.date(decade, 1, 1), dt.date(decade + 9, 12, 31), iso.upper(), text)
        parts = [int(p) for p in iso.split("-")]
        if len(parts) == 1:
            return cls(dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), iso, text)
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return cls(dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last), iso, text)
        day = dt.date(*parts[:3])
        return cls(day, day, iso, text)


@dataclass
class Alias:
    name: str
    doc_ids: set[str] = field(default_factory=set)  # the documents that write it (where read: Graph.entity)
    source: str = "text"  # kb, text, acronym, script, user
    counted: int | None = None  # how many documents write it, where counted in SQL without reading which (a profile)

    @property
    def documents(self) -> int:
        """How many documents write it."""
        return len(self.doc_ids) if self.counted is None else self.counted


@dataclass
class Entity:
    """An entity: within one document (id None, `key` local) or across the store (id set)."""

    name: str
    type: EntityType
    aliases: list[Alias] = field(default_factory=list)
    kb_id: str | None = None  # the knowledge-base entry it matched, if any
    attributes: dict[str, Any] = field(default_factory=dict)
    key: str = ""  # stable within one document's extraction
    id: int | None = None
    kind: EntityKind | None = None  # None: the default of its type (organization, person, place)

    def __post_init__(self) -> None:
        if isinstance(self.type, str):
            self.type = EntityType(self.type)
        self.kind = EntityKind(self.kind) if self.kind else DEFAULT_KIND[self.type]
        if not self.key:
            self.key = self.kb_id or f"{self.type.value}:{self.name}"

    @property
    def names(self) -> list[str]:
        seen, out = set(), []
        for n in [self.name, *(a.name for a in self.aliases)]:
            if n not in seen:
                seen.add(n)
                out.append(n)
        return out


@dataclass(frozen=True)
class Mention:
    doc_id: str
    start: int
    end: int
    type: MentionType
    entity_key: str | None = None  # the Entity.key it resolves to, if any
    source: str = ""  # gazetteer, pattern, acronym, ner, coref


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    start_char: int  # offsets of the sentence(s) in Document.text
    end_char: int
    extractor: str  # the rule or stage that produced it
    extractor_version: str
    trigger: str = ""  # the words that triggered it, as written
    # the sentence normalised for near-duplicate detection (graph.dedup.fingerprint), when already
    # computed (a Dask worker does it for the writer); the store computes it otherwise
    fingerprint: str | None = field(default=None, compare=False, repr=False)


@dataclass
class Assertion:
    subject: Entity
    relation: str
    object: Entity
    stance: Stance = Stance.ASSERTED
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    attribution: str | None = None  # who says so, when not the document's author
    evidence: list[Evidence] = field(default_factory=list)
    id: int | None = None
    confidence: float | None = None  # calibrated probability that the tie is right (None: no model scored it)

    def __post_init__(self) -> None:
        if isinstance(self.stance, str):
            self.stance = Stance(self.stance)


class LifespanKind(str, Enum):
    """What a lifespan event says about a group: when it began, ended, or took another name."""

    FOUNDED = "founded"  # founded, formed, established, proclaimed
    FIRST_ACTIVE = "first_active"  # active from (an infobox's "Active: 2007 – 2016" start)
    DISSOLVED = "dissolved"  # dissolved, disbanded, ceased to exist
    LAST_ACTIVE = "last_active"  # active until
    RENAMED = "renamed"  # took a new name (the old name's end, the new name's start)

    @property
    def bound(self) -> str:
        """'start', 'end' or 'renamed'."""
        if self in (LifespanKind.FOUNDED, LifespanKind.FIRST_ACTIVE):
            return "start"
        if self in (LifespanKind.DISSOLVED, LifespanKind.LAST_ACTIVE):
            return "end"
        return "renamed"


@dataclass(frozen=True)
class LifespanEvent:
    """One dated statement of a group's founding, end or renaming, with the sentence it came from."""

    entity_key: str  # the Entity.key of the group in its document's extraction
    kind: LifespanKind
    date: FuzzyDate
    evidence: Evidence
    new_name: str | None = None  # renamed: the name it took
    new_key: str | None = None  # renamed: the Entity.key of that name in the document, if it is one

    def __post_init__(self) -> None:
        if isinstance(self.kind, str):
            object.__setattr__(self, "kind", LifespanKind(self.kind))


@dataclass
class Extraction:
    """What the pipeline found in one document: written to the store in one transaction."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    assertions: list[Assertion] = field(default_factory=list)
    extractor_version: str = ""
    lifespans: list[LifespanEvent] = field(default_factory=list)  # read after extraction (lifespans.read)


class TieStatus(str, Enum):
    SUPPORTED = "supported"  # asserted or reported, never denied
    CONTESTED = "contested"  # evidence both ways
    DENIED = "denied"  # only denials


@dataclass(frozen=True)
class Citation:
    """One piece of evidence for a tie, as a reader sees it: the document and the sentence."""

    assertion_id: int
    doc_id: str
    doc_title: str | None
    published: str | None
    start_char: int
    end_char: int
    quote: str  # the evidence sentence(s) as the stored document writes them (kept with the evidence)
    stance: Stance
    attribution: str | None
    extractor: str
    publisher: str | None = None
    author: str | None = None
    url: str | None = None


@dataclass
class Tie:
    """All assertions about one (subject, relation, object) across the store."""

    id: int
    subject: Entity
    relation: str
    object: Entity
    status: TieStatus = TieStatus.SUPPORTED
    start: FuzzyDate | None = None  # earliest start in the evidence
    end: FuzzyDate | None = None  # latest stated end, or the start of a superseding tie
    confidence: int = 0  # 0-100
    grade: str = "F6"  # Admiralty: source reliability A-F x information credibility 1-6
    citations: list[Citation] = field(default_factory=list)
    review: dict[str, Any] | None = None  # an analyst's verdict: {verdict, review_id, by, at, note, grade, corrections}
