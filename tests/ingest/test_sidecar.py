"""Sidecars: `<file>.meta.json` supplies or overrides metadata; bad keys are errors."""
from __future__ import annotations

import json
import shutil

import pytest

from factionmap.errors import IngestError
from factionmap.ingest import iter_documents, read_file
from factionmap.model import SourceKind

from .conftest import FIXTURES


def test_sidecar_overrides_what_the_text_gives():
    doc = read_file(FIXTURES / "sidecar_target.txt")[0]
    assert doc.title == "Bay Islands Militia: notes"  # the text's own title line says "Notes on ..."
    assert (doc.author, doc.publisher, doc.published) == ("Test Desk", "Example Library", "2020-03")
    assert doc.source_kind is SourceKind.ENCYCLOPEDIA
    assert doc.url == "https://library.example.org/bim"


def test_unknown_key_names_the_sidecar_and_the_key(tmp_path):
    target = tmp_path / "a.txt"
    target.write_text("A Title\n\nSome fictional prose.\n")
    (tmp_path / "a.txt.meta.json").write_text(json.dumps({"title": "T", "autor": "typo"}))
    with pytest.raises(IngestError, match=r"a\.txt\.meta\.json: unknown metadata key 'autor'"):
        read_file(target)


def test_invalid_sidecar_json_names_the_line(tmp_path):
    target = tmp_path / "b.txt"
    target.write_text("Some fictional prose.\n")
    (tmp_path / "b.txt.meta.json").write_text('{\n  "title": "T",\n  oops\n}')
    with pytest.raises(IngestError, match=r"b\.txt\.meta\.json: line 3: invalid JSON"):
        read_file(target)


def test_for_jsonl_the_sidecar_only_fills_gaps(tmp_path):
    target = tmp_path / "r.jsonl"
    shutil.copy(FIXTURES / "records.jsonl", target)
    (tmp_path / "r.jsonl.meta.json").write_text(json.dumps({"publisher": "Sidecar Wire", "source_kind": "news"}))
    docs = read_file(target)
    assert [d.publisher for d in docs] == ["Example Wire", "Sidecar Wire", "Sidecar Wire"]
    assert all(d.source_kind is SourceKind.NEWS for d in docs)


def test_sidecars_are_not_documents(tmp_path):
    shutil.copy(FIXTURES / "sidecar_target.txt", tmp_path)
    shutil.copy(FIXTURES / "sidecar_target.txt.meta.json", tmp_path)
    docs = list(iter_documents([tmp_path]))
    assert [d.title for d in docs] == ["Bay Islands Militia: notes"]
    assert list(iter_documents([tmp_path / "sidecar_target.txt.meta.json"])) == []
    with pytest.raises(IngestError, match="sidecar metadata file, not a document"):
        read_file(tmp_path / "sidecar_target.txt.meta.json")
