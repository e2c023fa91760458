"""Walking inputs: folders recursively and sorted, globs, hidden files and sidecars skipped, errors reported."""
from __future__ import annotations

import os

import pytest

from factionmap.errors import IngestError, UnsupportedFormat
from factionmap.ingest import expand_inputs, iter_documents


@pytest.fixture
def tree(tmp_path):
    for rel, text in {
        "b.txt": "B Title\n\nSome fictional prose.\n",
        "a.md": "# A Title\n\nMore fictional prose.\n",
        "sub/c.txt": "C Title\n\nEven more prose.\n",
        "sub/deeper/d.jsonl": '{"text": "One record."}\n',
        ".hidden.txt": "Hidden\n",
        ".git/config.txt": "Hidden folder\n",
        "README.md": "# About this folder\n",
        "b.txt.meta.json": '{"author": "Side Car"}',
    }.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def test_folder_is_walked_recursively_in_sorted_order(tree):
    files = expand_inputs([str(tree)])
    assert [os.path.relpath(f, tree) for f in files] == ["a.md", "b.txt", "sub/c.txt", "sub/deeper/d.jsonl"]
    assert all(f.startswith(str(tree)) for f in files)  # the form given is kept


def test_globs_and_duplicates(tree):
    files = expand_inputs([str(tree / "**" / "*.txt"), str(tree / "b.txt")])
    assert [os.path.relpath(f, tree) for f in files] == ["b.txt", "sub/c.txt"]


def test_explicit_hidden_file_is_read(tree):
    assert expand_inputs([str(tree / ".hidden.txt")]) == [str(tree / ".hidden.txt")]


def test_missing_path_and_empty_glob_are_errors(tree):
    with pytest.raises(IngestError, match=r"missing\.txt: no such file or folder"):
        expand_inputs([str(tree / "missing.txt")])
    errors: list[IngestError] = []
    files = expand_inputs([str(tree / "*.pdf"), str(tree / "a.md")], on_error=errors.append)
    assert files == [str(tree / "a.md")]
    assert [e.reason for e in errors] == ["no files match this pattern"]


def test_one_bad_file_is_reported_and_skipped(tree):
    (tree / "sub" / "bad.txt").write_bytes(b"\x00\x01 not text")
    (tree / "sub" / "image.png").write_bytes(b"\x89PNG\r\n")
    errors: list[IngestError] = []
    docs = list(iter_documents([str(tree), str(tree / "gone.md")], on_error=errors.append))
    assert [d.title for d in docs] == ["A Title", "B Title", "C Title", None]
    assert docs[1].author == "Side Car"  # the sidecar applied
    assert [os.path.basename(e.path) for e in errors] == ["bad.txt", "image.png", "gone.md"]
    assert isinstance(errors[1], UnsupportedFormat)
    assert "binary content" in errors[0].reason


def test_without_a_callback_the_first_error_is_raised(tree):
    (tree / "a.md").write_bytes(b"\xff\xfe\x00")
    with pytest.raises(IngestError):
        list(iter_documents(str(tree)))


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(IngestError, match="the folder holds no files to read"):
        expand_inputs([tmp_path / "empty"])
