"""Stage `relations`: ties from infobox fields and sentence frames, with stance and dates.

Each candidate becomes an `Assertion` carrying its evidence (the sentence's offsets, the rule, the
trigger words). One (subject, relation, object, stance) is kept once per document, with the most
precise dates any of its sentences gave.
"""
from __future__ import annotations

from ...model import Assertion, Evidence, FuzzyDate, Stance
from ..state import Annotated
from ..stance import read_stance
from .dates import dates_for
from .denials import carried_denials
from .discourse import discourse_relations, distribute_pairs
from .infobox import infobox_relations
from .lexical import Candidate, lexical_relations

__all__ = ["relations", "Candidate"]


def relations(ann: Annotated, version: str = "") -> Annotated:
    cands = distribute_pairs(ann, infobox_relations(ann) + lexical_relations(ann) + discourse_relations(ann))
    cands += carried_denials(ann, cands)
    seen: dict[tuple, Assertion] = {}
    for c in cands:
        sent = ann.sentences[c.sentence]
        if c.stance:
            stance, who = Stance(c.stance), None
        elif sent.kind == "infobox":
            stance, who = Stance.ASSERTED, None
        else:
            r = read_stance(ann, sent.start, sent.end, c.trigger[0], c.trigger[1], c.subject.start, c.nominal)
            stance, who = r.stance, r.attribution
        start, end = dates_for(ann, c) if stance is not Stance.DENIED else (None, None)
        s_key, o_key = c.subject.key, c.object.key
        from ... import relations as vocab
        if c.relation in vocab.SYMMETRIC and o_key < s_key:
            s_key, o_key = o_key, s_key
        key = (s_key, c.relation, o_key, stance)
        first = getattr(c, "first", None)  # the place or subject came from the sentence before
        ev_start = ann.sentences[first].start if first is not None else sent.start
        ev = Evidence(ann.doc.id, ev_start, sent.end, c.rule, version,
                      trigger=ann.text[c.trigger[0]:c.trigger[1]])
        old = seen.get(key)
        if old is None:
            seen[key] = Assertion(ann.entities[s_key], c.relation, ann.entities[o_key], stance, start, end,
                                  who, [ev])
            continue
        old.evidence.append(ev)
        old.start = _better(old.start, start)
        old.end = _better(old.end, end)
        old.attribution = old.attribution or who
    # a tie both asserted and reported: the asserted line first
    ann.assertions = sorted(seen.values(), key=lambda a: a.stance == Stance.REPORTED)
    return ann


def _better(a: FuzzyDate | None, b: FuzzyDate | None) -> FuzzyDate | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if len(b.iso) > len(a.iso) else a
