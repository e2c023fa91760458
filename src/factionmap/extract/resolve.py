"""Stage `resolve`: what the document is about, and the words that point back at an entity.

- the subject: the entity named by the title (or the first heading / infobox title line), when the
  title is that name (optionally followed by ":" and a subtitle);
- "the group", "the organization", "this group" -> the subject of an encyclopedia-style page, else
  the group named last; "the province" -> the last province named (or the subject);
- "the Emirate", "the Front" ... -> the last entity whose name ends with that word;
- "it", "its" -> the group that is the subject of the sentence, else of the sentence before;
- "he", "his" -> the person named last; "the latter" / "the former" -> the second / first of the
  last two names of a kind.
"""
from __future__ import annotations

import re

from ..model import EntityType
from .state import Annotated, Span

_GROUP_NP = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:militant|jihadi|jihadist|rebel|armed|terrorist|"
                       r"extremist|local|new|same)\s+)?(?:group|organi[sz]ation|movement|faction)\b(?!\s*[’']s\s+\w+\s+of)")
_PROVINCE_NP = re.compile(r"\b[Tt]he\s+(?:province|wilayah?|vilayat)\b")
_HEAD_NP = re.compile(r"\b[Tt]he\s+(Emirate|Front|Movement|Brigades?|Army|Coalition|Party|Caliphate|Units)\b")
_IT = re.compile(r"\b(?:[Ii]ts|[Ii]t)\b(?!\s+(?:is|was|has\s+been|would|seems|appears|remains)\s+(?:not\s+)?"
                 r"(?:\w+\s+)?(?:that|to|likely|unclear|clear|possible|important|notable|interesting|worth|true|"
                 r"difficult|hard|easy|also|an?\s))")
_HE = re.compile(r"\b(?:[Hh]e|[Hh]is)\b")
_LATTER = re.compile(r"\b[Tt]he\s+(latter|former)\b")
_PROVINCE_NAME = re.compile(r"(?i)province|wilaya|vilayat|velayat")


def find_subject(ann: Annotated) -> str | None:
    """The entity the document is about, when its title (or first heading) is that entity's name."""
    text = ann.text
    lines = []
    if ann.doc.title:
        a = text.find(ann.doc.title)
        if a >= 0:
            lines.append((a, a + len(ann.doc.title)))
    for s in ann.sentences[:12]:
        if s.kind in ("heading", "infobox"):
            lines.append((s.start, s.end))
    for a, b in lines:
        spans = [s for s in ann.spans_in(a, b) if s.type is EntityType.ORG]
        if not spans:
            continue
        first = spans[0]
        head = text[a:first.start].strip(" =#|\u2022-").lower()
        tail = text[first.end:b].strip(" =#|")
        if head in ("", "the") and (tail == "" or tail.startswith(":") or tail.startswith("|")):
            return first.key
    return _lede_subject(ann)


_LEDE = re.compile(r"^\s*(?:\([^()]*\)\s*|,[^,]*,\s*)?(?:is|was|are|were)\s+(?:an?|the|one)\b")


def _lede_subject(ann: Annotated) -> str | None:
    """An encyclopedia page's first sentence names its subject first: "X (X-1, Arabic: ...) is a ..."."""
    text = ann.text
    for s in ann.sentences:
        if s.kind != "text":
            continue
        spans = [sp for sp in ann.spans_in(s.start, s.end) if sp.type is EntityType.ORG]
        if not spans or text[s.start:spans[0].start].strip().lower() not in ("", "the"):
            continue
        first = spans[0]
        rest = text[first.end:s.end]
        if rest.startswith(" ("):
            depth, k = 0, 0
            for k, ch in enumerate(rest):
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0 and ch == ")":
                    break
            rest = rest[k + 1:]
        if _LEDE.match(rest):
            return first.key
    return None


def _last(ann: Annotated, before: int, pred, window: int = 1500) -> Span | None:
    for s in reversed(ann.spans_in(max(0, before - window), before)):
        if s.end <= before and s.source != "coref" and pred(s):
            return s
    return None


def _group(ann: Annotated, s: Span) -> bool:
    return s.type is EntityType.ORG and not ann.is_state(s.key)


def resolve(ann: Annotated) -> Annotated:
    ann.subject = ann.subject or find_subject(ann)
    encyclopedic = ann.subject is not None and bool(ann.infobox)
    text = ann.text
    for si, sent in enumerate(ann.sentences):
        if sent.kind not in ("text", "list"):
            continue
        body = text[sent.start:sent.end]
        for m in _GROUP_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            target = ann.subject if encyclopedic else None
            if target is None:
                last = _last(ann, a, lambda s: _group(ann, s))
                target = last.key if last else ann.subject
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _PROVINCE_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            last = _last(ann, a, lambda s: bool(_PROVINCE_NAME.search(ann.entities[s.key].name)))
            target = last.key if last else (ann.subject if encyclopedic else None)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _HEAD_NP.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            word = m.group(1).lower()
            last = _last(ann, a, lambda s: ann.entities[s.key].name.lower().endswith(word), window=4000)
            if last:
                ann.add_span(Span(a, b, last.key, last.type, "coref"))
        for m in _IT.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            target = _sentence_subject(ann, si, a)
            if target:
                ann.add_span(Span(a, b, target, ann.type_of(target), "coref"))
        for m in _HE.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            last = _last(ann, a, lambda s: s.type is EntityType.PERSON, window=400)
            if last:
                ann.add_span(Span(a, b, last.key, last.type, "coref"))
        for m in _LATTER.finditer(body):
            a, b = sent.start + m.start(), sent.start + m.end()
            prev = [s for s in ann.spans_in(max(0, a - 300), a) if s.source != "coref" and s.type is not EntityType.PLACE]
            if len(prev) >= 2:
                pick = prev[-1] if m.group(1) == "latter" else prev[-2]
                ann.add_span(Span(a, b, pick.key, pick.type, "coref"))
    return ann


def _sentence_subject(ann: Annotated, si: int, before: int) -> str | None:
    """The group a pronoun at `before` most likely means: the first group of its sentence, else the
    first group of the sentence before, else the document's subject."""
    sent = ann.sentences[si]
    here = [s for s in ann.spans_in(sent.start, before) if _group(ann, s)]
    if here:
        return here[-1].key
    for j in range(si - 1, max(-1, si - 3), -1):
        prev = [s for s in ann.sentence_spans(j) if _group(ann, s)]
        if prev:
            return prev[0].key
    return ann.subject
