"""Relations stated by infobox fields: ``Allegiance: X``, ``Opponents: A B C``, ``Leaders: P (2015–2016)``.

The subject is the entity the document is about. Each field names a relation and which way it runs;
every mention in the field's value is an object (a leader is the subject of `leader_of`).
"""
from __future__ import annotations

import re

from ... import relations as vocab
from ..state import Annotated
from .candidate import Candidate

# field name (folded) -> (relation, subject is the value's mention?): from the relation vocabulary
FIELDS: dict[str, tuple[str, bool]] = vocab.INFOBOX_FIELDS


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
