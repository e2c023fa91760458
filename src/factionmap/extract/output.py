"""The JSONL contract of `factionmap extract` (docs/ARCHITECTURE.md): one dict per assertion."""
from __future__ import annotations

from ..model import Extraction


def assertion_rows(extraction: Extraction, doc_label: str) -> list[dict]:
    text = extraction.document.text
    rows = []
    for a in extraction.assertions:
        ev = a.evidence[0]
        rows.append({
            "doc": doc_label,
            "subject": a.subject.name,
            "subject_aliases": a.subject.names,
            "relation": a.relation,
            "object": a.object.name,
            "object_aliases": a.object.names,
            "start": a.start.iso if a.start else None,
            "end": a.end.iso if a.end else None,
            "stance": a.stance.value,
            "attribution": a.attribution,
            "confidence": None if a.confidence is None else round(a.confidence, 4),
            "evidence": {
                "text": text[ev.start_char:ev.end_char],
                "start_char": ev.start_char,
                "end_char": ev.end_char,
                "extractor": ev.extractor,
                "trigger": ev.trigger,
            },
        })
    return rows
