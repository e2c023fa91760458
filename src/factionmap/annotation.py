"""The annotated corpus: ties pointing at their evidence by character offsets, never copying it.

An annotation line (``annotations/*.jsonl``) holds one tie of ``eval/SPEC.md``::

    {"doc": "wiki-x.txt", "sha256": "<content hash of the document's bytes>",
     "subject": {"names": ["Canonical", "alias", ...], "spans": [[s, e], ...]},
     "relation": "part_of", "object": {"names": [...], "spans": [...]},
     "start": "2014-06" | null, "end": null, "stance": "asserted",
     "evidence": [[s, e], ...], "annotator": "pass1"}

``evidence`` and ``spans`` are character offsets into the document's text as decoded from UTF-8;
``sha256`` says which bytes they point into, so an edited document is caught instead of misread.

A *draft* is what an annotator writes while reading: SPEC's gold format, with ``quote`` an exact
excerpt of the evidence. :func:`from_draft` locates the quote and the names and drops the words;
:func:`to_gold` turns annotation lines back into SPEC's gold format (quoting from the document at
that moment) so that ``score.py`` and ``factionmap evaluate`` score against them.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .errors import AnnotationError

RELATIONS = frozenset({
    "allegiance_to", "part_of", "ally_of", "opposes", "split_from", "merged_into",
    "successor_of", "leader_of", "member_of", "defected_to", "designated_by", "operates_in",
})
STANCES = frozenset({"asserted", "reported", "denied"})
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_SPACE = re.compile(r"\s+")


@dataclass
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Corpus:
    """Documents by file name, read once; each text with its content hash."""

    folders: list[Path]
    _texts: dict[str, tuple[str, str]] = field(default_factory=dict)

    def path(self, name: str) -> Path | None:
        for folder in self.folders:
            candidate = folder / name
            if candidate.is_file():
                return candidate
        return None

    def get(self, name: str) -> tuple[str, str]:
        """(text, sha256) of the document called ``name``; AnnotationError if no folder holds it."""
        if name not in self._texts:
            path = self.path(name)
            if path is None:
                raise AnnotationError(f"document {name!r} is in none of {[str(f) for f in self.folders]}")
            data = path.read_bytes()
            self._texts[name] = (data.decode("utf-8"), hashlib.sha256(data).hexdigest())
        return self._texts[name]


def _loose_pattern(quote: str) -> re.Pattern[str]:
    """The quote as a pattern where any run of white space matches any other, quotes and dashes loosely."""
    parts = []
    for word in _SPACE.split(quote.strip()):
        esc = re.escape(word)
        esc = re.sub(r"(?:\\-|\u2013|\u2014|\u2010|\u2011)", "[-\u2010\u2011\u2013\u2014]", esc)
        esc = re.sub(r"[\u2018\u2019']", "[\u2018\u2019']", esc)
        esc = re.sub(r"[\u201c\u201d\"]", "[\u201c\u201d\"]", esc)
        parts.append(esc)
    return re.compile(r"\s+".join(parts))


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Offsets of the first occurrence of ``quote`` in ``text`` (white space, quotes, dashes loose)."""
    if not quote or not quote.strip():
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    m = _loose_pattern(quote).search(text)
    return (m.start(), m.end()) if m else None


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around [start, end): back to the last stop or line break, on to the next."""
    left = start
    while left > 0:
        ch = text[left - 1]
        if ch == "\n" or (ch == " " and left >= 2 and text[left - 2] in ".!?" and text[left:left + 1].isupper()):
            break
        left -= 1
    right = end
    while right < len(text):
        ch = text[right]
        if ch == "\n":
            break
        if ch in ".!?" and (right + 1 == len(text) or text[right + 1] in " \n"):
            right += 1
            break
        right += 1
    return left, right


def find_names(text: str, names: Iterable[str], start: int, end: int) -> list[list[int]]:
    """Occurrences of any of ``names`` inside [start, end), whole words, case-insensitive."""
    spans: list[list[int]] = []
    window = text[start:end]
    for name in sorted({n for n in names if n and n.strip()}, key=len, reverse=True):
        pat = _loose_pattern(name)
        rx = re.compile(r"(?<!\w)" + pat.pattern + r"(?!\w)", re.IGNORECASE)
        for m in rx.finditer(window):
            s, e = start + m.start(), start + m.end()
            if not any(s < b and a < e for a, b in spans):
                spans.append([s, e])
    return sorted(spans)


def _names(value: object, where: str, side: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise AnnotationError(f"{where}: {side} must be a name or a non-empty list of names")
    out: list[str] = []
    for v in value:
        v = _SPACE.sub(" ", v.strip())
        if v not in out:
            out.append(v)
    return out


def _check_common(row: dict, where: str) -> None:
    if row.get("relation") not in RELATIONS:
        raise AnnotationError(f"{where}: unknown relation {row.get('relation')!r}")
    if row.get("stance") not in STANCES:
        raise AnnotationError(f"{where}: stance must be one of {sorted(STANCES)}, not {row.get('stance')!r}")
    for key in ("start", "end"):
        value = row.get(key)
        if value is not None and not (isinstance(value, str) and _DATE.match(value)):
            raise AnnotationError(f"{where}: {key} must be YYYY, YYYY-MM, YYYY-MM-DD or null, not {value!r}")
    if row.get("start") and row.get("end") and row["end"] < row["start"][: len(row["end"])]:
        raise AnnotationError(f"{where}: end {row['end']} is before start {row['start']}")


def from_draft(row: dict, corpus: Corpus, *, where: str, annotator: str) -> dict:
    """One draft line (SPEC gold format with an exact ``quote``) as an annotation line (offsets only)."""
    _check_common(row, where)
    doc = Path(str(row.get("doc", ""))).name
    text, digest = corpus.get(doc)
    subject = _names(row.get("subject"), where, "subject")
    obj = _names(row.get("object"), where, "object")
    quotes = row.get("quote")
    quotes = quotes if isinstance(quotes, list) else [quotes]
    evidence: list[list[int]] = []
    for q in quotes:
        if not isinstance(q, str):
            raise AnnotationError(f"{where}: quote must be text copied exactly from {doc}")
        hit = locate(text, q)
        if hit is None:
            raise AnnotationError(f"{where}: quote not found in {doc}: {q[:80]!r}")
        evidence.append(list(hit))
    windows = [sentence_bounds(text, s, e) for s, e in evidence]
    out = {
        "doc": doc, "sha256": digest,
        "subject": {"names": subject, "spans": []}, "relation": row["relation"],
        "object": {"names": obj, "spans": []},
        "start": row.get("start"), "end": row.get("end"), "stance": row["stance"],
        "evidence": evidence, "annotator": row.get("annotator") or annotator,
    }
    for side, names in (("subject", subject), ("object", obj)):
        for a, b in windows:
            out[side]["spans"].extend(find_names(text, names, a, b))
    return out


def check(row: dict, corpus: Corpus, *, where: str) -> None:
    """Raise AnnotationError unless ``row`` is a well-formed annotation line matching its document."""
    _check_common(row, where)
    text, digest = corpus.get(row.get("doc", ""))
    if row.get("sha256") != digest:
        raise AnnotationError(f"{where}: {row.get('doc')} has changed since it was annotated (content hash differs)")
    for side in ("subject", "object"):
        part = row.get(side)
        if not isinstance(part, dict):
            raise AnnotationError(f"{where}: {side} must be an object with names and spans")
        _names(part.get("names"), where, side)
        for s, e in part.get("spans") or []:
            if not 0 <= s < e <= len(text):
                raise AnnotationError(f"{where}: {side} span {s}-{e} is outside the document")
    if not row.get("evidence"):
        raise AnnotationError(f"{where}: no evidence offsets (no evidence sentence, no tie)")
    for s, e in row["evidence"]:
        if not 0 <= s < e <= len(text):
            raise AnnotationError(f"{where}: evidence {s}-{e} is outside the document")


def to_gold(row: dict, corpus: Corpus) -> dict:
    """An annotation line in SPEC's gold format, its quote read from the document now."""
    text, _ = corpus.get(row["doc"])
    quote = " … ".join(text[s:e] for s, e in row["evidence"])
    return {"doc": row["doc"], "subject": row["subject"]["names"], "relation": row["relation"],
            "object": row["object"]["names"], "start": row.get("start"), "end": row.get("end"),
            "stance": row["stance"], "quote": quote}


def read_jsonl(path: str | Path) -> Iterator[tuple[str, dict]]:
    """(``file:line``, object) for each non-blank line; AnnotationError naming the line if it is not JSON."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                row = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise AnnotationError(f"{where}: not JSON ({exc})") from None
            if not isinstance(row, dict):
                raise AnnotationError(f"{where}: a line must be a JSON object")
            yield where, row


def load(paths: Iterable[str | Path], corpus: Corpus) -> list[dict]:
    """Every annotation line of ``paths``, each checked against its document."""
    rows = []
    for path in paths:
        for where, row in read_jsonl(path):
            check(row, corpus, where=where)
            rows.append(row)
    return rows


def dump(rows: Iterable[dict], path: str | Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
