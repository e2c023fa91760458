"""Precision guards: what no candidate may become, whatever scored it.

- a question (rhetorical or not) or a hypothetical states nothing: "Would X pledge to Y?",
  "If X were to join Y, ...", "Whether X will ally with Y is unclear";
- what some members did is not what the group did: "some members of X pledged allegiance to Y"
  gives no pledge, split, merger or defection of X (fighting and places still hold for the group);
- a name that only qualifies an event is not the body a group belongs to: "as part of the Turkish
  military intervention", "joined X in clashes with Y" give no part_of or member_of of the object
  (`event_of_object`);
- headings, titles and document-head lines are never evidence (the pairs never come from them);
- a state, or its army, police or government, inside its own country operates nowhere there (`home`);
- a pledge the model reads is made by the clause's own subject to the name the oath goes to: not by a
  name another actor stands between ("X announced that Y pledged allegiance to Z": not X), or that a
  preposition governs ("withdrew allegiance from X and pledged to Z"), nor to a name the oath only
  passes ("allegiance to Z with the leader P calling ...": not P; "to Z's leader P" is to P).

And a date belongs to the event it dates: a tie read from a noun phrase ("X leader P", "Y's branch
X") takes no date from its sentence (`nominal`).
"""
from __future__ import annotations

import re

from ...model import EntityType
from ..state import Annotated, Span
from ..triggers import LEADER
from .home import at_home
from .lexical import Candidate

