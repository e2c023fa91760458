"""Precision guards: what no candidate may become, whatever scored it.

- a question (rhetorical or not) or a hypothetical states nothing: "Would X pledge to Y?",
  "If X were to join Y, ...", "Whether X will ally with Y is unclear";
- what some members did is not what the group did: "some members of X pledged allegiance to Y"
  gives no pledge, split, merger or defection of X (fighting and places still hold for the group);
- headings, titles and document-head lines are never evidence (the pairs never come from them);
- a state, or its army, police or government, inside its own country operates nowhere there (`home`).

And a date belongs to the event it dates: a tie read from a noun phrase ("X leader P", "Y's branch
X") takes no date from its sentence (`nominal`).
"""
from __future__ import annotations

import re

from ..state import Annotated
from .home import at_home
from .lexical import Candidate

_HYPOTHETICAL = re.compile(r"(?i)^\W*(?:if|whether|should|were|would|could|might|unless|suppose|imagine|what\s+if)\b")
_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")
_PARTITIVE = re.compile(r"(?i)\b(?:some|many|several|most|few|a\s+few|a\s+number|dozens|hundreds|thousands|"
                        r"part|parts|elements|members|fighters|commanders|militants|factions?|units?|remnants|"
                        r"defectors|dissidents|a\s+group|one)\s+(?:of\s+|from\s+|within\s+)(?:the\s+|its\s+)?$")
_WHOLE_GROUP_ONLY = frozenset({"allegiance_to", "split_from", "merged_into", "defected_to", "successor_of"})
_NOMINAL_GAP = re.compile(r"^[\s,'’s\-–—]*(?:\w+[\s,'’\-]*){0,3}$")
_VERBISH = re.compile(r"(?i)\b(?:is|was|are|were|has|had|have|been|be|became|\w+ed|\w+s)\b")


def states_nothing(ann: Annotated, c: Candidate) -> bool:
    sent = ann.sentences[c.sentence]
    text = ann.text[sent.start:sent.end]
    return bool(_QUESTION_END.search(text) or _HYPOTHETICAL.match(text))


def partitive(ann: Annotated, c: Candidate) -> bool:
    if c.relation not in _WHOLE_GROUP_ONLY:
        return False
    sent = ann.sentences[ann.sentence_at(c.subject.start)]
    before = ann.text[max(sent.start, c.subject.start - 60):c.subject.start]
    return bool(_PARTITIVE.search(before))


def keep(ann: Annotated, c: Candidate) -> bool:
    """Whether a candidate may become a tie at all."""
    return not states_nothing(ann, c) and not partitive(ann, c) and \
        not at_home(ann, c.subject.key, c.relation, c.object.key)


def nominal(ann: Annotated, c: Candidate) -> bool:
    """A model candidate read from a noun phrase: the two names stand a few words apart with no verb
    between them ("IS leader P", "P, a Hamas commander"); its sentence's date is not the tie's."""
    a, b = sorted((c.subject, c.object), key=lambda s: s.start)
    if ann.sentence_at(a.start) != ann.sentence_at(b.start) or b.start < a.end:
        return False
    between = ann.text[a.end:b.start]
    return bool(_NOMINAL_GAP.match(between)) and not _VERBISH.search(between)
