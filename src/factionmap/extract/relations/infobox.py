"""Relations stated by infobox fields: ``Allegiance: X``, ``Opponents: A B C``, ``Leaders: P (2015–2016)``.

The subject is the entity the document is about. Each field names a relation and which way it runs;
every mention in the field's value is an object (a leader is the subject of `leader_of`).
"""
from __future__ import annotations

import re

from ..state import Annotated
from .lexical import Candidate

# field name (folded) -> (relation, subject is the value's mention?)
FIELDS: dict[str, tuple[str, bool]] = {
    "allegiance": ("allegiance_to", False),
    "part of": ("part_of", False),
    "parent organization": ("part_of", False),
    "parent organisation": ("part_of", False),
    "affiliation": ("part_of", False),
    "affiliations": ("part_of", False),
    "split from": ("split_from", False),
    "split off from": ("split_from", False),
    "merged into": ("merged_into", False),
    "predecessor": ("successor_of", False),
    "predecessors": ("successor_of", False),
    "successor": ("successor_of", True),
    "successors": ("successor_of", True),
    "allies": ("ally_of", False),
    "opponents": ("opposes", False),
    "opponent": ("opposes", False),
    "enemies": ("opposes", False),
    "leader": ("leader_of", True),
    "leaders": ("leader_of", True),
    "leadership": ("leader_of", True),
    "emir": ("leader_of", True),
    "spokesperson": ("member_of", True),
    "spokesman": ("member_of", True),
    "area": ("operates_in", False),
    "active regions": ("operates_in", False),
    "area of operations": ("operates_in", False),
    "areas of operation": ("operates_in", False),
    "headquarters": ("operates_in", False),
    "designated as a terrorist group by": ("designated_by", False),
    "designated as terrorist group by": ("designated_by", False),
    "designated by": ("designated_by", False),
}


def field_relation(name: str) -> tuple[str, bool] | None:
    return FIELDS.get(re.sub(r"\s+", " ", name.strip().lower().rstrip(":")))


def infobox_relations(ann: Annotated) -> list[Candidate]:
    if ann.subject is None:
        return []
    subject = next((s for s in ann.spans if s.key == ann.subject), None)
    out: list[Candidate] = []
    for f in ann.infobox:
        rel = field_relation(f.name)
        if rel is None or subject is None:
            continue
        relation, reverse = rel
        index = ann.sentence_at(f.start)
        a = ann.text.rfind(f.name, max(0, f.start - len(f.name) - 12), f.start)
        trigger = (a, a + len(f.name)) if a >= 0 else (f.start, f.end)
        for span in ann.spans_in(f.start, f.end):
            if span.key == ann.subject:
                continue
            s, o = (span, subject) if reverse else (subject, span)
            if relation == "leader_of" and ann.type_of(s.key).value != "PERSON":
                continue
            if relation == "operates_in" and ann.type_of(o.key).value != "PLACE":
                continue
            out.append(Candidate(s, relation, o, index, trigger, f"infobox:{f.name}"))
    return out
