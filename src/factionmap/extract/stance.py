"""Stance: asserted, reported (hedged or attributed) or denied — and who says so.

Negation and denial are read in the words before the trigger within its clause ("not to be part of",
"denied being part of", "has no presence in", "rejected joining"). Hedges count only in the clause that
governs the trigger ("X reportedly pledged", "it is believed that X fought for Y", "suspected IS
gunmen"), not elsewhere in a long sentence; so do speech verbs with a complement ("X said that ...",
"X claimed ..."), a trailing attribution (", according to X", ", sources said") and quoted speech
(a trigger inside a “...” quotation, or in the numbered points after "X told me the following:").
A tie only planned, to come or conditional ("would be folded into", "will be merged into", "plans to
join", "intends to pledge") is reported.
Attribution: "according to X", the mention before "claimed"/"said", or whoever introduces the quote.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..lang import LanguagePack
from ..lang.lexicon import attribution_verbs, hedges, speech_verbs
from ..model import Stance
from .state import Annotated

_DENY_BEFORE = re.compile(
    r"(?i)\b(?:not|n['’]t|never|no\s+longer|neither|nor|deny|denies|denied|denying|reject(?:s|ed|ing)?|"
    r"refus(?:e|es|ed|ing)|dismiss(?:ed|es)?|rul(?:e|ed|ing)\s+out|no|without|false(?:ly)?|rather\s+than|"
    r"instead\s+of|lack(?:s|ed)?|absence\s+of|unwilling\s+to|declin(?:e|es|ed|ing)\s+to)\b[^.;:!?]{0,60}$"
)
_DENY_AFTER = re.compile(r"(?i)^[^.;!?]{0,40}\b(?:whatsoever|at\s+all)\b")
_CLAUSE = re.compile(r"(?i)[;:!?]|\b(?:but|however|although|though|while|whereas|yet)\b|,\s*(?:and|which|who)\b")
# where a hedge stops governing: clause breaks, brackets, subordinators
_HEDGE_CLAUSE = re.compile(
    r"(?i)[;:!?()\[\]]|\b(?:but|however|although|though|while|whereas|yet|because|unlike)\b|"
    r",\s*(?:and|which|who|whose|where|when|as)\b|\s[-–—]\s")
_ACCORDING = re.compile(r"(?i)\baccording\s+to\s+((?:the\s+)?[^,.;]{3,60}?)(?=[,.;]|\s+(?:that|who|which)\b|$)")


@dataclass(frozen=True)
class Lexicon:
    """The stance patterns made of one language pack's hedges and speech verbs."""

    hedge: re.Pattern[str]  # the pack's hedges
    speech_that: re.Pattern[str]  # a speech verb whose complement holds the trigger: "X said that ...", "X told reporters that ..."
    trailing: re.Pattern[str]  # an attribution after the tie: ", according to X", ", sources said", ", officials say"
    speaker_verb: re.Pattern[str]  # the verb after a speaker's name
    intro: re.Pattern[str]  # a line that introduces quoted points: "X told me the following:"


@functools.lru_cache(maxsize=8)
def lexicon(pack: LanguagePack) -> Lexicon:
    """The stance patterns of `pack` (the document's: `Annotated.pack`)."""
    return Lexicon(
        hedge=re.compile(r"(?i)\b" + hedges(pack) + r"\b"),
        speech_that=re.compile(r"(?i)\b" + speech_verbs("speech", listener=r"(?:\s+\w+){0,2}?", pack=pack) + r"\s+that\b"),
        trailing=re.compile(
            r"(?i)[^;:!?]{0,80}?,\s*(?:according\s+to\b|(?:(?:the|a|an|some|several|local|security|military)\s+)?"
            r"(?:[\w’'\-]+\s+){0,3}?" + attribution_verbs(pack) + r"\b)"),
        speaker_verb=re.compile(r"(?i)\b" + speech_verbs("speech", "announce", "deny", pack=pack) + r"\b"),
        intro=re.compile(r"(?i)\b(?:" + speech_verbs("speech", "announce", pack=pack) + r"|the\s+following|information|"
                         r"statement|interview|message|quote|put\s+it|announces?)\b[^.!?]*:\s*$"),
    )


