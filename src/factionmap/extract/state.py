"""The annotated document that pipeline stages read and add to.

Every span is a pair of offsets into `Document.text`. Entities are document-local: keyed by their KB
id when they have one, by a local key otherwise, each with every name the document and the KB give it.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from ..lang import LanguagePack, require_pack
from ..model import Alias, Assertion, Document, Entity, EntityKind, EntityType, InfoboxField


@dataclass
class Sentence:
    start: int
    end: int
    kind: str = "text"  # text, heading, infobox, list
    paragraph: int = 0


@dataclass
class Span:
    """A mention found by some stage, resolved to an entity key."""

    start: int
    end: int
    key: str
    type: EntityType
    source: str  # gazetteer, pattern, acronym, ner, coref, doc
    widens: bool = False  # it takes the shorter mentions it strictly contains, whichever was found first


#: Which finder's mention keeps a stretch of text when two claim overlapping text, highest first: the
#: names the knowledge base and the group-name grammar read; spaCy's entities; names read as the items
#: of a list; the state behind a demonym ("Turkish forces"); the document's own names matched again;
#: the acronyms it defined; coreference ("the group"). A source not listed ranks below all of them.
SPAN_PRIORITY: tuple[tuple[str, ...], ...] = (
    ("gazetteer", "pattern"), ("ner",), ("list",), ("demonym",), ("doc",), ("acronym",), ("coref",))
_RANK = {source: len(SPAN_PRIORITY) - i for i, tier in enumerate(SPAN_PRIORITY) for source in tier}


def _contains(a: Span, b: Span) -> bool:
    return a.start <= b.start and b.end <= a.end and b.end - b.start < a.end - a.start


def outranks(new: Span, old: Span) -> bool:
    """Whether mention `new` takes the text `old` (overlapping it) claims, whatever order they were
    found in: a widening mention (`Span.widens`) that strictly contains a shorter one takes it;
    otherwise the higher-ranked source (SPAN_PRIORITY), then the longer mention, then the one that
    starts first; of two that claim the very same text, the one there stays."""
    if new.widens and _contains(new, old):
        return True
    if old.widens and _contains(old, new):
        return False
    a, b = _RANK.get(new.source, 0), _RANK.get(old.source, 0)
    if a != b:
        return a > b
    if new.end - new.start != old.end - old.start:
        return new.end - new.start > old.end - old.start
    return new.start < old.start


@dataclass
class Annotated:
    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    infobox: list[InfoboxField] = field(default_factory=list)
    entities: dict[str, Entity] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    dates: list = field(default_factory=list)  # DateSpan from extract.dates
    parsed: dict[int, object] = field(default_factory=dict)  # sentence index -> spaCy Doc
    assertions: list[Assertion] = field(default_factory=list)
    subject: str | None = None  # the key of the entity the document is about, if any
    kinds: dict[str, str] = field(default_factory=dict)  # entity key -> KB kind (state, armed_group ...)
    folded_names: dict[str, str] = field(default_factory=dict)  # folded name -> entity key
    parse: object = None  # callable(list of sentence indices): parses them into `parsed`
    # "the two groups", "both groups": (start, end) of the phrase -> the two entity keys it stands for
    pairs: dict[tuple[int, int], tuple[str, str]] = field(default_factory=dict)
    _starts: list[int] = field(default_factory=list)
    _pack: LanguagePack | None = None

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def pack(self) -> LanguagePack:
        """The language pack the document is read with (its `language`'s): the stages read their words
        (hedges, speech verbs ...) from it. NoLanguagePack when the language has none."""
        if self._pack is None:
            self._pack = require_pack(self.doc)
        return self._pack

    # entities -----------------------------------------------------------------------------------
    def entity(self, key: str, name: str, etype: EntityType, kb_id: str | None = None) -> Entity:
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(name=name, type=etype, kb_id=kb_id, key=key)
            self.entities[key] = ent
        return ent

    def add_alias(self, key: str, name: str, source: str = "text") -> None:
        ent = self.entities[key]
        name = " ".join(name.split()).strip(" ,;:")
        if not name or name == ent.name or any(a.name == name for a in ent.aliases):
            return
        ent.aliases.append(Alias(name=name, doc_ids={self.doc.id}, source=source))

    def merge_entities(self, keep: str, drop: str) -> None:
        """`drop` is another name of `keep` ("X, also known as Y"): its names and mentions move over."""
        if keep == drop or keep not in self.entities or drop not in self.entities:
            return
        for name in self.entities[drop].names:
            self.add_alias(keep, name, source="text")
        etype = self.entities[keep].type
        for s in self.spans:
            if s.key == drop:
                s.key, s.type = keep, etype
        self.pairs = {k: tuple(keep if x == drop else x for x in v) for k, v in self.pairs.items()}
        if self.subject == drop:
            self.subject = keep
        self.folded_names = {f: (keep if k == drop else k) for f, k in self.folded_names.items()}
        del self.entities[drop]
        self.kinds.pop(drop, None)

    # spans --------------------------------------------------------------------------------------
    def add_span(self, span: Span, override: bool = False) -> bool:
        """Adds a mention unless a mention that outranks it (`outranks`) already claims part of its
        text; the mentions it outranks are dropped. `override`: the new mention may widen the ones it
        strictly contains (a list item, "the group's Syrian branch", a case-sensitive document name)."""
        span.widens = span.widens or override
        clash = self.overlapping(span.start, span.end)
        if not all(outranks(span, s) for s in clash):
            return False
        for s in clash:
            k = self.spans.index(s)
            del self.spans[k]
            del self._starts[k]
        k = bisect_left(self._starts, span.start)
        self.spans.insert(k, span)
        self._starts.insert(k, span.start)
        return True

    def spans_in(self, start: int, end: int) -> list[Span]:
        lo = bisect_left(self._starts, max(0, start))
        hi = bisect_right(self._starts, end)
        return [s for s in self.spans[lo:hi] if s.start >= start and s.end <= end]

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The mentions sharing some of the text [start, end), among those within 200 characters of it on
        either side (a mention is a name: far shorter)."""
        return [s for s in self.spans_in(start - 200, end + 200) if s.start < end and start < s.end]

    def sentence_spans(self, i: int) -> list[Span]:
        s = self.sentences[i]
        return self.spans_in(s.start, s.end)

    def sentence_at(self, offset: int) -> int:
        starts = self.__dict__.get("_sentence_starts")
        if starts is None or len(starts) != len(self.sentences):  # sentences are only ever appended
            starts = self.__dict__["_sentence_starts"] = [s.start for s in self.sentences]
        return max(0, bisect_right(starts, offset) - 1)

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def kind_of(self, key: str) -> EntityKind | None:
        ent = self.entities.get(key)
        return ent.kind if ent is not None else None

    def is_state(self, key: str) -> bool:
        return self.kinds.get(key, "") in {"state", "country"}
