"""Lifespan annotations (``annotations/lifespans.jsonl``): a group's dated founding, end or renaming,
pointing at its evidence by character offsets, never copying it (the tie annotations' conventions,
see factionmap.annotation)::

    {"doc": "wiki-hamas.txt", "sha256": "<content hash>", "entity": {"names": [...], "spans": [[s, e]]},
     "kind": "founded", "date": "1987", "new_name": null, "evidence": [[s, e]], "annotator": "issue11"}

``kind`` is founded, first_active, dissolved, last_active or renamed (then ``new_name`` holds
{"names", "spans"} of the name taken). ``date`` is YYYY, YYYY-MM, YYYY-MM-DD, or a decade ("1980s")
when the text says no more. A *draft* line has ``quote`` (an exact excerpt of the evidence) instead of
``evidence`` and plain name lists; :func:`from_draft` turns it into an annotation line.
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Iterable

from ..annotation import Corpus, find_names, locate, read_jsonl, sentence_bounds
from ..errors import AnnotationError
from ..model import FuzzyDate, LifespanKind

KINDS = frozenset(k.value for k in LifespanKind)
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_DECADE = re.compile(r"^(\d{3})0s$")


def interval(value: str) -> tuple[dt.date, dt.date]:
    """The days a gold date covers: '1987' the year, '1980s' the decade."""
    decade = _DECADE.match(value)
    if decade:
        y = int(decade.group(1)) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    d = FuzzyDate.from_iso(value)
    return d.earliest, d.latest


def _names(value: object, where: str, what: str) -> list[str]:
    if isinstance(value, dict):
        value = value.get("names")
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise AnnotationError(f"{where}: {what} must be a name or a non-empty list of names")
    return list(dict.fromkeys(" ".join(v.split()) for v in value))


def _check_common(row: dict, where: str) -> None:
    if row.get("kind") not in KINDS:
        raise AnnotationError(f"{where}: kind must be one of {sorted(KINDS)}, not {row.get('kind')!r}")
    date = row.get("date")
    if not isinstance(date, str) or not (_DATE.match(date) or _DECADE.match(date)):
        raise AnnotationError(f"{where}: date must be YYYY, YYYY-MM, YYYY-MM-DD or a decade like 1980s, not {date!r}")
    if (row["kind"] == "renamed") != bool(row.get("new_name")):
        raise AnnotationError(f"{where}: new_name is required for renamed, and only for renamed")


def from_draft(row: dict, corpus: Corpus, *, where: str, annotator: str) -> dict:
    """A draft (names and an exact ``quote``) as an annotation line (offsets only)."""
    _check_common(row, where)
    doc = Path(str(row.get("doc", ""))).name
    text, digest = corpus.get(doc)
    hit = locate(text, str(row.get("quote") or ""))
    if hit is None:
        raise AnnotationError(f"{where}: quote not found in {doc}: {str(row.get('quote'))[:80]!r}")
    window = sentence_bounds(text, *hit)
    out = {"doc": doc, "sha256": digest}
    for side in ("entity", "new_name"):
        if row.get(side):
            names = _names(row[side], where, side)
            out[side] = {"names": names, "spans": find_names(text, names, *window)}
        else:
            out[side] = None
    out |= {"kind": row["kind"], "date": row["date"], "evidence": [list(hit)],
            "annotator": row.get("annotator") or annotator}
    return {k: out[k] for k in ("doc", "sha256", "entity", "kind", "date", "new_name", "evidence", "annotator")}


def check(row: dict, corpus: Corpus, *, where: str) -> None:
    """Raise AnnotationError unless ``row`` is a well-formed lifespan line matching its document."""
    _check_common(row, where)
    text, digest = corpus.get(row.get("doc", ""))
    if row.get("sha256") != digest:
        raise AnnotationError(f"{where}: {row.get('doc')} has changed since it was annotated (content hash differs)")
    for side in ("entity", "new_name"):
        part = row.get(side)
        if part is None and side == "new_name":
            continue
        if not isinstance(part, dict):
            raise AnnotationError(f"{where}: {side} must be an object with names and spans")
        _names(part, where, side)
        for s, e in part.get("spans") or []:
            if not 0 <= s < e <= len(text):
                raise AnnotationError(f"{where}: {side} span {s}-{e} is outside the document")
    if not row.get("evidence"):
        raise AnnotationError(f"{where}: no evidence offsets")
    for s, e in row["evidence"]:
        if not 0 <= s < e <= len(text):
            raise AnnotationError(f"{where}: evidence {s}-{e} is outside the document")


def load(paths: Iterable[str | Path], corpus: Corpus) -> list[dict]:
    rows = []
    for path in paths:
        for where, row in read_jsonl(path):
            check(row, corpus, where=where)
            rows.append(row)
    return rows
