"""Stage `stance`: asserted, reported (hedged or attributed) or denied — and who says so.

Negation and denial are read in the words before the trigger within its clause ("not to be part of",
"denied being part of", "has no presence in", "rejected joining"); hedges anywhere in the sentence
("reportedly", "allegedly", "suspected", "claimed"); attribution from "according to X", "X claimed",
"X said", "a statement in X's name".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Stance
from .state import Annotated

_DENY_BEFORE = re.compile(
    r"(?i)\b(?:not|n['’]t|never|no\s+longer|neither|nor|deny|denies|denied|denying|reject(?:s|ed|ing)?|"
    r"refus(?:e|es|ed|ing)|dismiss(?:ed|es)?|rul(?:e|ed|ing)\s+out|no|without|false(?:ly)?|rather\s+than|"
    r"instead\s+of|lack(?:s|ed)?|absence\s+of)\b[^.;:!?]{0,60}$"
)
_DENY_AFTER = re.compile(r"(?i)^[^.;!?]{0,40}\b(?:whatsoever|at\s+all)\b")
_CLAUSE = re.compile(r"(?i)[;:!?]|\b(?:but|however|although|though|while|whereas|yet)\b|,\s*(?:and|which|who)\b")
_HEDGE = re.compile(
    r"(?i)\b(?:reportedly|allegedly|alleged|purportedly|purported|suspected|apparently|supposedly|believed|"
    r"thought\s+to|said\s+to|claim(?:s|ed|ing)?|according\s+to|reports?|reported|rumou?r(?:s|ed)?|"
    r"speculat\w+|allegations?|unconfirmed|may\s+have|might\s+have|appears?\s+to|appeared\s+to|"
    r"seems?\s+to|likely|possibly|probably|asserted|touted|named\s+as|announced)\b"
)
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+((?:the\s+)?[^,.;]{3,60}?)(?=[,.;]|\s+(?:that|who|which)\b|$)")
_SPEAKER_VERB = re.compile(r"(?i)\b(?:claimed|claims|said|says|stated|states|announced|asserted|alleged|"
                           r"reported|insisted|denied|denies|told|wrote|confirmed)\b")


@dataclass
class StanceReading:
    stance: Stance
    attribution: str | None = None


_NOT_NEGATION = re.compile(r"(?i)\bnot\s+(?:only|just|least|merely|simply|in(?:correct|accurate)|wrong|untrue|"
                           r"false|surprising|unusual|uncommon|unlike)\b|\bno\s+(?:doubt|longer\s+only)\b")


def _clause_before(text: str) -> str:
    cut = 0
    for m in _CLAUSE.finditer(text):
        cut = m.end()
    return text[cut:]


def read_stance(ann: Annotated, sent_start: int, sent_end: int, trig_start: int, trig_end: int,
                subject_start: int | None = None, nominal: bool = False) -> StanceReading:
    text = ann.text
    before = text[sent_start:trig_start]
    clause = _clause_before(before)
    if subject_start is not None and sent_start <= subject_start < trig_start:
        clause = clause[-(trig_start - subject_start) - 40:] if len(clause) > trig_start - subject_start + 40 \
            else clause
    after = text[trig_end:sent_end]
    sentence = text[sent_start:sent_end]
    who = attribution(ann, sent_start, sent_end, trig_start)
    clause = _NOT_NEGATION.sub(" ", clause)
    if not nominal and (_DENY_BEFORE.search(clause) or _DENY_AFTER.search(after)):
        return StanceReading(Stance.DENIED, who)
    if _HEDGE.search(sentence):
        return StanceReading(Stance.REPORTED, who)
    return StanceReading(Stance.ASSERTED, None)


def attribution(ann: Annotated, sent_start: int, sent_end: int, trig_start: int) -> str | None:
    """Who the sentence says is speaking: "according to X", or the mention before "claimed"/"said"."""
    text = ann.text
    sentence = text[sent_start:sent_end]
    m = _ACCORDING.search(sentence)
    if m:
        return m.group(1).strip()
    for v in _SPEAKER_VERB.finditer(sentence):
        if sent_start + v.start() > trig_start:
            break
        spans = [s for s in ann.spans_in(sent_start, sent_start + v.start())]
        if spans:
            last = spans[-1]
            if sent_start + v.start() - last.end <= 40:
                return ann.entities[last.key].name
    return None
