"""A sentence with its mentions written as «Xn» markers, and the map back to the document's offsets.

Quotes around a name, bracketed asides ("[formal]") and an alias repeated in brackets right after its
name ("Islamic State (IS)") are dropped, so frames see "«G0» is a branch of «G1»"; a state named with a
person's office ("the Syrian President") is its marker followed by the office's words ("«S0» President").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...model import EntityType
from ..demonyms import office_start
from ..state import Annotated, Span

_DETERMINERS = {"its", "our", "their", "his", "her", "my"}
_QUOTE_BEFORE = re.compile(r"[‘“\"'](?=«)")
_QUOTE_AFTER = re.compile(r"(?<=»)[’”\"'](?![sS]\b)")
_ASIDE = re.compile(r"\s*\[[^\]«»]{0,40}\]")
_MODIFIER = re.compile(r"«\w(\d+)»[\-\u2010\u2011](linked|affiliated|affiliate|aligned|allied|backed|supported|led|"
                       r"inspired|style|controlled|held|occupied|dominated)\b")
_ALIAS = re.compile(r"\s*[(\[]«(\w)(\d+)»[)\]]")
# a bracket of names and labelled spellings right after a name: "X (X-2, Arabic: X-3, romanized: X-4)"
_NAMES_PAREN = re.compile(r"(?<=»)\s*\((?:\s*(?:(?:[A-Za-z][\w\- ]{0,20}:|or|also|aka|a\.k\.a\.)\s*)?«\w(\d+)»\s*[,;/]?)+\)")
_LABELLED = re.compile(r"(?:^|[(,;/])\s*(?:[A-Za-z][\w\- ]{0,20}:|or|also|aka|a\.k\.a\.)?\s*«\w(\d+)»")
# "[aka X]", "(also known as X)": another name of the one before it
_AKA = re.compile(r"\s*[(\[](?:aka|a\.k\.a\.?|also\s+known\s+as|also\s+called|known\s+as)\s+«\w\d+»[)\]]", re.I)


@dataclass
class Masked:
    text: str
    offsets: list[int]  # document offset of each character of `text`
    spans: list[Span]  # the sentence's mentions, by marker index
    determiners: frozenset = frozenset()  # markers that stand for a possessive pronoun ("its", "our")
    first_hits: dict = field(default_factory=dict)  # frame name -> its first hit (or None), found by a pre-check
    frame_keys: object = field(default=None, repr=False, compare=False)  # what the frames' pre-checks read (lexical)

    def doc_span(self, a: int, b: int) -> tuple[int, int]:
        return self.offsets[a], self.offsets[b - 1] + 1


def kind(ann: Annotated, span: Span) -> str:
    if ann.is_state(span.key):
        return "S"
    return {EntityType.PERSON: "P", EntityType.PLACE: "L"}.get(span.type, "G")


def _edit(m: Masked, rx: re.Pattern, keep=None) -> None:
    out, offs, last = [], [], 0
    for hit in rx.finditer(m.text):
        if keep is not None and keep(hit):
            continue
        out.append(m.text[last:hit.start()])
        offs.extend(m.offsets[last:hit.start()])
        last = hit.end()
    out.append(m.text[last:])
    offs.extend(m.offsets[last:])
    m.text, m.offsets = "".join(out), offs


def mask(ann: Annotated, start: int, end: int, spans: list[Span]) -> Masked:
    text = ann.text
    pieces, offs, pos = [], [], start
    for i, s in enumerate(spans):
        pieces.append(text[pos:s.start])
        offs.extend(range(pos, s.start))
        marker = f"«{kind(ann, s)}{i}»"
        office = office_start(text, s.start, s.end) if s.source == "demonym" else None
        pieces.append(marker)
        offs.extend([s.start] * (len(marker) - 1) + [(office or s.end) - 1])
        if office is not None:  # "«S1» President «P2»": the office is a word of the sentence, as after "of «S1»"
            pieces.append(text[office:s.end])
            offs.extend(range(office, s.end))
        pos = s.end
    pieces.append(text[pos:end])
    offs.extend(range(pos, end))
    dets = frozenset(i for i, s in enumerate(spans) if s.source == "coref" and text[s.start:s.end].lower() in _DETERMINERS)
    m = Masked(_MODIFIER.sub(r"«M\1»-\2", "".join(pieces).replace("\n", " ")), offs, spans, dets)
    _edit(m, _QUOTE_BEFORE)
    _edit(m, _QUOTE_AFTER)
    _edit(m, _ASIDE)

    def other_entity(hit: re.Match) -> bool:
        j = int(hit.group(2))
        before = m.text[:hit.start()].rstrip()
        k = re.search(r"«\w(\d+)»$", before)
        return not k or spans[int(k.group(1))].key != spans[j].key
    _edit(m, _ALIAS, keep=other_entity)

    def other_names(hit: re.Match) -> bool:
        k = re.search(r"«\w(\d+)»$", m.text[:hit.start()])
        if not k:
            return True
        key = spans[int(k.group(1))].key
        body = hit.group(0).strip()[1:-1]  # a labelled spelling ("romanized: X") is that name's, whatever X is
        return any(spans[int(j.group(1))].key != key and not re.match(r"[(,;/]?\s*[A-Za-z][\w\- ]{0,20}:", j.group(0))
                   for j in _LABELLED.finditer(body))
    _edit(m, _NAMES_PAREN, keep=other_names)
    _edit(m, _AKA)
    return m


MARK = re.compile(r"«(\w)(\d+)»")
_LIST_RIGHT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|,|and|or|/|&|as\s+well\s+as|along\s+with)\s*(?:(?:most|much|all|parts|"
                         r"all\s+parts|large\s+parts|some|areas)\s+of\s+)?(?:the\s+)?«(\w)(\d+)»")
_LIST_LEFT = re.compile(r"«(\w)(\d+)»\s*(?:,\s*(?:and|or)|,|and|or|/|&)\s*(?:the\s+)?$")


# a loose list: members may carry an aside ("X (eastern section)") or a qualifier ("Y of the Z coalition"),
# and a colon may announce the rest ("A and the following groups: B, C")
_LOOSE_RIGHT = re.compile(r"(?:\s*\([^()]{0,60}\))?(?:\s+of\s+the\s+«G\d+»(?:\s+(?:coalition|alliance|front|umbrella|"
                          r"group|grouping|movement|operations\s+room))?)?\s*(?:,\s*(?:and\s+)?|and\s+|as\s+well\s+as\s+)"
                          r"(?:the\s+)?(?:(?:the\s+)?following\b[^;:()]{0,120}?:\s*(?:[^«»;:,]{0,40}?\b(?:as|are|were|"
                          r"include[sd]?|including)\s+)?(?:the\s+)?)?«(\w)(\d+)»")


def expand_loose(m: Masked, end: int, kinds: str) -> list[int]:
    """Like `expand_right`, through asides, "of the X coalition" qualifiers and "the following ...:" openings."""
    out, pos = [], end
    while True:
        hit = _LOOSE_RIGHT.match(m.text, pos)
        if not hit or hit.group(1) not in kinds:
            return out
        out.append(int(hit.group(2)))
        pos = hit.end()


def expand_right(m: Masked, end: int, kinds: str) -> list[int]:
    """Indices of the mentions listed after the one ending at `end` ("A, B and C")."""
    out, pos = [], end
    while True:
        hit = _LIST_RIGHT.match(m.text, pos)
        if not hit or hit.group(1) not in kinds or int(hit.group(2)) in m.determiners:
            return out  # "X and its allies": "its" opens a noun phrase, it is not a list member
        out.append(int(hit.group(2)))
        pos = hit.end()


def expand_left(m: Masked, start: int, kinds: str) -> list[int]:
    here = MARK.match(m.text, start)
    if here and int(here.group(2)) in m.determiners:
        return []  # "X and our jihad": "our" opens a noun phrase, not a list
    out, pos = [], start
    while True:
        hit = _LIST_LEFT.search(m.text, max(0, pos - 40), pos)
        if not hit or hit.group(1) not in kinds:
            return out
        out.append(int(hit.group(2)))
        pos = hit.start()
