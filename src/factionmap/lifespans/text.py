"""Lifespans from sentences: "Hamas was founded in 1987", "ETA announced its dissolution", "the group
renamed itself Jabhat Fateh al-Sham", "active between 1983 and 1987".

For each trigger (patterns.TRIGGERS) the group is found among the extraction's ORG mentions (coreference
included) where the trigger's voice says it stands, and the date is the one the sentence ties to the
trigger: right after it ("founded in 1987"), else just before it, else at the head of the sentence
("In 1968, the Khmer Rouge was officially formed"), else further on in the sentence.
"""
from __future__ import annotations

import re
from typing import Iterator

from ..model import LifespanEvent, LifespanKind, Mention
from . import patterns as p
from .context import DocContext, sentences
from .dates import end_of

_QUICK = re.compile(r"(?i)found|form|establish|creat|set up|launch|proclaim|organi[sz]|inaugurat|emerg|came into|"
                    r"born|dissol|disband|demise|ceased|stopped|defunct|cessation|renam|re-nam|name|rebrand|active")
_PARENS = re.compile(r"\([^()]*\)")
_FILLER = re.compile(r"^[\s\"“‘']*(?:(?:the|a|an|its|their|his|her|new|newly|so-called|later|new\s+\w+|[\w-]+\s+(?:group|"
                     r"party|movement|council|front|organi[sz]ation|coalition|body|unit|wing|force|formation|bloc|room|"
                     r"brigade|battalion|militia|society)(?:\s+(?:known\s+as|called|named))?|known\s+as|called|named)"
                     r"[\s\"“‘']+)*$", re.I)
_QUOTED = re.compile(r"^[\s]*(?:the\s+)?[\"“‘']([^\"”’']{3,80})[\"”’']")
_SEP = re.compile(r"[.;:]")
_GAP_MAX = 110


def read_text(ctx: DocContext) -> Iterator[LifespanEvent]:
    text = ctx.text
    for s, e in sentences(text):
        sentence = text[s:e]
        if not _QUICK.search(sentence) or p.HEADER_LINE.match(sentence):
            continue
        for trig in p.TRIGGERS:
            for m in trig.pattern.finditer(sentence):
                yield from _events(ctx, trig, s, e, s + m.start(), s + m.end())


def _events(ctx: DocContext, trig: p.Trigger, s: int, e: int, a: int, b: int) -> Iterator[LifespanEvent]:
    text = ctx.text
    if p.NEGATED.search(text[max(s, a - 40):a]) or p.NOT_AN_EVENT.search(text[max(s, a - 12):a]):
        return
    mention = _entity(ctx, trig, s, e, a, b)
    if mention is None:
        return
    new_name, new_key, new_end = None, None, None
    if trig.kind == LifespanKind.RENAMED:
        found = _new_name(ctx, max(b, mention.end), e)
        if found is None:
            return
        new_name, new_key, new_end = found
    skip = (mention.start, mention.end)
    ev = ctx.evidence(s, e, trig.name, text[a:b])
    if trig.name in ("active", "active-until"):
        yield from _active(ctx, trig, mention.entity_key, s, e, b, ev)
        return
    date = _date(ctx, s, e, a, max(b, new_end or b), skip)
    if date is None:
        return
    yield LifespanEvent(mention.entity_key, trig.kind, date.date, ev, new_name, new_key)


def _active(ctx, trig, key, s, e, b, ev) -> Iterator[LifespanEvent]:
    near = [d for d in ctx.dates_in(b - 12, min(e, b + 45))]
    if not near:
        return
    first = near[0]
    if trig.name == "active-until":
        yield LifespanEvent(key, LifespanKind.LAST_ACTIVE, first.date, ev)
        return
    yield LifespanEvent(key, LifespanKind.FIRST_ACTIVE, first.date, ev)
    until = end_of(first)
    if until is None and len(near) > 1:
        joint = ctx.text[first.end:near[1].start]
        if re.fullmatch(r"\s*(?:and|to|until|till|-|–|—|through)\s*(?:the\s+)?", joint):
            until = near[1].date
    if until is not None:
        yield LifespanEvent(key, LifespanKind.LAST_ACTIVE, until, ev)


# -- the group -----------------------------------------------------------------------------------

def _is_subject(ctx: DocContext, m: Mention, s: int) -> bool:
    """Not a possessor ("Hamas's wing") nor a modifier ("Hamas-led"), nor after a preposition ("of Hamas")."""
    text = ctx.text
    if p.MODIFIER_AFTER.match(text[m.end:m.end + 12]):
        return False
    return not p.PREPOSITION_BEFORE.search(text[max(s, m.start - 25):m.start])


