"""JSON Lines (.jsonl): one document a line, `{"text": ..., "title": ..., ...}`.

`text` is required; the optional metadata keys are those of `metadata.KEYS` (plus `date`,
`authors`); other keys are ignored. Each record's id is the SHA-256 of its line's bytes (without the
line break). A bad line does not reject the file: it becomes an IngestError naming the file and the
line number, and the good records are still returned (`parse_jsonl`), or reported through
`on_error` and skipped (`read_jsonl`).
"""
from __future__ import annotations

import json
from typing import Callable

from .. import jsonsafe
from ..errors import IngestError, first_line
from ..model import Document, content_id
from .metadata import apply, validate
from .text import document_from_text

ErrorHandler = Callable[[IngestError], None]


MAX_LINE_ERRORS = 5  # bad lines reported one by one; the rest of a file's are counted in one more line


def parse_jsonl(data: bytes, path: str) -> tuple[list[Document], list[IngestError]]:
    """The documents of the good records, and one error for each bad line (the first few, then a count)."""
    nul = data.find(b"\x00")
    if nul >= 0:
        return [], [IngestError(path, f"binary content (NUL byte at offset {nul}); not a JSON Lines file")]
    docs: list[Document] = []
    errors: list[IngestError] = []
    bad = 0
    for number, raw in enumerate(data.split(b"\n"), start=1):
        line = raw.rstrip(b"\r")
        if not line.strip():
            continue
        try:
            docs.append(_record(line, path, number))
        except (IngestError, RecursionError, MemoryError, ValueError, TypeError) as exc:
            if not isinstance(exc, IngestError):
                exc = IngestError(path, f"line {number}: cannot be read ({type(exc).__name__}: {first_line(exc)})")
            bad += 1
            if bad <= MAX_LINE_ERRORS:
                errors.append(exc)
    if bad > MAX_LINE_ERRORS:
        errors.append(IngestError(path, f"{bad - MAX_LINE_ERRORS} more bad lines not listed ({bad} in all)"))
    if not docs and not errors:
        errors.append(IngestError(path, "no records (the file is empty or only blank lines)"))
    return docs, errors


def read_jsonl(data: bytes, path: str, on_error: ErrorHandler | None = None) -> list[Document]:
    """The good records' documents; each bad line goes to `on_error` (or, without one, is raised)."""
    docs, errors = parse_jsonl(data, path)
    for error in errors:
        if on_error is None:
            raise error
        on_error(error)
    return docs


def _record(line: bytes, path: str, number: int) -> Document:
    where = f"line {number}"
    try:
        record = jsonsafe.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"{where}: byte {exc.start + 1} is not valid UTF-8") from None
    except json.JSONDecodeError as exc:
        raise IngestError(path, f"{where}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except jsonsafe.JsonTooDeep as exc:
        raise IngestError(path, f"{where}: {exc}") from None
    if not isinstance(record, dict):
        raise IngestError(path, f"{where}: expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise IngestError(path, f"{where}: the record has no 'text' (a non-empty string is required)")
    try:
        meta = validate({k: v for k, v in record.items() if k != "text"}, path, strict=False)
    except IngestError as exc:
        raise IngestError(path, f"{where}: {exc.reason}") from None
    doc = document_from_text(text, path, fmt="jsonl")
    doc.id = content_id(line)
    return apply(doc, meta)
