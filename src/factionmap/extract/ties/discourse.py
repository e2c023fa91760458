"""Ties whose subject or object is not named in the trigger's own sentence.

- A claim of responsibility: "X claimed responsibility for the bombing in P" gives X operates_in P; when
  the claim names no place ("X later claimed responsibility for the attack", "... ; X claimed
  responsibility"), the place is the one where the attack happened, told by an earlier sentence of the
  same paragraph ("On 3 May, gunmen attacked a checkpoint in P."). "responsibility ... was claimed by X"
  too.
- An event placed later in the sentence: "X said it had killed three soldiers in a clash that took place
  in P" gives X operates_in P; and "The attack took place in P" right after a sentence where X attacked
  or claimed an attack.
- "the two (groups)", "both groups" worked together / clashed: an alliance / a fight between the two
  groups the phrase stands for (see `resolve`); any other tie read with that phrase as its subject or
  object is given to both groups.
- An encyclopedia page's subjectless sentences: "Active in P and Q." / "Based in P." (the page's subject).

Evidence is the sentence with the trigger; when the place comes from the sentence right before it, the
evidence covers both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ...model import EntityType
from ..state import Annotated, Span
from .lexical import Candidate


@dataclass
class Spanning(Candidate):
    """A candidate whose evidence starts at an earlier (adjacent) sentence."""

    first: int | None = None


_CLAIM = re.compile(
    r"(?i)\b(?P<t>(?:claimed|claims|claim|claiming|has\s+claimed|had\s+claimed|took|takes|taking|accepted)\s+"
    r"(?:full\s+|sole\s+)?(?:responsibility|credit))\b(?:\s+for\b)?")
_CLAIM_BY = re.compile(
    r"(?i)\b(?P<t>responsibility)\s+(?:for\s+[^.;]{0,80}?\s+)?(?:was|has\s+been|had\s+been|were)\s+(?:\w+\s+)?claimed\s+by\s+")
_ATTACK = re.compile(
    r"(?i)\b(?:attack(?:ed|s)?|assault(?:ed)?|opened\s+fire|fired\s+on|shot|shooting|stabb(?:ed|ing)|bomb(?:ed|ing|ings)?|"
    r"blast|explosion|explosives?|suicide|ambush(?:ed)?|raid(?:ed)?|stormed|killed|kidnapp(?:ed|ing)|abduct(?:ed|ion)|"
    r"beheaded|massacre|collapse|rammed|detonated|set\s+off|grenade|rocket|mortar|IED)\b")
# the words before a place that say an event happened there
_AT_PLACE = re.compile(
    r"(?i)(?:\b(?:in|at|near|outside|inside|on\s+the\s+outskirts\s+of|on\s+the\s+edge\s+of|close\s+to)\s+"
    r"(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}?(?:town|city|village|settlement|district|region|province|republic|"
    r"area|locality|suburb|neighbou?rhood|capital)\s+of\s+(?:the\s+)?)?(?:(?:north|south|east|west|central|"
    r"northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western)\s+)?"
    r"|\b(?:the|an?|its)\s+(?:\d{4}\s+)?)$")
_STOP = re.compile(r"(?i),?\s+(?:saying|said|adding|citing|claiming|because|as\s+(?:revenge|retaliation)|in\s+(?:revenge|"
                   r"retaliation|response)|which|while|but|whereas|although|after\s+(?:which|its))\b|[;:]")
_TOOK_PLACE = re.compile(
    r"(?i)\b(?P<t>(?:took\s+place|occurred|happened|was\s+carried\s+out|was\s+staged|unfolded))\s+(?:[\w\-]+\s+){0,5}?"
    r"(?:in|at|near|outside|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:(?:[\w\-]+\s+){0,2}?(?:town|city|village|"
    r"settlement|district|region|province|area|locality)\s+of\s+(?:the\s+)?)?$")
_AGENT_VERB = re.compile(
    r"(?i)\s*(?:,[^,]{0,40},\s*)?(?:\w+\s+){0,3}?(?:attacked|assaulted|bombed|ambushed|raided|stormed|killed|"
    r"struck|claimed|carried\s+out|conducted|launched|staged|mounted|said|says|announced|asserted|reported)\b")
_PAIR_ALLY = re.compile(
    r"(?i)\s*(?:\w+\s+){0,4}?(?P<t>worked\s+(?:closely\s+)?together|work\s+together|working\s+together|"
    r"co-?operated|co-?operate|coordinated|coordinate|allied|are\s+allies|were\s+allies|became\s+allies|"
    r"joined\s+forces|fought\s+(?:side\s+by\s+side|together|alongside\s+each\s+other)|"
    r"(?:formed|forged|signed|struck|concluded)\s+(?:an?\s+)?(?:\w+\s+)?(?:alliance|pact|partnership|agreement))\b")
_PAIR_OPPOSE = re.compile(
    r"(?i)\s*(?:\w+\s+){0,4}?(?P<t>clashed|fought\s+(?:each\s+other|one\s+another)|have\s+been\s+at\s+war|"
    r"were\s+at\s+war|are\s+at\s+war|went\s+to\s+war|are\s+rivals|were\s+rivals|became\s+rivals|"
    r"turned\s+on\s+each\s+other|have\s+fought|fought\s+(?:a|an)\s+(?:\w+\s+)?(?:war|battle))\b")
_SUBJECTLESS = re.compile(
    r"(?i)\s*(?:[-*\u2022]\s*)?(?:(?:mainly|mostly|primarily|chiefly|also|largely|currently)\s+)?"
    r"(?P<t>active|based|operating|operates|present|headquartered)\s+(?:mainly\s+|mostly\s+|primarily\s+)?"
    r"(?:in|across|throughout)\s+")
_LIST_GAP = re.compile(r"(?i)^\s*(?:,\s*(?:and|or)\s+|,|and|or|as\s+well\s+as)\s*(?:the\s+)?$")


def discourse_relations(ann: Annotated) -> list[Candidate]:
    out: list[Candidate] = []
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list"):
            continue
        body = ann.text[s.start:s.end]
        low = body.lower()
        if "responsib" in low or "credit" in low:
            out.extend(_claims(ann, i))
        if re.search(r"(?i)took\s+place|occurred|happened|carried\s+out|staged|unfolded", body):
            out.extend(_took_place(ann, i))
        if ann.subject and i > 0 and _SUBJECTLESS.match(body):
            out.extend(_subjectless(ann, i))
    out.extend(_pairs(ann))
    return out


def _group(ann: Annotated, s: Span) -> bool:
    return s.type is EntityType.ORG and not ann.is_state(s.key)


def _places_after(ann: Annotated, start: int, end: int) -> list[Span]:
    """The places an event is said to happen at between `start` and `end` ("in P", "the P bombing")."""
    stop = _STOP.search(ann.text, start, end)
    end = stop.start() if stop else end
    out = []
    for sp in ann.spans_in(start, end):
        if sp.type is not EntityType.PLACE and not ann.is_state(sp.key):
            continue
        if _AT_PLACE.search(ann.text[max(start, sp.start - 60):sp.start]):
            out.append(sp)
    return out


def _claimer(ann: Annotated, i: int, t_start: int) -> Span | None:
    """The group right before "claimed responsibility" (a few words, no other mention between)."""
    sent = ann.sentences[i]
    before = [sp for sp in ann.spans_in(sent.start, t_start) if sp.end <= t_start]
    if not before:
        return None
    last = before[-1]
    gap = ann.text[last.end:t_start]
    if not _group(ann, last) or len(gap.split()) > 4 or re.search(r"[,;:()]", gap):
        return None
    if re.search(r"(?i)\b(?:not|never|no)\b", gap) and False:
        return None
    return last


def _claims(ann: Annotated, i: int) -> list[Candidate]:
    sent = ann.sentences[i]
    text = ann.text
    out: list[Candidate] = []
    hits = []
    for m in _CLAIM.finditer(text, sent.start, sent.end):
        who = _claimer(ann, i, m.start("t"))
        if who is not None:
            hits.append((who, m))
    for m in _CLAIM_BY.finditer(text, sent.start, sent.end):
        after = [sp for sp in ann.spans_in(m.end(), min(sent.end, m.end() + 40)) if _group(ann, sp)]
        if after and not text[m.end():after[0].start].strip(" the"):
            hits.append((after[0], m))
    for who, m in hits:
        trigger = (m.start("t"), m.start() + len(m.group(0).rstrip()))  # "... was claimed by": the hedge word too
        places = [p for p in _places_after(ann, m.end("t"), sent.end) if p.key != who.key]
        first = None
        if not places:
            places, first = _attack_place(ann, i)
        for p in places:
            if first is not None and first == i - 1:
                out.append(Spanning(who, "operates_in", p, i, trigger, "claim-responsibility", None, False, first))
            else:
                out.append(Candidate(who, "operates_in", p, i, trigger, "claim-responsibility"))
    return out


def _attack_place(ann: Annotated, i: int) -> tuple[list[Span], int | None]:
    """Where the attack a claim refers to happened: the nearest earlier sentence of the paragraph (at most
    three back) that tells of an attack at a place."""
    para = ann.sentences[i].paragraph
    for j in range(i - 1, max(-1, i - 4), -1):
        sj = ann.sentences[j]
        if sj.paragraph != para or sj.kind not in ("text", "list"):
            break
        if not _ATTACK.search(ann.text, sj.start, sj.end):
            continue
        places = _places_after(ann, sj.start, sj.end)
        if places:
            return _first_and_within(ann, places), j
    return [], None


def _first_and_within(ann: Annotated, places: list[Span]) -> list[Span]:
    """The first place, and the ones that place lies in ("in P, Q" / "in P in the Q region of R")."""
    out = [places[0]]
    for p in places[1:]:
        gap = ann.text[out[-1].end:p.start]
        if len(gap) <= 40 and re.fullmatch(r"(?i)[\s,()]*(?:(?:in|of)\s+(?:the\s+)?(?:[\w’'\-]+\s+){0,4}?)?", gap):
            out.append(p)
        else:
            break
    return [p for p in out if not ann.is_state(p.key)] or out[:1]


def _took_place(ann: Annotated, i: int) -> list[Candidate]:
    sent = ann.sentences[i]
    text = ann.text
    out: list[Candidate] = []
    for sp in ann.spans_in(sent.start, sent.end):
        if sp.type is not EntityType.PLACE and not ann.is_state(sp.key):
            continue
        m = None
        for m in _TOOK_PLACE.finditer(text[max(sent.start, sp.start - 120):sp.start]):  # noqa: B007 (the last match is wanted)
            pass
        if m is None:
            continue
        t_start = max(sent.start, sp.start - 120) + m.start("t")
        trigger = (t_start, t_start + len(m.group("t")))
        # the agent: a group in this sentence before the event that attacked / claimed / said it did
        agents = [g for g in ann.spans_in(sent.start, t_start) if _group(ann, g) and g.end <= t_start
                  and _AGENT_VERB.match(text, g.end, t_start)]
        first = None
        if not agents and i > 0 and ann.sentences[i - 1].paragraph == sent.paragraph and \
                re.match(r"(?i)\s*(?:the|this|that)\s+(?:\w+\s+){0,2}?(?:attack|assault|bombing|raid|ambush|clash|"
                         r"operation|shooting|explosion|blast)\b", text[sent.start:t_start]):
            prev = ann.sentences[i - 1]
            agents = [g for g in ann.spans_in(prev.start, prev.end) if _group(ann, g)
                      and _AGENT_VERB.match(text, g.end, prev.end)]
            first = i - 1
        if not agents:
            continue
        who = agents[0]
        if who.key == sp.key:
            continue
        if first is not None:
            out.append(Spanning(who, "operates_in", sp, i, trigger, "event-place", None, False, first))
        else:
            out.append(Candidate(who, "operates_in", sp, i, trigger, "event-place"))
    return out


def _subjectless(ann: Annotated, i: int) -> list[Candidate]:
    sent = ann.sentences[i]
    m = _SUBJECTLESS.match(ann.text, sent.start, sent.end)
    subject = ann.subject
    spans = ann.spans_in(m.end(), sent.end)
    if not spans or spans[0].start - m.end() > 4 or (spans[0].type is not EntityType.PLACE and not ann.is_state(spans[0].key)):
        return []
    who = Span(sent.start, sent.start, subject, ann.type_of(subject), "doc")
    places = [spans[0]]
    for a, b in zip(spans, spans[1:]):
        if (b.type is EntityType.PLACE or ann.is_state(b.key)) and _LIST_GAP.match(ann.text[a.end:b.start]):
            places.append(b)
        else:
            break
    trigger = (m.start("t"), m.end("t"))
    return [Candidate(who, "operates_in", p, i, trigger, "subjectless") for p in places if p.key != subject]


def _pairs(ann: Annotated) -> list[Candidate]:
    out: list[Candidate] = []
    for (a, b), (k1, k2) in ann.pairs.items():
        i = ann.sentence_at(a)
        sent = ann.sentences[i]
        for rx, rel in ((_PAIR_ALLY, "ally_of"), (_PAIR_OPPOSE, "opposes")):
            m = rx.match(ann.text, b, sent.end)
            if not m:
                continue
            s1 = Span(a, b, k1, ann.type_of(k1), "coref")
            s2 = Span(a, b, k2, ann.type_of(k2), "coref")
            out.append(Candidate(s1, rel, s2, i, (m.start("t"), m.end("t")), "pair-" + rel.split("_")[0]))
    return out


def distribute_pairs(ann: Annotated, cands: list[Candidate]) -> list[Candidate]:
    """A tie read with "the two groups" as subject or object holds for both groups."""
    if not ann.pairs:
        return cands
    out: list[Candidate] = []
    for c in cands:
        out.append(c)
        for side in ("subject", "object"):
            sp = getattr(c, side)
            pair = ann.pairs.get((sp.start, sp.end))
            if pair is None or c.rule.startswith("pair-"):
                continue
            other = Span(sp.start, sp.end, pair[1], ann.type_of(pair[1]), "coref")
            twin = replace(c, **{side: other})
            if twin.subject.key != twin.object.key:
                out.append(twin)
    return [c for c in out if c.subject.key != c.object.key]
