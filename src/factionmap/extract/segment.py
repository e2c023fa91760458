"""Stage `segment`: paragraphs, headings, infobox-style lines, list items and sentences.

Sentences are found by a rule splitter (cheap, offsets exact); the parser runs later, and only on the
sentences that may hold a tie. Infobox lines are read both from `Document.infobox` (filled by the
readers) and from the text: ``Allegiance | Islamic State |`` tables and ``- Leaders: X`` lists.
"""
from __future__ import annotations

import re

from ..model import InfoboxField
from ..ingest.header import is_note_line
from .state import Annotated, Sentence

_LINE = re.compile(r"[^\n]+")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Jr|Sr|Prof|No|vs|etc|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|(?:[A-Z]\.){2,})$"
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_TABLE = re.compile(r"^\s*([A-Z][^|\n]{0,60}?)\s*\|\s*([^|\n]*?)\s*\|\s*$")
_FIELD = re.compile(r"^\s*[-*•]?\s*([A-Z][A-Za-z ()/]{1,40}?)\s*:\s+(\S.*?)\s*$")
_HEADING = re.compile(r"^\s*(=+)\s*(.+?)\s*\1\s*$|^\s*#+\s+\S")
_RULE = re.compile(r"^[\s\-|=_*]+$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence offsets within text[start:end]."""
    out, s = [], start
    for m in _BOUNDARY.finditer(text, start, end):
        before = text[max(s, m.start() - 12):m.start() + 1]
        if _ABBREV.search(before.rstrip(".!?\"”’')]")) and text[m.start()] == ".":
            continue
        out.append((s, m.start() + 1 + len(m.group(0)[1:].rstrip())))
        s = m.end()
    if s < end and text[s:end].strip():
        out.append((s, end))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def infobox_field(text: str, a: int, b: int) -> InfoboxField | None:
    """An infobox-style line (``Name | value |`` or ``- Name: value``) as a field, else None."""
    line = text[a:b]
    m = _TABLE.match(line)
    if not m:
        m = _FIELD.match(line)
        if not m or len(m.group(1).split()) > 5 or line.rstrip().endswith("."):
            return None
    vs = a + m.start(2)
    return InfoboxField(name=m.group(1).strip(), value=m.group(2), start=vs, end=vs + len(m.group(2)))


_BACK_MATTER = re.compile(r"(?i)^[=#\s]*(?:references|notes|sources|citations|bibliography|further reading|"
                         r"external links|see also|footnotes)[=\s]*$")


def segment(ann: Annotated) -> Annotated:
    _segment(ann)
    back = False
    for s in ann.sentences:  # reference lists and the like hold titles, not statements
        if s.kind == "heading":
            back = bool(_BACK_MATTER.match(ann.text[s.start:s.end]))
        elif back and s.kind != "infobox":
            s.kind = "refs"
    return ann


def _segment(ann: Annotated) -> Annotated:
    text = ann.text
    fields = list(ann.doc.infobox)
    covered = [(f.start, f.end) for f in fields]
    paragraph = 0
    head = True  # still in the document's head (title, source, date lines)
    for m in _LINE.finditer(text):
        a, b = _strip(text, m.start(), m.end())
        if a >= b or _RULE.match(text[a:b]):
            paragraph += 1
            continue
        if head and is_note_line(text[a:b]):
            ann.sentences.append(Sentence(a, b, "header", paragraph))
            continue
        head = head and len(ann.sentences) < 6
        if any(s <= a < e or a <= s < b for s, e in covered):
            ann.sentences.append(Sentence(a, b, "infobox", paragraph))
            continue
        f = infobox_field(text, a, b)
        if f is not None:
            fields.append(f)
            ann.sentences.append(Sentence(a, b, "infobox", paragraph))
            continue
        line = text[a:b]
        words = line.split()
        if _HEADING.match(line) or (len(words) <= 12 and not re.search(r"[.!?:;\"”]$", line)
                                     and line[:1].isupper() and "," not in line):
            ann.sentences.append(Sentence(a, b, "heading", paragraph))
            paragraph += 1
            continue
        kind = "list" if re.match(r"\s*[-*•]\s", line) else "text"
        for s, e in split_sentences(text, a, b):
            ann.sentences.append(Sentence(s, e, kind, paragraph))
        paragraph += 1
    ann.infobox = sorted(fields, key=lambda f: f.start)
    return ann
