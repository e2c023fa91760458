"""Cues that decide what a sentence's date says about a tie, beyond the date's own words (`ties.dates`):

- a group that loses a place ("B took the town of P from A", "A withdrew from P", "B expelled A from
  P", "A lost P") is dated out of that place: the event's date ends A's operates_in tie, it does not
  start it;
- a date that "until" opens a few words before ("until his death in 2004", "until it gave up arms in
  1988") ends the tie, like "until 2004" does;
- in a narrative paragraph, a sentence with no date of its own happened at the latest date an earlier
  sentence of the paragraph gave ("On 3 May 2010 ... . Meanwhile, A took P."): `carried` reads it,
  for ties that no sentence dates.
"""
from __future__ import annotations

import re

from ...model import FuzzyDate
from ..state import Annotated

# "took the town of P from A": the place's taker is named before it, A right after "from"
_TAKEN = re.compile(r"(?i)\b(?:captured|captures|capturing|seized|seizing|took(?:\s+over)?|taking|recaptured|"
                    r"retook|retaking|wrested|regained|liberated|won)\b")
_FROM_END = re.compile(r"(?i)\bfrom\s+(?:the\s+)?\Z")
# "A withdrew from P", "A were driven from P", "A lost P", "A was forced to abandon P"
_LEAVES = re.compile(
    r"(?i)\A[^.;:()]{0,40}?\b(?:withdr[eao]w[ns]?|withdrawing|retreat(?:ed|s|ing)?|pulled\s+out|fled|"
    r"(?:was|were|been|being)\s+(?:\w+\s+)?(?:expelled|driven\s+out|driven|ousted|evicted|pushed\s+out|forced\s+out|ejected)|"
    r"lost|abandon(?:ed|s)?|evacuated)\b(?:\s+(?:\w+\s+)?(?:from|of))?\s+(?:the\s+)?[^.;:()]{0,40}\Z")
# "B expelled A (and C) from P"
_EXPELS = re.compile(r"(?i)\b(?:expelled|expelling|drove|driving|ousted|ousting|evicted|evicting|pushed|forced|ejected)"
                     r"\s+(?:[^.;:()]{0,40}?\s)?\Z")
_FROM_GAP = re.compile(r"(?i)\A\s*(?:[^.;:()]{0,60}?\s)?(?:out\s+of|from)\s+(?:the\s+)?[^.;:()]{0,40}\Z")
_UNTIL = re.compile(r"(?i)\b(?:until|till)\s+(?:\S+\s+){0,5}?(?:in|on|of)\s+\Z")


def lost_place(ann: Annotated, c) -> bool:
    """Whether the sentence tells that the subject of an operates_in tie lost or left its place."""
    if c.relation != "operates_in":
        return False
    text, group, place = ann.text, c.subject, c.object
    sent = ann.sentences[c.sentence]
    if place.end <= group.start:  # "... P ... from A"
        gap = text[place.end:group.start]
        if len(gap) > 80 or not _FROM_END.search(gap):
            return False
        return bool(_TAKEN.search(text, max(sent.start, place.start - 80), place.start))
    if group.end <= place.start:
        gap = text[group.end:place.start]
        if _LEAVES.match(gap):
            return True
        before = text[max(sent.start, group.start - 60):group.start]
        return bool(_EXPELS.search(before) and _FROM_GAP.match(gap))
    return False


def until_before(ann: Annotated, d, floor: int) -> bool:
    """Whether "until" opens the few words before a date ("until his death in 2004")."""
    return not d.bound and not d.until and bool(_UNTIL.search(ann.text, max(floor, d.start - 60), d.start))


def carried(ann: Annotated, c) -> FuzzyDate | None:
    """The latest date given before the candidate's sentence in the same paragraph, when the sentence
    gives none of its own."""
    sent = ann.sentences[c.sentence]
    if sent.kind != "text":
        return None
    first = c.sentence
    while first > 0 and ann.sentences[first - 1].paragraph == sent.paragraph:
        first -= 1
    lo = ann.sentences[first].start
    before = None
    for d in ann.dates:
        if d.start >= sent.end:
            break
        if d.start >= sent.start:
            return None  # the sentence has a date of its own: it is not the paragraph's
        if d.start >= lo:
            before = d
    return None if before is None or before.bound == "end" else before.date