# a refusal with its own object (or none) closed by "and" + another finite verb: the second verb is not refused
# ("X rejected the merger and renewed his pledge", "X refused and pledged", "X did not join A and pledged to B");
# "denied that ...", "denied having ...", "refused to join and pledge" keep their scope
_ENDS_REFUSAL = re.compile(
    r"(?i)^(?:refus(?:ed|es)|reject(?:ed|s)|declin(?:ed|es)|dismiss(?:ed|es)|den(?:ied|ies)|did\s+not|didn['’]t|"
    r"does\s+not|doesn['’]t)\b(?!\s+(?:that|having|being|to\s+\w+\s+(?:and|or)\b))[^.;:!?]*?(?:\band\s+(?:then\s+|instead\s+|"
    r"later\s+|also\s+|subsequently\s+|promptly\s+)?(?:\w+ed|swore|gave|took|became|went|fought|sought|made|left|"
    r"rejoined|broke|began)\b|\band\s+(?:then\s+|instead\s+|later\s+|also\s+|subsequently\s+|promptly\s+)?$)")


@dataclass
class StanceReading:
    stance: Stance
    attribution: str | None = None


_NOT_NEGATION = re.compile(r"(?i)\bnot\s+(?:only|just|least|merely|simply|in(?:correct|accurate)|wrong|untrue|"
                           r"false|surprising|unusual|uncommon|unlike)\b|\bno\s+(?:doubt|longer\s+only)\b|"
                           r"\bnot\s+to\s+mention\b")


def _clause_before(text: str, rx: re.Pattern = _CLAUSE) -> str:
    cut = 0
    for m in rx.finditer(text):
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
    lex = lexicon(ann.pack)
    who = attribution(ann, sent_start, sent_end, trig_start)
    clause = _NOT_NEGATION.sub(" ", clause)
    deny = _DENY_BEFORE.search(clause)
    if deny and _ENDS_REFUSAL.search(deny.group(0)):
        deny = None
    if not nominal and (deny or _DENY_AFTER.search(after)):
        return StanceReading(Stance.DENIED, who)
    if nominal:  # a title ("IS leader X"): only a hedge on the phrase itself ("the alleged IS leader X")
        a = min(trig_start, subject_start if subject_start is not None and subject_start >= sent_start else trig_start)
        near = _modifiers(text[sent_start:a]) + text[a:trig_end]
        if lex.hedge.search(near):
            return StanceReading(Stance.REPORTED, who)
    elif hedged(text, sent_start, sent_end, trig_start, trig_end, lex):
        return StanceReading(Stance.REPORTED, who)
    speech = quoted_speech(ann, trig_start)
    if speech is not None:
        return StanceReading(Stance.REPORTED, who or speech or None)
    return StanceReading(Stance.ASSERTED, None)


_STOP = {"in", "on", "of", "by", "to", "with", "for", "from", "at", "that", "which", "who", "the", "a", "an",
         "and", "or", "as", "is", "was", "are", "were", "into", "about", "via"}


def _modifiers(before: str) -> str:
    """The words right before a noun phrase that still modify it ("the alleged", "three suspected")."""
    words = before.rsplit(None, 3)  # (the last three words, as split() gives them, without splitting the rest)
    out: list[str] = []
    for w in reversed(words[-3:]):
        if w.lower().strip(",;:") in _STOP or re.search(r"[,;:.)]$", w):
            break
        out.insert(0, w)
    return " ".join(out) + " "


# a tie planned, future or conditional: "X would be folded into Y", "X will be merged into Y", "X plans to join Y"
_FUTURE = re.compile(
    r"(?i)\b(?:(?:would|will|shall)\s+(?:soon\s+|also\s+|eventually\s+|formally\s+|then\s+)?be|"
    r"(?:will|shall)(?:\s+soon|\s+also|\s+eventually)?|(?:plan|plans|planned|planning|intend|intends|intended|"
    r"intending|prepar(?:e|es|ed|ing)|aims?|aimed|aiming)\s+to(?:\s+be)?)\s+(?:\w+\s+)?$")


def hedged(text: str, sent_start: int, sent_end: int, trig_start: int, trig_end: int, lex: Lexicon) -> bool:
    """A hedge or a speech verb in the clause that governs the trigger, or an attribution after it; a tie
    only planned or to come ("would be folded into", "plans to join")."""
    window = _clause_before(text[sent_start:trig_start], _HEDGE_CLAUSE) + text[trig_start:trig_end]
    if lex.hedge.search(window) or lex.speech_that.search(window):
        return True
    if _FUTURE.search(text[max(sent_start, trig_start - 40):trig_start]):
        return True
    trailing = lex.trailing.match(text, trig_end, sent_end)
    return bool(trailing) and not _HEDGE_CLAUSE.search(text[trig_end:trailing.end()])


# quoted speech ---------------------------------------------------------------------------------------

