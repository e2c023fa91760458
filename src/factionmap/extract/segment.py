"""Stage `segment`: paragraphs, headings, infobox-style lines, list items and sentences.

Sentences are found by a rule splitter (cheap, offsets exact); the parser runs later, and only on the
sentences that may hold a tie. Infobox lines are read both from `Document.infobox` (filled by the
readers) and from the text: ``Allegiance | Islamic State |`` tables and ``- Leaders: X`` lists.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..model import InfoboxField
from ..ingest.header import is_note_line
from .state import Annotated, Sentence

_LINE = re.compile(r"[^\n]+")
_ABBREV = re.compile(
    r"(?:\b(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Col|Lt|Sgt|Capt|Maj|Jr|Sr|Prof|No|vs|etc|e\.g|i\.e|approx|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|lit|cf|ca|pp|Pp|Brig|Adm|Cpl|Pvt|Cmdr|Cdr|Lieut|Gov|Sen|Rep|Rev|Fr|Hon|Pres|"
    r"Mt|Ft|et\s+al)|(?:[A-Z]\.){2,})$"
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_TABLE = re.compile(r"^\s*([A-Z][^|\n]{0,60}?)\s*\|\s*((?:[^|\n]*[^|\s])?)\s*\|\s*$")
_FIELD = re.compile(r"^\s*[-*•]?\s*([A-Z][A-Za-z ()/]{1,40}?)\s*:\s+(\S(?:.*\S)?)\s*$")
_HEADING = re.compile(r"^\s*(=+)\s*(.+?)\s*\1\s*$|^\s*#+\s+\S")
_RULE = re.compile(r"^[\s\-|=_*]+$")
MAX_HEADING = 300  # a longer line is never a heading (and no heading pattern reads it)
MAX_SENTENCE = 2000  # a longer "sentence" (a run-on line without stops) is cut, so no later stage
# spends time on it that grows with the square of its length (the longest real sentence in the
# evaluation corpora is under 1,000 characters)
_CUTS = (re.compile(r"[;:]\s+"), re.compile(r",\s+"), re.compile(r"\s+"))


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
    return [(a, b) for s, e in out for a, b in _cut_long(text, s, e) if text[a:b].strip()]


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence longer than MAX_SENTENCE cut at clause breaks (else spaces) in the second half of
    each part; a normal sentence as it is."""
    out = []
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        for pattern in _CUTS:
            last = None
            for m in pattern.finditer(text, start + MAX_SENTENCE // 2, start + MAX_SENTENCE):
                last = m
            if last is not None:
                cut = last.end()
                break
        out.append(_strip(text, start, cut))
        start = cut
    out.append((start, end))
    return out


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


class _Covered:
    """The reader's infobox fields, asked in logarithmic time whether a line touches one."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.reach = list(accumulate((e for _, e in spans), max))  # the furthest end among the first k

    def touches(self, a: int, b: int) -> bool:
        """Whether a field holds offset `a` or starts inside [a, b) (as the line test always read)."""
        k = bisect_right(self.starts, a)
        return bool(k and self.reach[k - 1] > a) or bisect_left(self.starts, a) < bisect_left(self.starts, b)


def _segment(ann: Annotated) -> Annotated:
    text = ann.text
    fields = list(ann.doc.infobox)
    covered = _Covered([(f.start, f.end) for f in fields])
    paragraph = 0
    head = True  # still in the document's head (title, source, date lines)
    for m in _LINE.finditer(text):
        a, b = _strip(text, m.start(), m.end())
        if a >= b or _RULE.match(text[a:b]):
            paragraph += 1
            continue
        if head and b - a <= MAX_HEADING * 2 and is_note_line(text[a:b]):
            ann.sentences.append(Sentence(a, b, "header", paragraph))
            continue
        head = head and len(ann.sentences) < 6
        if covered.touches(a, b):
            ann.sentences.append(Sentence(a, b, "infobox", paragraph))
            continue
        f = infobox_field(text, a, b)
        if f is not None:
            fields.append(f)
            ann.sentences.append(Sentence(a, b, "infobox", paragraph))
            continue
        line = text[a:b]
        words = line.split()
        if len(line) <= MAX_HEADING and _HEADING.match(line) or (len(words) <= 12 and not re.search(r"[.!?:;\"”]$", line)
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
