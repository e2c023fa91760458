"""CSV (entities.csv, ties.csv, evidence.csv) and JSON Lines exports, with the stable ids of ids.py.

CSV columns are flat strings and numbers, ready for a spreadsheet or pandas; lists are joined with
"; ". A tie's review column says what an analyst made of it (confirmed, corrected, added; rejected
ties are not exported), with who and why. JSON Lines holds one object a line: first every entity ({"kind": "entity", ...}), then every
tie ({"kind": "tie", ...}) with its citations nested.
"""
from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..model import Citation, Entity, Tie
from . import ids
from .source import Snapshot

ENTITY_COLUMNS = ["id", "name", "type", "entity_kind", "kb_id", "aliases"]
TIE_COLUMNS = ["id", "subject_id", "subject", "relation", "object_id", "object", "status", "start", "end",
               "start_date", "end_date", "confidence", "grade", "evidence_count", "review", "reviewed_by", "review_note"]
EVIDENCE_COLUMNS = ["id", "tie_id", "doc_id", "doc_title", "published", "publisher", "author", "url",
                    "start_char", "end_char", "stance", "attribution", "extractor", "start", "end", "quote"]


def entity_row(e: Entity) -> dict[str, Any]:
    return {"id": ids.entity_uid(e), "name": e.name, "type": e.type.value,
            "entity_kind": e.kind.value if e.kind else "", "kb_id": e.kb_id or "",
            "aliases": [n for n in e.names if n != e.name]}


def tie_row(t: Tie) -> dict[str, Any]:
    subject, obj = ids.oriented(t)
    return {
        "id": ids.tie_uid(t), "subject_id": ids.entity_uid(subject), "subject": subject.name,
        "relation": t.relation, "object_id": ids.entity_uid(obj), "object": obj.name,
        "status": ids.value(t.status), "start": t.start.iso if t.start else "", "end": t.end.iso if t.end else "",
        "start_date": t.start.earliest.isoformat() if t.start else "",
        "end_date": t.end.latest.isoformat() if t.end else "",
        "confidence": int(t.confidence), "grade": t.grade, "evidence_count": len(t.citations),
        "review": t.review["verdict"] if t.review else "", "reviewed_by": t.review["by"] if t.review else "",
        "review_note": (t.review.get("note") or "") if t.review else "",
    }


def evidence_row(snap: Snapshot, t: Tie, c: Citation) -> dict[str, Any]:
    start, end = snap.dates.get(c.assertion_id, (None, None))
    return {
        "id": ids.evidence_uid(t, c), "tie_id": ids.tie_uid(t), "doc_id": c.doc_id, "doc_title": c.doc_title or "",
        "published": c.published or "", "publisher": c.publisher or "", "author": c.author or "",
        "url": c.url or "", "start_char": c.start_char, "end_char": c.end_char, "stance": ids.value(c.stance),
        "attribution": c.attribution or "", "extractor": c.extractor, "start": start.iso if start else "",
        "end": end.iso if end else "", "quote": c.quote,
    }


def _csv(columns: list[str], rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return out.getvalue()


def csv_files(snap: Snapshot) -> dict[str, str]:
    """{"entities.csv": text, "ties.csv": text, "evidence.csv": text}."""
    return {
        "entities.csv": _csv(ENTITY_COLUMNS, [entity_row(e) for e in snap.entities]),
        "ties.csv": _csv(TIE_COLUMNS, [tie_row(t) for t in snap.ties]),
        "evidence.csv": _csv(EVIDENCE_COLUMNS, [evidence_row(snap, t, c) for t in snap.ties for c in _cites(t)]),
    }


def _cites(t: Tie) -> list[Citation]:
    return sorted(t.citations, key=ids.citation_order)


def jsonl(snap: Snapshot) -> str:
    lines = [{"kind": "entity", **entity_row(e)} for e in snap.entities]
    for t in snap.ties:
        row = {"kind": "tie", **tie_row(t)}
        row["citations"] = [{k: v for k, v in evidence_row(snap, t, c).items() if k != "tie_id"} for c in _cites(t)]
        lines.append(row)
    return "".join(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n" for line in lines)
