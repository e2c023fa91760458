"""Sidecar metadata: `<file>.meta.json` next to a file supplies or overrides the file's metadata.

A sidecar is a JSON object whose keys are those of `metadata.KEYS` (plus `date`, `authors`); an
unknown key is an error naming the sidecar and the key. Sidecars are not documents themselves.
For a JSONL file the sidecar only fills what each record leaves empty.
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import jsonsafe
from ..errors import IngestError
from .files import read_limited
from .metadata import validate

SUFFIX = ".meta.json"
MAX_BYTES = 1024 * 1024  # metadata, not a document


def sidecar_path(path: str | Path) -> Path:
    """Where the sidecar of `path` would be: `report.pdf` -> `report.pdf.meta.json`."""
    return Path(str(path) + SUFFIX)


def is_sidecar(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIX)


def load_sidecar(path: str | Path) -> dict[str, str] | None:
    """The validated metadata of `path`'s sidecar, or None when it has none."""
    side = sidecar_path(path)
    if not side.exists() and not side.is_symlink():
        return None
    data = read_limited(str(side), MAX_BYTES)
    try:
        raw = jsonsafe.loads(data)
    except UnicodeDecodeError as exc:
        raise IngestError(side, f"not valid UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise IngestError(side, f"line {exc.lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except jsonsafe.JsonTooDeep as exc:
        raise IngestError(side, str(exc)) from None
    if not isinstance(raw, dict):
        raise IngestError(side, "a sidecar must be a JSON object of metadata, e.g. {\"title\": \"...\"}")
    return validate(raw, str(side), strict=True)
