"""The valid time of a tie, from the dates of its sentence (found by `extract.dates`).

- a range right after a person's name ("P (2015–2016)") dates that person's tie;
- otherwise the date nearest the trigger in the same sentence: a range gives start and end, "until X"
  an end, anything else a start;
- a leader's tie ends when the document says the leader was killed or died on a date.
"""
from __future__ import annotations

import re

from ...model import FuzzyDate
from ..state import Annotated

_DEATH = re.compile(r"(?i)\b(?:killed|died|death\s+of|was\s+slain|assassinated|executed)\b")


def _in(ann: Annotated, a: int, b: int) -> list:
    return [d for d in ann.dates if a <= d.start and d.end <= b]


def dates_for(ann: Annotated, c) -> tuple[FuzzyDate | None, FuzzyDate | None]:
    sent = ann.sentences[c.sentence]
    for side in (c.subject, c.object):
        if ann.type_of(side.key).value == "PERSON":
            after = [d for d in _in(ann, side.end, min(sent.end, side.end + 20)) if d.until or d.bound]
            if after:
                return after[0].valid_from, after[0].valid_until
    found = _in(ann, sent.start, sent.end)
    if not found:
        return None, _death(ann, c) if c.relation == "leader_of" else None
    t = c.trigger[0]
    best = min(found, key=lambda d: abs(d.start - t))
    end = best.valid_until
    if c.relation == "leader_of" and end is None:
        end = _death(ann, c)
    return best.valid_from, end


def _death(ann: Annotated, c) -> FuzzyDate | None:
    """The date of the person's death, when a sentence names the person, a death word and a date."""
    key = c.subject.key
    for i, s in enumerate(ann.sentences):
        if s.kind != "text":
            continue
        body = ann.text[s.start:s.end]
        if not _DEATH.search(body) or not any(sp.key == key for sp in ann.sentence_spans(i)):
            continue
        m = _DEATH.search(body)
        ds = [d for d in _in(ann, s.start, s.end) if d.kind != "relative" or True]
        if ds:
            near = min(ds, key=lambda d: abs(d.start - (s.start + m.start())))
            return near.date
    return None
