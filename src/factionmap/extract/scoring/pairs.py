"""Candidate pairs: two mentions of different entities that a sentence (or an infobox line) links.

A pair is unordered on the page (`a` comes first); the model scores each relation in each
direction. The frames' candidates that join the same two mentions ride along as features, and a
frame's pair that is not within one sentence (a subject carried from the sentence before, "the two
groups") is a pair of its own.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...model import EntityType
from ..ties.lexical import Candidate
from ..lists import items
from ..state import Annotated, Span
from .offices import implied_states

MAX_MENTIONS = 24  # a sentence naming more (a long list) pairs each mention with its 12 nearest
MAX_GAP = 400  # characters between the two mentions of an in-sentence pair
_SKIP_KINDS = ("heading", "refs", "header")


@dataclass
class Pair:
    a: Span
    b: Span
    sentence: int
    frames: list[Candidate] = field(default_factory=list)
    via: str = "sentence"  # sentence, infobox, list (an item and what it hangs under), frame, office
    depth: int = 0  # a list item's depth

    @property
    def keys(self) -> tuple[str, str]:
        return self.a.key, self.b.key


def _ok(ann: Annotated, x: Span, y: Span) -> bool:
    if x.key == y.key:
        return False
    tx, ty = ann.type_of(x.key), ann.type_of(y.key)
    return not (tx is EntityType.PLACE and ty is EntityType.PLACE and not (ann.is_state(x.key) or ann.is_state(y.key)))


def candidate_pairs(ann: Annotated, frames: list[Candidate]) -> list[Pair]:
    """Every pair worth scoring, in document order, each with the frame candidates that join it."""
    pairs: dict[tuple, Pair] = {}
    for i, sent in enumerate(ann.sentences):
        if sent.kind in _SKIP_KINDS:
            continue
        spans = with_pair_twins(ann, ann.sentence_spans(i))
        for j, x in enumerate(spans):
            near = spans[j + 1: j + 1 + (12 if len(spans) > MAX_MENTIONS else len(spans))]
            for y in near:
                if y.start - x.end > MAX_GAP or y.start < x.end or not _ok(ann, x, y):
                    continue  # (a phrase's two groups are paired by the frames that read "the two ...")
                pairs.setdefault((x.start, x.end, x.key, y.start, y.end, y.key), Pair(x, y, i))
    for p in infobox_pairs(ann) + list_pairs(ann) + office_pairs(ann):
        pairs.setdefault((p.a.start, p.a.end, p.a.key, p.b.start, p.b.end, p.b.key), p)
    for c in frames:
        x, y = sorted((c.subject, c.object), key=lambda s: (s.start, s.end, s.key))
        k = (x.start, x.end, x.key, y.start, y.end, y.key)
        if k not in pairs:
            pairs[k] = Pair(x, y, c.sentence, via="frame")
        pairs[k].frames.append(c)
    return sorted(pairs.values(), key=lambda p: (p.sentence, p.a.start, p.b.start))


def with_pair_twins(ann: Annotated, spans: list[Span]) -> list[Span]:
    """The sentence's mentions, each "the two groups" / "both groups" phrase standing for both of its
    groups: the resolver gives the phrase's span the first group; its twin carries the second."""
    if not ann.pairs:
        return spans
    out: list[Span] = []
    for s in spans:
        out.append(s)
        two = ann.pairs.get((s.start, s.end)) if s.source == "coref" else None
        if two is not None and two[1] != s.key:
            out.append(Span(s.start, s.end, two[1], ann.type_of(two[1]), "coref"))
    return out


def office_pairs(ann: Annotated) -> list[Pair]:
    """A head of state named by a bare title with each state the document implies (`offices`)."""
    out = []
    for state, person, i in implied_states(ann):
        x, y = sorted((state, person), key=lambda s: s.start)
        out.append(Pair(x, y, i, via="office"))
    return out


def infobox_pairs(ann: Annotated) -> list[Pair]:
    """The document's subject paired with each mention of an infobox line (whatever its field)."""
    if ann.subject is None:
        return []
    subject = next((s for s in ann.spans if s.key == ann.subject), None)
    if subject is None:
        return []
    out = []
    for i, sent in enumerate(ann.sentences):
        if sent.kind != "infobox":
            continue
        for sp in ann.sentence_spans(i):
            if sp.key != ann.subject and _ok(ann, subject, sp):
                x, y = sorted((subject, sp), key=lambda s: s.start)
                out.append(Pair(x, y, i, via="infobox"))
    return out


def list_pairs(ann: Annotated) -> list[Pair]:
    """Each list item's first mention with what it hangs under: the item above it, or the document's
    subject for a top-level item ("== Member groups ==" / "- X" / "  - Y"); a nested item is paired
    with the subject too (a bloc's member is a member of the coalition the page is about)."""
    subject = None
    if ann.subject is not None:
        subject = next((s for s in ann.spans if s.key == ann.subject), None)
    found = items(ann)
    first: dict[int, Span] = {}
    for i in found:
        spans = ann.sentence_spans(i)
        if spans:
            first[i] = spans[0]
    out = []
    for i, item in found.items():
        own = first.get(i)
        if own is None:
            continue
        ups = [first.get(item.parent) if item.parent is not None else subject]
        if item.parent is not None:
            ups.append(subject)
        for up in ups:
            if up is None or not _ok(ann, up, own):
                continue
            x, y = sorted((up, own), key=lambda s: s.start)
            out.append(Pair(x, y, i, via="list", depth=item.depth))
    return out
