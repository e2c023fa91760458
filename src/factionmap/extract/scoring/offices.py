"""Candidate pairs of a head of state or government named by a bare title and the state the document
implies: "President P", "P, the new prime minister", "P became premier", in a sentence that names no
state. The text leaves the state to the reader; the candidates are the document's most-mentioned state
and the state named last before the person, each a candidate pair (`pairs.office_pairs`, `via` "office")
whose features say which of the two it is (`office_features`), so that the model weighs them: the
learner, not a rule, decides.

Not taken: "Vice President P", "deputy prime minister P", a title owned by a mention or a possessive right
before it ("Y president P", "Y's president P": the in-sentence pair reads those), "president of Y", an
emir (a group's title as often as a state's).
"""
from __future__ import annotations

import re
from collections import Counter

from ...model import EntityType
from ..state import Annotated, Span
from ..triggers import SHARED

_TITLE = r"(?:" + SHARED["TITLED"] + r")(?P<t>" + SHARED["HEAD"] + r")"
# the title right before the name (with a rank between: "President General P")
_BEFORE = re.compile(r"(?i)(?<![\w-])" + _TITLE + r"\s+" + SHARED["RANK"] + r"$")
# the title after the name: an aside (", the new president") or a verb ("became prime minister")
_AFTER = re.compile(r"(?i)^(?:\s*[,(]\s*(?:the\s+|a\s+)?|[^.;,«»]{0,30}?\b(?:became|becomes|was\s+(?:elected|"
                    r"appointed|named|sworn\s+in\s+as)|(?:elected|appointed|named)\s+as)\s+(?:the\s+)?)"
                    r"(?:(?:new|first|interim|acting|former|then)\s+)*" + _TITLE + r"(?!\s+(?:of|to)\b)")
# what may not stand right before a title taken as bare: a second-rank office, a possessive, an owner's name
_NOT_BARE = re.compile(r"(?i)(?:\b(?:vice|deputy|assistant|associate|sub)[\s-]*|['’]s?\s+)$")
_NOT_STATE = frozenset({"emir"})
_WINDOW = 80  # characters read on either side of the name


def title_at(ann: Annotated, span: Span) -> tuple[int, int] | None:
    """The offsets of the bare head-of-state title naming the person `span`, or None."""
    sent = ann.sentences[ann.sentence_at(span.start)]
    text = ann.text
    before = text[max(sent.start, span.start - _WINDOW):span.start]
    m = _BEFORE.search(before)
    if m:
        at = span.start - len(before)
        lead = text[max(sent.start, at + m.start() - 30):at + m.start()]
        if _NOT_BARE.search(lead) or _owned(ann, at + m.start()) or m.group("t").lower() in _NOT_STATE:
            return None
        return at + m.start("t"), at + m.end("t")
    after = text[span.end:min(sent.end, span.end + _WINDOW)]
    m = _AFTER.match(after)
    if m and m.group("t").lower() not in _NOT_STATE \
            and not any(span.end < s.start < span.end + m.end() for s in ann.spans_in(span.end, span.end + m.end())):
        return span.end + m.start("t"), span.end + m.end("t")
    return None


def _owned(ann: Annotated, at: int) -> bool:
    """Whether a mention ends right before offset `at` (a few characters between): "Y president P"."""
    return any(at - 4 <= s.end <= at for s in ann.spans_in(max(0, at - 4), at))


def _states(ann: Annotated) -> list[Span]:
    return [s for s in ann.spans if ann.is_state(s.key)]


def implied_states(ann: Annotated) -> list[tuple[Span, Span, int]]:
    """(state mention, person, sentence) for each person with a bare head-of-state title in a sentence
    naming no state: the document's most-mentioned state and the state named last before the person
    (its last mention before the person, else its first)."""
    states = _states(ann)
    if not states:
        return []
    main = Counter(s.key for s in states).most_common(1)[0][0]
    out: list[tuple[Span, Span, int]] = []
    for sp in ann.spans:
        if ann.type_of(sp.key) is not EntityType.PERSON or sp.source == "coref":
            continue
        i = ann.sentence_at(sp.start)
        if ann.sentences[i].kind not in ("text", "list") or title_at(ann, sp) is None:
            continue
        if any(ann.is_state(s.key) for s in ann.sentence_spans(i)):
            continue
        before = [s for s in states if s.end <= sp.start]
        for key in sorted({main, before[-1].key} if before else {main}):
            mention = next((s for s in reversed(before) if s.key == key), None) \
                or next(s for s in states if s.key == key)
            out.append((mention, sp, i))
    return out


def office_features(ann: Annotated, a: Span, b: Span) -> list[str]:
    """Which implied state a pair of `implied_states` holds: the document's most-mentioned ("main"), the
    one named last before the person ("near"), or both; and the title's word."""
    person, state = (a, b) if ann.type_of(a.key) is EntityType.PERSON else (b, a)
    states = _states(ann)
    counts = Counter(s.key for s in states)
    main = counts.most_common(1)[0][0] if counts else None
    before = [s for s in states if s.end <= person.start]
    near = before[-1].key if before else None
    which = ("main" if state.key == main else "") + ("near" if state.key == near else "")
    t = title_at(ann, person)
    word = " ".join(ann.text[t[0]:t[1]].lower().split()) if t else "-"
    return [f"OFC:{which or 'other'}", f"OFCT:{word}", f"OFCW:{which or 'other'}|{word}"]
