"""Gold ties aligned with candidate pairs: which pair states which tie, for training and measuring.

A gold tie (SPEC's gold format: names, relation, stance, and a quote of its evidence) labels a pair
positive for its relation and direction when the pair's two entities carry one of the tie's names
each and the pair's sentence holds the quote. A pair of the same two entities elsewhere in the
document is left out of training for that relation (the text may state the tie again: it is neither
a positive nor a safe negative). A quote that cannot be found marks every sentence naming both as
such a maybe.
"""
from __future__ import annotations

from dataclasses import dataclass

from ... import relations as vocab
from ...annotation import locate
from ...namefold import fold
from ..state import Annotated
from .pairs import Pair

SCORED = sorted(vocab.SCORED)


def targets() -> list[str]:
    """The model's outputs: each relation with its direction on the page (">" A is the subject,
    "<" B is the subject, "=" for symmetric relations)."""
    out = []
    for r in SCORED:
        out += [f"{r}="] if r in vocab.SYMMETRIC else [f"{r}>", f"{r}<"]
    return out


TARGETS = targets()
INDEX = {t: i for i, t in enumerate(TARGETS)}


def target(relation: str, subject_first: bool) -> str:
    if relation in vocab.SYMMETRIC:
        return f"{relation}="
    return f"{relation}{'>' if subject_first else '<'}"


def split_target(t: str) -> tuple[str, str]:
    return t[:-1], t[-1]


@dataclass
class GoldTie:
    relation: str
    stance: str
    subject: frozenset[str]
    object: frozenset[str]
    evidence: list[tuple[int, int]]  # offsets in Document.text; empty when the quote was not found
    row: dict
    negative: bool = False  # an analyst rejected this reading (a review): the pair states no such tie


def _names(value, aliases=None) -> frozenset[str]:
    names = list(value) if isinstance(value, list) else [value]
    names += list(aliases or [])
    return frozenset(x for x in (fold(n) for n in names if isinstance(n, str)) if x)


def gold_ties(rows: list[dict], text: str) -> list[GoldTie]:
    out = []
    for r in rows:
        if r.get("relation") not in vocab.SCORED:
            continue
        ev = []
        quote = r.get("quote")
        for q in (quote if isinstance(quote, list) else str(quote or "").split(" … ")):
            hit = locate(text, q) if q else None
            if hit:
                ev.append(hit)
        out.append(GoldTie(r["relation"], r.get("stance") or "asserted",
                           _names(r.get("subject"), r.get("subject_aliases")),
                           _names(r.get("object"), r.get("object_aliases")), ev, r,
                           negative=r.get("review") == "rejected"))
    return out


def entity_names(ann: Annotated, key: str) -> frozenset[str]:
    return frozenset(x for x in (fold(n) for n in ann.entities[key].names) if x)


def label_pairs(ann: Annotated, pairs: list[Pair], gold: list[GoldTie]) -> list[dict[str, int]]:
    """For each pair: target -> 1 (states a gold tie), -1 (names a gold tie's ends but elsewhere:
    leave out), 0 (an analyst rejected this reading here: a negative whatever else says); targets
    absent are negatives."""
    names: dict[str, frozenset[str]] = {}

    def nm(key: str) -> frozenset[str]:
        if key not in names:
            names[key] = entity_names(ann, key)
        return names[key]

    out = []
    for p in pairs:
        sa, sb = nm(p.a.key), nm(p.b.key)
        sent = ann.sentences[p.sentence]
        lo = min(sent.start, ann.sentences[ann.sentence_at(p.a.start)].start)
        hi = max(sent.end, p.b.end)
        lab: dict[str, int] = {}
        for g in gold:
            fwd = bool(sa & g.subject and sb & g.object)
            rev = bool(sb & g.subject and sa & g.object)
            if not (fwd or rev):
                continue
            here = any(s < hi and lo < e for s, e in g.evidence)
            for subject_first in ([True] if fwd else []) + ([False] if rev else []):
                t = target(g.relation, subject_first)
                if g.negative:
                    if here:
                        lab[t] = 0  # the later, human judgement wins over an annotation
                    continue
                if lab.get(t) == 0:
                    continue
                if lab.get(t, 0) != 1:
                    lab[t] = 1 if here else -1
        out.append(lab)
    return out
