"""Golden files: each format, exported from the fixture store with the frozen clock, byte for byte.

Regenerate after a deliberate change with FACTIONMAP_REGEN_GOLDEN=1 and review the diff.
"""
from __future__ import annotations

import os

import pytest

from factionmap.export import export
from tests.export.fixture_store import CLOCK, FIXTURES

GOLDEN = FIXTURES / "golden"
FILES = {"stix": "bundle.json", "graphml": "map.graphml", "gexf": "map.gexf", "jsonl": "map.jsonl"}
CSV = ("entities.csv", "ties.csv", "evidence.csv")


def _check(produced, name: str) -> None:
    golden = GOLDEN / name
    if os.environ.get("FACTIONMAP_REGEN_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(produced.read_bytes())
    assert produced.read_bytes() == golden.read_bytes(), f"{name} differs from its golden file"


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_format_matches_golden_file(store, tmp_path, fmt):
    out = tmp_path / FILES[fmt]
    export(store, fmt, out, clock=CLOCK)
    _check(out, FILES[fmt])


def test_csv_matches_golden_files(store, tmp_path):
    export(store, "csv", tmp_path / "csv", clock=CLOCK)
    for name in CSV:
        _check(tmp_path / "csv" / name, name)