_HYPOTHETICAL = re.compile(r"(?i)^\W*(?:if|whether|should|were|would|could|might|unless|suppose|imagine|what\s+if)\b")
_QUESTION_END = re.compile(r"\?[\"”’')\]]*\s*$")
_PARTITIVE = re.compile(r"(?i)\b(?:some|many|several|most|few|a\s+few|a\s+number|dozens|hundreds|thousands|"
                        r"part|parts|elements|members|fighters|commanders|militants|soldiers|supporters|followers|loyalists|"
                        r"factions?|units?|remnants|"
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


_PLEDGE_WORD = re.compile(r"(?i)\b(?:pledg\w*|swore|sworn|swear\w*|allegiance|bay['’ʿ]?ah|bay['’]a|oaths?|loyalty)\b")
_GOVERNED = re.compile(r"(?i)\b(?:from|to|with|by|of|against|for|under|in|at|near|than)\s+(?:(?:the|its|their|his|"
                       r"her)\s+)?(?:(?:" + LEADER + r")\s+)?$")
_TITLE_AFTER = re.compile(r"(?i)^(?:['’]s?)?\s+(?:[\w\-]+\s+)?(?:" + LEADER + r"|commander|member|spokesman|fighter|"
                          r"militant|official)s?\b")
_RELATIVE_AFTER = re.compile(r"(?i)^\s*(?:\([^()]*\)\s*)?,?\s*(?:(?:an?|the)\s+[^,;«»()]{0,40}?\s+)?(?:which|who|that)\b")
_LEADER_NEXT = re.compile(r"(?i)^(?:['’]s?)?\s+(?:[\w\-]+\s+)?(?:" + LEADER + r")\s*,?\s*")
_HE_SHE = re.compile(r"(?i)\b(?:he|she)\b")
# what may stand between the oath and its object besides names: "to Z's leader P", "to Z and its leader, P"
_OATH_GLUE = re.compile(r"(?i)^(?:\s|[,'’]|\bs\b|\b(?:to|the|and|its|their|his|her|then|new|self-proclaimed|"
                        r"self-styled|so-called)\b|(?:" + LEADER + r")\b|@)*$")


def _actor(ann: Annotated, sp: Span) -> bool:
    return sp.type in (EntityType.ORG, EntityType.PERSON)


def stray_pledge(ann: Annotated, c: Candidate) -> bool:
    """A pledge the model read between a name and another actor's oath (the module's docstring)."""
    if c.relation != "allegiance_to" or not c.rule.startswith("model"):
        return False
    s, o = c.subject, c.object
    if ann.sentence_at(s.start) != ann.sentence_at(o.start) or s.end > o.start:
        return False
    words = list(_PLEDGE_WORD.finditer(ann.text, s.end, o.start))
    if not words:
        return False
    sent = ann.sentences[ann.sentence_at(s.start)]
    t0, t1 = words[0].start(), words[-1].end()
    if _GOVERNED.search(ann.text[max(sent.start, s.start - 40):s.start]) and \
            not _RELATIVE_AFTER.match(ann.text[s.end:t0]):
        return True
    for sp in ann.spans_in(s.end, t0):
        if sp.key == s.key or not _actor(ann, sp):
            continue
        if (_GOVERNED.search(ann.text[max(sent.start, sp.start - 40):sp.start]) or
                _TITLE_AFTER.match(ann.text[sp.end:sp.end + 40])) and not _RELATIVE_AFTER.match(ann.text[sp.end:t0]):
            continue  # "spoke on behalf of Y and pledged", "X, the Y leader, pledged": X still pledges
        return True  # (but "X merged with Y, which swore ...": Y swore)
    if ann.type_of(s.key) is not EntityType.PERSON and _HE_SHE.search(ann.text[s.end:t0]):
        return True  # "X was led by P until 2013, when he pledged ...": P pledged, not X
    nxt = _LEADER_NEXT.match(ann.text[o.end:o.end + 60])
    if nxt and any(sp.start == o.end + nxt.end() and sp.type is EntityType.PERSON for sp in ann.spans_in(o.end, o.end + 80)):
        return True  # "allegiance to Z emir P": the oath is to P
    between = ann.text[t1:o.start]
    names = [sp for sp in ann.spans_in(t1, o.start) if sp.key != o.key and _actor(ann, sp)]
    if names:
        for sp in sorted(names, key=lambda x: -x.start):
            between = between[:sp.start - t1] + "@" + between[sp.end - t1:]
        if not _OATH_GLUE.match(between):
            return True
    return False


_BELONGING = frozenset({"part_of", "member_of"})
# an event noun right after the object's name (one qualifying word between), or after "in": the name
# qualifies the event ("the Turkish military intervention", "joined X in clashes")
_EVENT_AFTER = re.compile(r"(?i)^(?:['’]s)?\s+(?:in\s+(?:the\s+|its\s+|their\s+)?)?(?:[a-z][\w\-]*\s+)?"
                          r"(?:intervention|offensive|operation|campaign|incursion|invasion|clashes|fighting|"
                          r"assault|airstrikes|air\s+strikes|bombardment|attacks?)\b")


def event_of_object(ann: Annotated, c: Candidate) -> bool:
    """A belonging read to a name that qualifies an event, not a body (the module's docstring)."""
    if c.relation not in _BELONGING or c.object.start < c.subject.end:
        return False
    return bool(_EVENT_AFTER.match(ann.text[c.object.end:c.object.end + 60]))


def keep(ann: Annotated, c: Candidate) -> bool:
    """Whether a candidate may become a tie at all."""
    return not states_nothing(ann, c) and not partitive(ann, c) and \
        not at_home(ann, c.subject.key, c.relation, c.object.key) and not stray_pledge(ann, c) and \
        not event_of_object(ann, c)


def nominal(ann: Annotated, c: Candidate) -> bool:
    """A model candidate read from a noun phrase: the two names stand a few words apart with no verb
    between them ("IS leader P", "P, a Hamas commander"); its sentence's date is not the tie's."""
    a, b = sorted((c.subject, c.object), key=lambda s: s.start)
    if ann.sentence_at(a.start) != ann.sentence_at(b.start) or b.start < a.end:
        return False
    between = ann.text[a.end:b.start]
    return bool(_NOMINAL_GAP.match(between)) and not _VERBISH.search(between)
