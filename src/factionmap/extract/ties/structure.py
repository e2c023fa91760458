"""part_of ties that a group's structure states rather than a verb: a unit named with its parent and a
member list.

- A unit's name written with "of" and its parent's: "the Third Brigade of the Desert Front", "the
  Southern Front of the Valley Army" (the first name ends in a unit word: brigade, division,
  battalion, regiment, front, corps, platoon, company, squadron); the parent must be a group or body.
- A list under a heading that names the members ("== Member groups ==", "== Members ==",
  "== Constituent factions =="): each item's group is part of what it hangs under, the item above it
  or, at the top level, the group the page is about (annotation rulings: nested member lists).
"""
from __future__ import annotations

import re

from ..lists import headings, items
from ..state import Annotated, Span
from .candidate import Candidate
from .mask import mask

_UNIT_END = re.compile(r"(?i)\b(?:brigade|division|battalion|regiment|front|corps|platoon|company|squadron)s?$")
_UNIT_OF = re.compile(r"«G(\d+)»\s+(?P<t>of)\s+(?:the\s+)?«G(\d+)»(?!\s*[’']s?\b)")
_MEMBER_HEADING = re.compile(r"(?i)^(?:(?:current|former|founding)\s+)?(?:member(?:s|\s+(?:groups?|factions?|"
                             r"organi[sz]ations?|units?|brigades?|parties))|constituent\s+(?:groups?|factions?|"
                             r"organi[sz]ations?|members?)|subgroups|sub-groups|component\s+groups?)$")


def structure_relations(ann: Annotated) -> list[Candidate]:
    return unit_of(ann) + member_lists(ann)


def unit_of(ann: Annotated) -> list[Candidate]:
    """ "the Third Brigade of the Desert Front": the unit part of its parent."""
    out: list[Candidate] = []
    for i, s in enumerate(ann.sentences):
        if s.kind not in ("text", "list") or " of " not in ann.text[s.start:s.end]:
            continue
        spans = ann.sentence_spans(i)
        if len(spans) < 2:
            continue
        m = mask(ann, s.start, s.end, spans)
        for hit in _UNIT_OF.finditer(m.text):
            unit, parent = m.spans[int(hit.group(1))], m.spans[int(hit.group(3))]
            name = " ".join(ann.text[unit.start:unit.end].split())
            if unit.key == parent.key or unit.source == "coref" or not _UNIT_END.search(name) \
                    or ann.is_state(parent.key) or ann.is_state(unit.key):
                continue
            out.append(Candidate(unit, "part_of", parent, i, m.doc_span(hit.start("t"), hit.end("t")),
                                 "unit-of", None, True))
    return out


def member_lists(ann: Annotated) -> list[Candidate]:
    """Each item of a list under a members heading, part of what it hangs under."""
    heading_of = headings(ann)
    found = items(ann)
    first: dict[int, Span] = {}
    for i in found:
        spans = ann.sentence_spans(i)
        if spans and _group(ann, spans[0]):
            first[i] = spans[0]
    subject = None
    if ann.subject is not None and _group_key(ann, ann.subject):
        subject = next((sp for sp in ann.spans if sp.key == ann.subject), None)
    out: list[Candidate] = []
    for i, item in found.items():
        own = first.get(i)
        heading = heading_of[i].strip(" =#\t:")
        if own is None or not _MEMBER_HEADING.match(heading):
            continue
        up = first.get(item.parent) if item.parent is not None else subject
        if up is None or up.key == own.key:
            continue
        out.append(Candidate(own, "part_of", up, i, (own.start, own.end), "member-list", "asserted", True))
    return out


def _group_key(ann: Annotated, key: str) -> bool:
    return ann.type_of(key).value == "ORG" and not ann.is_state(key)


def _group(ann: Annotated, span: Span) -> bool:
    return span.source != "coref" and _group_key(ann, span.key)
