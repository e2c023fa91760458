"""Denials that the sentence frames do not see on their own.

- A denial of an earlier claim ("This claim was denied by X", "The statement was later dismissed",
  "X denied the report", "the group rejected these reports", "the group denied this", "X rejected it
  outright") denies the ties of the sentence that made
  the claim: the nearest earlier sentence with ties, or the whole quoted statement when the claim was
  one. The claim keeps its own stance; the denial is a second assertion whose evidence is the denying
  sentence.
- An author's verdict on earlier reports: "Are these reports credible? In a word: no." (a question on
  the claims' truth answered no, in the same or the next sentence) denies the ties of those reports.
- Absence: "there is no X presence in/at P", "P ... there is no X presence", "X is not (even) in
  (the vicinity of) P" deny that X operates in P.
- A negation closing a list of designators denies each one's designation, also when the verb is left
  out: "X is listed by A and B, whereas C, D and E do not", "C, D and E are among the states that do not
  regard it so" (`negated_designator`, applied by `assemble` to every designated_by candidate).
"""
from __future__ import annotations

import re

from ..stance import _speech_regions
from ..state import Annotated
from .discourse import Spanning
from .lexical import Candidate
from .mask import MARK, mask

_CLAIM = r"(?:claims?|reports?|statements?|allegations?|assertions?|accounts?|announcements?|stor(?:y|ies)|rumou?rs?|" \
         r"reporting|pledges?)"
_DENIED = r"(?:denied|dismissed|rejected|refuted|disputed|debunked|disavowed|contradicted|repudiated)"
# "as" after a denial verb only when what follows calls the claim false ("dismissed the reports as baseless"),
# not when it characterises something else ("rejected those as partial steps")
_AS_FALSE = r"as\s+(?:\w+\s+){0,2}?(?:false|untrue|baseless|unfounded|fabricat\w*|lies?|propaganda|groundless|" \
            r"incorrect|inaccurate|fake|nonsense|rumou?rs?|slander\w*)\b"
_DENIAL_OF_NAMED_CLAIM = re.compile(
    rf"(?i)\b(?:this|that|the|these|those|such|its|their|his|her)\s+(?:\w+\s+){{0,2}}?{_CLAIM}"
    rf"(?:['’]s?\s+(?:veracity|accuracy|authenticity))?\s*,?\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are)"
    rf"\s*,?\s+(?:\w+\s*,?\s+){{0,3}}?{_DENIED}\b"
    rf"|\b(?:deny|denies|denied|denying|dismiss(?:es|ed)?|reject(?:s|ed)?|refut(?:es|ed)|disavow(?:s|ed)?)\s+"
    rf"(?:the|these|those|this|that|such|its|their)\s+(?:\w+\s+){{0,2}}?{_CLAIM}\s*(?:[.,;]|$|{_AS_FALSE}|"
    rf"\s+(?:in|on|the|within|after|shortly|later|outright|days?|hours?))")
# "denied this", "rejected it outright": the claim is the sentence right before, or the clause before "but" in
# the same sentence ("It was said that ..., but officials denied this") -- never a tie further back
_DENIAL_OF_IT = re.compile(
    rf"(?i)\b(?:denied|denies|rejected|rejects|dismissed|dismisses|refuted|refutes|disputed|disputes)\s+(?:this|that|it|"
    rf"these|those|them)\s*(?:[.,;]|$|{_AS_FALSE}|\s+(?:in|on|outright|shortly|later|days?|hours?|"
    rf"the\s+(?:same|next|following)|through|via|within)\b)")
_CLAUSE_BEFORE = re.compile(r"(?i)\w+(?:\W+\w+){3,}\W*(?:,|;)?\s+(?:but|however|yet|although|though|while)\b")

_CREDIBLE_QUESTION = re.compile(
    rf"(?i)\b(?:are|is|were|was)\s+(?:these|those|the|such|this|that|any\s+of\s+(?:these|the))\s+(?:\w+\s+){{0,2}}?"
    rf"{_CLAIM}\s+(?:at\s+all\s+)?(?:credible|true|accurate|reliable|correct|believable|plausible|well[- ]founded)\s*\?")