def _gap_ok(gap: str) -> bool:
    gap = p.RELATIVE.sub(",", _PARENS.sub("", gap))
    if len(gap) > _GAP_MAX or _SEP.search(gap):
        return False
    if re.search(r"\b(?:that|which|who)\b", gap) and not re.match(r"^[\s,]*(?:that|which|who)\b", gap):
        return False  # a relative clause about another noun ("movements that had emerged")
    if not gap.strip(" ,\"”’'"):
        return True
    if p.GROUP_NOUNS.search(gap) or p.AUX_END.search(gap):
        return True
    return bool(re.match(r"^\s*,", gap) and re.search(r",\s*$", gap) and p.GROUP_NOUNS.pattern and
                re.search(p.GROUP_NOUNS.pattern.rstrip("$"), gap))


def _before(ctx: DocContext, s: int, a: int) -> Mention | None:
    for m in sorted(ctx.orgs_in(s, a), key=lambda m: -m.end):
        if not _is_subject(ctx, m, s):
            continue
        return m if _gap_ok(ctx.text[m.end:a]) else None
    return None


def _after(ctx: DocContext, b: int, e: int, *, strict: bool = False) -> Mention | None:
    for m in ctx.orgs_in(b, min(e, b + 70)):
        gap = ctx.text[b:m.start]
        if strict and gap.strip(" \"“‘'").lower() not in ("", "the"):
            return None
        if not _FILLER.match(gap) or _SEP.search(gap):
            return None
        if p.MODIFIER_AFTER.match(ctx.text[m.end:m.end + 12]) and ctx.text[m.end:m.end + 2] not in ("'s", "’s"):
            return None
        return m
    return None


def _entity(ctx: DocContext, trig: p.Trigger, s: int, e: int, a: int, b: int) -> Mention | None:
    text = ctx.text
    if trig.voice == "before":
        return _before(ctx, s, a)
    if trig.voice == "inner":
        return next(iter(ctx.orgs_in(a, b)), None) or _before(ctx, s, a)
    if trig.voice == "after":
        return _after(ctx, b, e)
    if trig.voice == "possessor":
        for m in ctx.orgs_in(max(s, a - 80), min(e, a + 6)):
            if m.end == a or (m.start >= a and m.end <= a + 6):  # "X's founding", "its founding"
                return m
        return None
    if trig.voice == "fronted":
        comma = text.find(",", b, e)
        if comma < 0:
            return None
        return next(iter(ctx.orgs_in(comma, min(e, comma + 40))), None)
    # either: "the disbanded X", "X disbanded", "Y renamed the group Z", "the group renamed itself Z"
    if text[max(s, a - 4):a].lower().endswith("the "):
        return _after(ctx, b, e, strict=True)
    if trig.kind == LifespanKind.RENAMED and re.match(r"\s+itself\b", text[b:b + 8]) is None:
        m = _before(ctx, s, a)
        if m is not None and (re.search(r"\b(?:was|were|been|is|being|that|which)\s+$", text[m.end:a]) or
                              not text[m.end:a].strip()):
            return m
        return _after(ctx, b, e, strict=True)
    return _before(ctx, s, a)


def _new_name(ctx: DocContext, b: int, e: int) -> tuple[str, str | None, int] | None:
    """The name a group took: an ORG mention or a quoted name right after the trigger."""
    text = ctx.text
    rest = text[b:e]
    lead = re.match(r"\s*(?:itself\s+|to\s+|as\s+|the\s+name\s+)*", rest).end()
    quoted = _QUOTED.match(rest[lead:])
    m = _after(ctx, b + lead, e, strict=True)
    if m is not None and (quoted is None or m.start <= b + lead + quoted.start(1)):
        return text[m.start:m.end], m.entity_key, m.end
    if quoted:
        return quoted.group(1).strip(), None, b + lead + quoted.end()
    return None


# -- the date ------------------------------------------------------------------------------------

def _date(ctx: DocContext, s: int, e: int, a: int, b: int, skip: tuple[int, int]):
    found = [d for d in ctx.dates_in(s, e) if not (d.start < skip[1] and skip[0] < d.end)]
    after = [d for d in found if b <= d.start <= b + 60]
    if after:
        return after[0]
    before = [d for d in found if a - 90 <= d.end <= a and not p.CLAUSE.search(ctx.text[d.end:a])]
    if before:
        return before[-1]
    head = [d for d in found if d.start - s <= 30 and d.end <= a and not re.search(r"\b(?:who|which)\b", ctx.text[d.end:a])]
    if head:
        return head[0]
    further = [d for d in found if b <= d.start <= b + 140 and not p.OTHER_VERB.search(ctx.text[b:d.start])]
    return further[0] if further else None
