"""A document's ties from its scored candidates: one per (subject, relation, object, stance), with its
evidence, stance, dates and confidence (`assemble`), and a tie's dates from those of its sentences
(`tie_dates`). The frames' path (`ties.relations`) and the learned scorer (`scoring.scorer`) both end here."""
from __future__ import annotations

from collections.abc import Callable

from ... import relations as vocab
from ...model import Assertion, Evidence, FuzzyDate, Stance
from ..stance import StanceReading, read_stance
from ..state import Annotated
from .candidate import Scored
from .dates import carried_dates, dates_for
from .denials import negated_designator
from .guards import keep as guard_keep, nominal as guard_nominal

SURE_SHARE = 0.8  # a candidate dates its tie when its score is this share of the surest dated candidate's


def assemble(ann: Annotated, scored: list[Scored], version: str = "",
             combine: Callable[[Annotated, Assertion, list[Scored]], float] | None = None,
             keep_tie: Callable[[Assertion], bool] | None = None) -> Annotated:
    """The document's ties, one per (subject, relation, object, stance), from its scored candidates.
    A tie's confidence is the highest of its candidates', or, with `combine`, what `combine` makes of
    the tie and all its candidates (the model's tie stage); its evidence then comes best-scored first.
    With `keep_tie`, only the ties it keeps (given their combined confidence) are dated and returned:
    reading dates is the costly part, and most of a model's candidate ties fall under its threshold."""
    seen: dict[tuple, Assertion] = {}
    support: dict[tuple, list[Scored]] = {}  # the tie's candidates, with their scores
    ev_score: dict[tuple, float] = {}  # (tie, evidence's start, end, rule): its best candidate's score
    stances: dict[tuple, StanceReading] = {}
    for sc in scored:
        c = sc.cand
        if not guard_keep(ann, c):
            continue
        if c.rule.startswith("model") and not c.nominal and guard_nominal(ann, c):
            c.nominal = True
        sent = ann.sentences[c.sentence]
        if c.stance:
            stance, who = Stance(c.stance), None
        elif sent.kind == "infobox":
            stance, who = Stance.ASSERTED, None
        else:
            at = (sent.start, sent.end, c.trigger[0], c.trigger[1], c.subject.start, c.nominal)
            r = stances.get(at)
            if r is None:  # the candidates of one sentence, trigger and subject share their reading
                r = stances[at] = read_stance(ann, *at)
            stance, who = r.stance, r.attribution
        if stance is not Stance.DENIED and negated_designator(ann, c):
            stance = Stance.DENIED
        s_key, o_key = c.subject.key, c.object.key
        if c.relation in vocab.SYMMETRIC and o_key < s_key:
            s_key, o_key = o_key, s_key
        key = (s_key, c.relation, o_key, stance)
        first = getattr(c, "first", None)  # the place or subject came from the sentence before
        ev_start = ann.sentences[first].start if first is not None else sent.start
        ev = Evidence(ann.doc.id, ev_start, sent.end, c.rule, version,
                      trigger=ann.text[c.trigger[0]:c.trigger[1]])
        support.setdefault(key, []).append(sc)
        ek = (key, ev.start_char, ev.end_char, ev.extractor)
        ev_score[ek] = max(ev_score.get(ek, 0.0), sc.confidence or 0.0)
        old = seen.get(key)
        if old is None:
            seen[key] = Assertion(ann.entities[s_key], c.relation, ann.entities[o_key], stance, None, None,
                                  who, [ev], confidence=sc.confidence)
            continue
        if all((e.start_char, e.end_char, e.extractor) != (ev.start_char, ev.end_char, ev.extractor)
               for e in old.evidence):
            old.evidence.append(ev)
        old.attribution = old.attribution or who
        if sc.confidence is not None:
            old.confidence = max(old.confidence or 0.0, sc.confidence)
    for key in list(seen):
        a = seen[key]
        if combine is not None:
            a.confidence = combine(ann, a, support[key])
            a.evidence.sort(key=lambda e: -ev_score.get((key, e.start_char, e.end_char, e.extractor), 0.0))
        if keep_tie is not None and not keep_tie(a):
            del seen[key]
            continue
        if a.stance is not Stance.DENIED:
            dated = [(sc.confidence, dates_for(ann, sc.cand)) for sc in support[key]]
            a.start, a.end = tie_dates(_surest(dated))
            if a.start is None and a.end is None:  # no sentence dates it: the paragraph's date, if any
                a.start, a.end = tie_dates([carried_dates(ann, sc.cand) for sc in support[key]])
    # a tie both asserted and reported: the asserted line first
    ann.assertions = sorted(seen.values(), key=lambda a: a.stance == Stance.REPORTED)
    return ann


def _surest(dated: list[tuple[float | None, tuple]], share: float = SURE_SHARE) -> list[tuple]:
    """The dates of the candidates the scorer is nearly as sure of as of the surest dated one: a pair
    it barely believes states the tie does not date it either."""
    scored = [(1.0 if conf is None else conf, d) for conf, d in dated if d[0] is not None or d[1] is not None]
    top = max((conf for conf, _ in scored), default=0.0)
    return [d for conf, d in scored if conf >= share * top]


def tie_dates(dated: list[tuple[FuzzyDate | None, FuzzyDate | None]]) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    """A tie's start and end from the (start, end) that each sentence stating it gave: the earliest
    start and the latest end, a more precise date refining a coarser one that contains it ("2016"
    and "June 2016": June 2016). Measured by cross-validation against keeping the most precise date
    of any sentence (a later sentence's precise date then won over the first one's month)."""
    start = end = None
    for s, e in dated:
        start, end = _earlier(start, s), _later(end, e)
    return start, end


def _refines(a: FuzzyDate, b: FuzzyDate) -> bool:
    """Whether b says what a says, more precisely (b lies within a)."""
    return a.earliest <= b.earliest and b.latest <= a.latest and len(b.iso) > len(a.iso)


def _earlier(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    return _chosen(a, b, lambda a, b: b.earliest < a.earliest)


def _later(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    return _chosen(a, b, lambda a, b: b.latest > a.latest)


def _chosen(a: FuzzyDate | None, b: FuzzyDate | None,
            b_first: Callable[[FuzzyDate, FuzzyDate], bool]) -> FuzzyDate | None:
    """One of two dates of a tie: the one given, the more precise when one lies within the other,
    else b when `b_first(a, b)` (earlier start, later end)."""
    if a is None or b is None:
        return a or b
    if _refines(a, b):
        return b
    if _refines(b, a):
        return a
    return b if b_first(a, b) else a