_ANSWER_NO = re.compile(r"(?i)\W*(?:(?:in\s+(?:a|one)\s+word|simply\s+put|in\s+short|briefly)\s*[:,-]?\s*)?"
                        r"(?P<no>no|not\s+at\s+all|not\s+really|hardly|unlikely)\b")
_NOT_CARRIED = {"leader_of", "member_of"}  # titles are background, not what a claim is about
_STATEMENT_TIES = {"allegiance_to", "part_of", "merged_into", "ally_of", "defected_to", "split_from"}
_BACK = 6  # sentences to look back for the claim


def carried_denials(ann: Annotated, cands: list[Candidate]) -> list[Candidate]:
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.stance != "denied" and not c.nominal and c.relation not in _NOT_CARRIED:
            by_sentence.setdefault(c.sentence, []).append(c)
    out: list[Candidate] = []
    regions = _speech_regions(ann.text, ann.pack)
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list"):
            continue
        m = _DENIAL_OF_NAMED_CLAIM.search(ann.text, s.start, s.end)
        if m:
            claimed = _claimed(ann, i, by_sentence, regions)
        else:
            m = _DENIAL_OF_IT.search(ann.text, s.start, s.end)
            claimed = _claimed_just_before(ann, i, m.start(), by_sentence, regions) if m else []
        if m:
            trigger = (m.start(), m.end())
            for c in claimed:
                out.append(Candidate(c.subject, c.relation, c.object, i, trigger, "denial-of-claim", "denied"))
        out.extend(_verdicts(ann, i, by_sentence, regions))
    out.extend(absences(ann))
    return out


def _verdicts(ann: Annotated, i: int, by_sentence, regions) -> list[Candidate]:
    """ "Are these reports credible? No." in sentence i (the answer there or in the next sentence)."""
    s = ann.sentences[i]
    q = _CREDIBLE_QUESTION.search(ann.text, s.start, s.end)
    if not q:
        return []
    answer = _ANSWER_NO.match(ann.text, q.end(), s.end)
    at, first = i, None
    if answer is None and i + 1 < len(ann.sentences) and not ann.text[q.end():s.end].strip():
        nxt = ann.sentences[i + 1]
        answer = _ANSWER_NO.match(ann.text, nxt.start, nxt.end)
        at, first = i + 1, i
    if answer is None:
        return []
    trigger = (q.start(), answer.end("no"))
    return [Spanning(c.subject, c.relation, c.object, at, trigger, "verdict-on-claim", "denied", False, first)
            for c in _claimed(ann, i, by_sentence, regions) if c.stance == "reported" or c.stance is None]


def _claimed_just_before(ann: Annotated, i: int, at: int, by_sentence: dict[int, list[Candidate]],
                         regions) -> list[Candidate]:
    """The ties "this" / "it" points to in a denial at offset `at` of sentence `i`: those of the clause before
    "but" in the same sentence when there is one (none if it states no tie), else those of the sentence before."""
    if _CLAUSE_BEFORE.search(ann.text, ann.sentences[i].start, at):
        return [c for c in by_sentence.get(i, []) if c.trigger[0] < at]
    return _claimed(ann, i, by_sentence, regions, back=1)


def _claimed(ann: Annotated, i: int, by_sentence: dict[int, list[Candidate]], regions,
             back: int = _BACK) -> list[Candidate]:
    """The ties of the claim that sentence `i` denies, looking back at most `back` sentences."""
    for j in range(i - 1, max(-1, i - 1 - back), -1):
        sj = ann.sentences[j]
        if sj.kind == "refs":
            break
        region = next(((a, b, intro) for a, b, intro in regions if a <= sj.start < b), None)
        if region is not None:  # the claim is a quoted statement: all of it, and the words that introduce it
            a, b, intro = region
            # the quote, and the one sentence that introduces it (not the whole paragraph before it)
            found = [c for k, cs in by_sentence.items() if intro <= ann.sentences[k].start < b
                     and (ann.sentences[k].start >= a or not ann.text[ann.sentences[k].end:a].strip())
                     for c in cs if c.relation in _STATEMENT_TIES]
            if found:
                return found
            continue
        if by_sentence.get(j):
            return by_sentence[j]
    return []


# absence -------------------------------------------------------------------------------------------------

