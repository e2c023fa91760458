"""Sidecar metadata: `<file>.meta.json` next to a file supplies or overrides the file's metadata.

A sidecar is a JSON object whose keys are those of `metadata.KEYS` (plus `date`, `authors`); an
unknown key is an error naming the sidecar and the key. Sidecars are not documents themselves.
For a JSONL file the sidecar only fills what each record leaves empty.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..errors import IngestError
from .metadata import validate

SUFFIX = ".meta.json"


def sidecar_path(path: str | Path) -> Path:
    """Where the sidecar of `path` would be: `report.pdf` -> `report.pdf.meta.json`."""
    return Path(str(path) + SUFFIX)


def is_sidecar(path: str | Path) -> bool:
    return str(path).lower().endswith(SUFFIX)


def load_sidecar(path: str | Path) -> dict[str, str] | None:
    """The validated metadata of `path`'s sidecar, or None when it has none."""
    side = sidecar_path(path)
    if not side.is_file():
        return None
    try:
        raw = json.loads(side.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise IngestError(side, f"not valid UTF-8 (byte {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise IngestError(side, f"line {exc.lineno}: invalid JSON ({exc.msg} at column {exc.colno})") from None
    except OSError as exc:
        raise IngestError(side, f"cannot read the sidecar ({exc.strerror or exc})") from None
    if not isinstance(raw, dict):
        raise IngestError(side, "a sidecar must be a JSON object of metadata, e.g. {\"title\": \"...\"}")
    return validate(raw, str(side), strict=True)