_POINT = re.compile(r"\s*(?:\d{1,2}[.)]|[-*•])\s+")


@functools.lru_cache(maxsize=8)
def _speech_regions(text: str, pack: LanguagePack) -> tuple[tuple[int, int, int], ...]:
    """(start, end, intro_start) of quoted speech: “...” spans (30+ characters, across paragraphs too),
    "..." spans within a line, and the numbered or bulleted points after a line ending in a speech colon."""
    out: list[tuple[int, int, int]] = []
    pos = 0
    while True:
        a = text.find("“", pos)
        if a < 0:
            break
        b = text.find("”", a + 1)
        nxt = text.find("“", a + 1)
        if b < 0:
            break
        if nxt != -1 and nxt < b and "\n\n" not in text[a:nxt]:
            pos = nxt  # an unclosed quote inside a paragraph: start again at the next one
            continue
        if b - a >= 30:
            out.append((a, b, _intro_start(text, a)))
        pos = b + 1
    for m in re.finditer(r'"([^"\n]{30,})"', text):
        out.append((m.start(), m.end(), _intro_start(text, m.start())))
    intro = lexicon(pack).intro
    lines = list(re.finditer(r"[^\n]+", text))
    for i, ln in enumerate(lines):
        if not intro.search(ln.group()):
            continue
        j, end = i + 1, None
        while j < len(lines) and _POINT.match(lines[j].group()):
            end = lines[j].end()
            j += 1
        if end is not None:
            out.append((lines[i + 1].start(), end, ln.start()))
    return tuple(out)


def _intro_start(text: str, quote_start: int) -> int:
    """Where the sentence that introduces a quote begins (the quote's own line if it opens one)."""
    line = text.rfind("\n", 0, quote_start) + 1
    if text[line:quote_start].strip():
        return line
    prev = text.rfind("\n", 0, max(0, line - 1))
    while prev > 0 and not text[prev + 1:line].strip():
        prev = text.rfind("\n", 0, prev)
    return prev + 1


def quoted_speech(ann: Annotated, offset: int) -> str | None:
    """None when `offset` is not inside quoted speech; else the speaker's name, or "" when unknown."""
    for a, b, intro in _speech_regions(ann.text, ann.pack):
        if a < offset < b:
            return _speaker(ann, intro, a)
    return None


def _speaker(ann: Annotated, start: int, end: int) -> str:
    text = ann.text
    if end - start > 600:
        start = end - 600
    m = _ACCORDING.search(text, start, end)
    if m:
        return m.group(1).strip()
    verbs = list(lexicon(ann.pack).speaker_verb.finditer(text, start, end))
    for v in reversed(verbs):
        spans = [s for s in ann.spans_in(start, v.start()) if ann.type_of(s.key).value != "PLACE"]
        if spans and v.start() - spans[-1].end <= 60:
            return ann.entities[spans[-1].key].name
    spans = [s for s in ann.spans_in(start, end) if ann.type_of(s.key).value != "PLACE"]
    m = re.search(r"(?i)\bfrom\s+$", text[max(start, spans[0].start - 8):spans[0].start]) if spans else None
    if m or (spans and re.match(r"(?i)\s*statement\s+from\s", text[start:spans[0].start])):
        return ann.entities[spans[0].key].name
    return ""


def attribution(ann: Annotated, sent_start: int, sent_end: int, trig_start: int) -> str | None:
    """Who the sentence says is speaking: "according to X", or the mention before "claimed"/"said"."""
    according, verbs = _speech_marks(ann, sent_start, sent_end)
    if according is not None:
        return according
    for v in verbs:
        if sent_start + v > trig_start:
            break
        spans = [s for s in ann.spans_in(sent_start, sent_start + v)]
        if spans:
            last = spans[-1]
            if sent_start + v - last.end <= 40:
                return ann.entities[last.key].name
    return None


def _speech_marks(ann: Annotated, sent_start: int, sent_end: int) -> tuple[str | None, list[int]]:
    """The sentence's "according to X" (X, or None) and where its speaker verbs start (in the sentence),
    read once per sentence: every tie the sentence states asks."""
    cache = ann.__dict__.setdefault("_speech_marks", {})
    got = cache.get((sent_start, sent_end))
    if got is None:
        sentence = ann.text[sent_start:sent_end]
        m = _ACCORDING.search(sentence)
        verbs = [] if m else [v.start() for v in lexicon(ann.pack).speaker_verb.finditer(sentence)]
        got = cache[(sent_start, sent_end)] = (m.group(1).strip() if m else None, verbs)
    return got