_NO_PRESENCE = re.compile(
    r"(?i)\b(?P<t>no\s+(?:\w+\s+)?(?P<g>«G\d+»)\s+(?:\w+\s+)?(?:presence|fighters|forces|activity|"
    r"operations|cells|positions))\s+(?:\w+\s+){0,3}?(?:in|at|inside|within|near|around)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|area|province|region)\s+of\s+)?(?P<p>«[LS]\d+»)")
_PLACES_THEN_NONE = re.compile(
    r"(?i)(?P<p>«[LS]\d+»(?:\s*(?:,|and|or)\s*(?:the\s+)?(?:[\w\-]+\s+){0,2}?«[LS]\d+»)*)[^«».;]{0,40}?"
    r"\b(?P<t>there\s+(?:is|are|was|were)\s+no\s+(?P<g>«G\d+»)\s+(?:presence|fighters|forces|activity|cells))")
_NOT_IN = re.compile(
    r"(?i)(?P<g>«G\d+»)\s+(?P<t>(?:is|are|was|were|has\s+been|have\s+been)\s+(?:still\s+|now\s+|currently\s+)?"
    r"(?:not|no\s+longer|nowhere)\s+(?:even\s+)?(?:present\s+|active\s+|based\s+|operating\s+)?"
    r"(?:in|inside|within|near)\s+(?:the\s+(?:vicinity|area|outskirts)\s+of\s+)?)(?:the\s+)?(?P<p>«[LS]\d+»)")


def absences(ann: Annotated) -> list[Candidate]:
    out: list[Candidate] = []
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list") or not re.search(r"(?i)\bno\b|\bnot\b|\bnowhere\b", ann.text[s.start:s.end]):
            continue
        spans = ann.sentence_spans(i)
        if len(spans) < 2:
            continue
        m = mask(ann, s.start, s.end, spans)
        for rx in (_NO_PRESENCE, _PLACES_THEN_NONE, _NOT_IN):
            for hit in rx.finditer(m.text):
                g = m.spans[int(MARK.match(hit.group("g")).group(2))]
                trigger = m.doc_span(hit.start("t"), hit.end("t"))
                for pm in MARK.finditer(hit.group("p")):
                    if pm.group(1) not in "LS":
                        continue
                    p = m.spans[int(pm.group(2))]
                    if p.key != g.key:
                        out.append(Candidate(g, "operates_in", p, i, trigger, "absence", "denied"))
    return out


# a negation after a list of designators --------------------------------------------------------------------

# the rest of a list after one name ("(since 2010) B, and the government of C"), then a negation that closes
# it ("do not", "have never", "are among the countries that do not"); "do not only" is no negation
_REST_THEN_NOT = re.compile(
    r"(?i)(?:\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:\([^()«»]{0,40}\)\s*)?(?:the\s+)?"
    r"(?:governments?\s+of\s+(?:the\s+)?)?«[GSL]\d+»)*"
    r"\s*,?\s*(?:(?:are|were|is|was)\s+(?:among\s+)?(?:the\s+)?(?:\w+\s+){0,2}?(?:that|who|which)\s+)?"
    r"(?:do|does|did|have|has|had)(?:\s+not|n['’]t|\s+never)\b(?!\s+(?:only|just|merely)\b)")


def negated_designator(ann: Annotated, c: Candidate) -> bool:
    """Whether a designated_by candidate's designator stands in a list that a negation closes ("whereas
    the governments of A, B and C do not"), the group itself outside that list."""
    if c.relation != "designated_by":
        return False
    i = ann.sentence_at(c.object.start)
    s = ann.sentences[i]
    spans = ann.sentence_spans(i)
    if len(spans) < 2 or not re.search(r"(?i)\bnot\b|n['’]t\b|\bnever\b", ann.text[c.object.end:s.end]):
        return False
    m = mask(ann, s.start, s.end, spans)
    at = next((k for k, sp in enumerate(m.spans) if (sp.start, sp.end, sp.key) ==
               (c.object.start, c.object.end, c.object.key)), None)
    marker = re.search(rf"«\w{at}»", m.text) if at is not None else None
    if marker is None:
        return False
    hit = _REST_THEN_NOT.match(m.text, marker.end())
    if hit is None:
        return False
    inside = {int(x) for x in re.findall(r"«\w(\d+)»", m.text[marker.end():hit.end()])}
    return not any(m.spans[k].key == c.subject.key for k in inside)
