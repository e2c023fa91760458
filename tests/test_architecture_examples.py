"""docs/ARCHITECTURE.md's "How to add ..." recipes run as written: each is a worked example, so the
documentation stays true. The registries they extend are put back after each."""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from factionmap import lang, relations
from factionmap.ingest import detect

export = importlib.import_module("factionmap.export")  # the package, not the function factionmap.export
ingest = importlib.import_module("factionmap.ingest")

DOC = Path(__file__).resolve().parents[1] / "docs" / "ARCHITECTURE.md"
RECIPES = ("a frame", "a relation", "a language", "a reader", "an exporter", "a knowledge source")


def recipes() -> dict[str, str]:
    text = DOC.read_text(encoding="utf-8")
    found = {}
    for m in re.finditer(r"^### How to add (.+?)\n(.*?)^```python\n(.*?)^```", text, re.S | re.M):
        found[m.group(1)] = m.group(3)
    return found


def test_every_recipe_is_there():
    assert sorted(recipes()) == sorted(RECIPES)


@pytest.fixture
def registries(monkeypatch):
    """Whatever a recipe registers is taken off again (the tables are put back in place: consumers
    hold these very objects)."""
    saved = []
    for module, names in ((relations, ["RELATIONS", "SCORED", "SYMMETRIC", "LINEAGE", "ENDS", "INFOBOX_FIELDS",
                                       "PARTITIVE_OK", "STIX_TYPES"]),
                          (ingest, ["READERS"]), (detect, ["FORMATS", "EXTENSIONS"]),
                          (export, ["WRITERS", "FORMATS"])):
        for name in names:
            table = getattr(module, name)
            saved.append((table, table.copy()))
    monkeypatch.setattr(lang, "LANG_DIR", lang.LANG_DIR)
    yield
    for table, before in saved:
        table.clear()
        if isinstance(table, list):
            table.extend(before)
        else:
            table.update(before)


@pytest.mark.parametrize("what", RECIPES)
def test_the_recipe_runs(what, tmp_path, registries):
    code = recipes()[what]
    exec(compile(code, f"ARCHITECTURE.md: how to add {what}", "exec"), {"tmp": str(tmp_path)})


def test_a_registered_relation_is_taken_off_again():
    assert "funds" not in relations.RELATIONS and "srt" not in ingest.READERS and "lines" not in export.FORMATS
