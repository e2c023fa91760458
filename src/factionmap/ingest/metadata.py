"""Document metadata shared by the readers: the allowed keys, date normalisation, validation.

Front matter, JSONL records and sidecars all name metadata with the same keys; `date` is accepted
as another spelling of `published`. Dates become ISO strings, partial when the source is partial
("March 2016" -> "2016-03", "2016" -> "2016").
"""
from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any, Mapping

from dateutil import parser as _dateparser

from ..errors import IngestError
from ..model import Document, SourceKind

KEYS = ("title", "author", "publisher", "published", "url", "language", "source_kind")
ALIASES = {"date": "published", "authors": "author"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d|21\d\d)\b")
_DEFAULTS = (dt.datetime(2000, 1, 1), dt.datetime(2001, 2, 2))
log = logging.getLogger("factionmap.ingest")


def normalize_date(value: object) -> str | None:
    """An ISO date (partial allowed) for a date-like value, or None when it is not a date.

    >>> normalize_date("3 March 2016"), normalize_date("March 2016"), normalize_date("2016")
    ('2016-03-03', '2016-03', '2016')
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int) and 1800 <= value <= 2199:
        return str(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > 60 or not _YEAR.search(text):
        return None
    try:
        first, second = (_dateparser.parse(text, default=d) for d in _DEFAULTS)
    except (ValueError, OverflowError, _dateparser.ParserError):
        return None
    if first.year != second.year:
        return None
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()


def validate(raw: Mapping[str, Any], where: str, *, strict: bool = True,
             drop_bad_values: bool = False) -> dict[str, str]:
    """Check and normalise a metadata mapping; keys are folded to `KEYS`.

    `where` names the file (and line) for error messages. With `strict`, an unknown key is an error;
    otherwise unknown keys are ignored. A bad value is an error, unless `drop_bad_values` (a Markdown
    file's front matter, a loose header above the text): then it is left out with a warning that
    names the file and the key, and the document is still read. Empty values (None, "") are dropped.
    """
    out: dict[str, str] = {}
    for key, value in raw.items():
        name = ALIASES.get(str(key).lower(), str(key).lower())
        if name not in KEYS:
            if strict:
                raise IngestError(where, f"unknown metadata key {key!r} (allowed: {', '.join(KEYS)}, date, authors)")
            continue
        if value is None or value == "":
            continue
        try:
            out[name] = _value(name, value, where)
        except IngestError as exc:
            if not drop_bad_values:
                raise
            log.warning("%s; the value is left out and the document is read without it", exc)
    return out


def _value(name: str, value: Any, where: str) -> str:
    if name == "published":
        iso = normalize_date(value)
        if iso is None:
            raise IngestError(where, f"metadata {name!r}: {value!r} is not a date (use e.g. 2016-03-03)")
        return iso
    if name == "author" and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ", ".join(v.strip() for v in value if v.strip())
    if not isinstance(value, str):
        raise IngestError(where, f"metadata {name!r} must be a string, not {type(value).__name__}")
    value = value.strip()
    if name == "source_kind":
        allowed = [k.value for k in SourceKind]
        if value.lower() not in allowed:
            raise IngestError(where, f"metadata 'source_kind': {value!r} is not one of {', '.join(allowed)}")
        return value.lower()
    return value


def apply(doc: Document, meta: Mapping[str, str], *, override: bool = True) -> Document:
    """Set `doc`'s metadata from a validated mapping; without `override`, only fill what is empty."""
    for key, value in meta.items():
        current = getattr(doc, key)
        if override or current in (None, "") or (key == "language" and current == "en"):
            setattr(doc, key, SourceKind(value) if key == "source_kind" else value)
    return doc


def kind_for_publisher(publisher: str | None) -> SourceKind | None:
    """A source kind implied by a publisher's name (Wikipedia and its kin are encyclopedias)."""
    if publisher and re.search(r"wikipedia|encyclop|britannica", publisher, re.I):
        return SourceKind.ENCYCLOPEDIA
    return None
