"""Whether a document names a mention as a place by the words around it: "the town of X", "X district",
"X, a village near ...", "A, B and X" among places, "in X".

The NER reads each sentence apart and often takes a small town's or a district's name for a person or an
organization (names outside the gazetteer, which keeps cities from 100,000 people up); the words a
document puts around such a name say what it is (`ner.retype_as_place` acts on them)."""
from __future__ import annotations

import re

from ..model import EntityType
from .state import Annotated, Span

_SETTLEMENT = (r"(?:town|village|city|district|sub-?district|neighbou?rhood|suburb|hilltop|settlement|municipality|"
               r"locality|towns|villages|cities|districts|neighbou?rhoods|suburbs)")
# "the northern town of X", "the outskirts of X"
_NOUN_BEFORE = re.compile(r"(?i)\b(?:" + _SETTLEMENT[3:-1] + r"|outskirts|countryside|governorate|province)\s+of\s+"
                          r"(?:the\s+)?$")
# "X district", "X countryside" (lower case: a capital word is part of the name)
_NOUN_AFTER = re.compile(r"\s+(?-i:district|sub-?district|province|governorate|countryside|village|town|"
                         r"neighbou?rhood|suburbs?|airbase|airport)\b")
# "X, a village near ...", "X, the main town of ..."
_APPOSITIVE = re.compile(r"(?i)\s*,\s+(?:an?|the)\s+(?:[\w\-]+\s+){0,2}?" + _SETTLEMENT + r"\b")
# a person's name does not follow these: "in X", "near X", "inside of X"
_LOCATIVE_BEFORE = re.compile(r"(?i)\b(?:in|inside(?:\s+of)?|near|outside|into|towards?)\s+$")
_OWNER_AFTER = re.compile(r"['’]s?\b")
_CONJ = re.compile(r"\b(?:and|or)\b")
_LIST_LINK = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _listed_with_place(ann: Annotated, sp: Span, etype: EntityType) -> bool:
    """Whether the mention stands in a list of places: between two places ("A, X and B"), or after or
    before one with "and" / "or" ("A and X"); for a name read as a person the list must follow a
    locative preposition too ("in A and X": "the commander of A and X Y" lists a person)."""
    text, left, right = ann.text, None, None
    for other in ann.spans_in(max(0, sp.start - 80), sp.end + 80):
        if other.key == sp.key or other.type is not EntityType.PLACE or ann.is_state(other.key):
            continue
        if other.end <= sp.start and _LIST_LINK.fullmatch(text, other.end, sp.start):
            left = (other, text[other.end:sp.start])
        elif sp.end <= other.start and _LIST_LINK.fullmatch(text, sp.end, other.start) and right is None:
            right = (other, text[sp.end:other.start])
    if left and right:
        return True
    for side in (left, right):
        if side is None or not _CONJ.search(side[1]):
            continue
        first = side[0] if side is left else sp
        if etype is not EntityType.PERSON or _LOCATIVE_BEFORE.search(text, max(0, first.start - 20), first.start):
            return True
    return False


def named_as_place(ann: Annotated, sp: Span, etype: EntityType) -> bool:
    """Whether the words around the mention `sp` name it as a place; a locative preposition counts only for a
    name read as a person (groups are "in" many things: "a split in X")."""
    text, a, b = ann.text, sp.start, sp.end
    if _NOUN_BEFORE.search(text, max(0, a - 40), a) or _NOUN_AFTER.match(text, b) or _APPOSITIVE.match(text, b):
        return True
    if etype is EntityType.PERSON and _LOCATIVE_BEFORE.search(text, max(0, a - 20), a) and not _OWNER_AFTER.match(text, b):
        return True
    return _listed_with_place(ann, sp, etype)


__all__ = ["named_as_place"]
