"""Exports (STIX 2.1, GraphML, GEXF, CSV, JSON Lines) and the STIX 2.1 import.

    from factionmap.export import export, import_stix
    export(store, "stix", "map.json", as_of="2016-01-01")
    export(store, "graphml", "map.graphml", entity="Islamic State", depth=2)
    export(store, "csv", "tables/")            # entities.csv, ties.csv, evidence.csv
    import_stix(store, "bundle.json")

Formats and the STIX mapping are documented in docs/exports.md.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import IO, Callable

from ..errors import ExportError
from ..store import Store
from . import network, stix, tables
from .source import Snapshot, load
from .stix_import import ImportReport, import_stix

#: format -> function from a snapshot to the text it writes (csv writes three files: see export()).
WRITERS: dict[str, Callable[[Snapshot], str]] = {
    "stix": stix.to_json,
    "graphml": network.graphml,
    "gexf": network.gexf,
    "jsonl": tables.jsonl,
}
FORMATS = ["stix", "graphml", "gexf", "csv", "jsonl"]  # the writers' formats, and csv (three files)


def register_exporter(name: str, writer: Callable[[Snapshot], str]) -> None:
    """Add an export format: `writer` turns a snapshot of the map into the text it writes."""
    if name in FORMATS:
        raise ExportError(f"export format {name!r} is already known")
    WRITERS[name] = writer
    FORMATS.append(name)


def export(store: Store, format: str, out: str | Path | IO[str] | None = None, as_of: str | dt.date | None = None,
           entity: str | None = None, depth: int | None = None, clock: str | dt.datetime | None = None,
           min_confidence: float | None = None) -> Snapshot:
    """Write the map (or its state on `as_of`, or the ties within `depth` of `entity`) in `format`.

    `out` is a file path, an open text stream, or None for stdout; for csv it is a folder (created if
    needed) that receives entities.csv, ties.csv and evidence.csv. `clock` stamps STIX objects
    (default: $SOURCE_DATE_EPOCH, else the store's latest ingest time). Returns what was exported.
    """
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if depth is not None and entity is None:
        raise ExportError("--depth needs --entity: the depth counts ties away from that entity")
    if depth is not None and depth < 1:
        raise ExportError(f"--depth {depth}: give 1 or more")
    snap = load(store, as_of=as_of, entity=entity, depth=depth, clock=clock, min_confidence=min_confidence)
    if format == "csv":
        if out is None or not isinstance(out, (str, Path)):
            raise ExportError("csv writes three files (entities.csv, ties.csv, evidence.csv): give -o FOLDER")
        folder = Path(out)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name, text in tables.csv_files(snap).items():
                (folder / name).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"cannot write {folder}: {exc.strerror}") from None
        return snap
    text = WRITERS[format](snap)
    if out is None:
        sys.stdout.write(text)
    elif isinstance(out, (str, Path)):
        try:
            Path(out).write_text(text, encoding="utf-8", newline="")
        except OSError as exc:
            raise ExportError(f"cannot write {out}: {exc.strerror}") from None
    else:
        out.write(text)
    return snap


__all__ = ["FORMATS", "ImportReport", "Snapshot", "export", "import_stix", "register_exporter"]
