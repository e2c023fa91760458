"""samples/gold.jsonl, the hand annotation of the sample corpus, is well-formed.

Checks the annotation only (the extractor is not run): every line loads with the scorer's own
`load_gold`, every document it names is a file of samples/corpus/, every quote occurs (whitespace
normalised) in the stored text of that document as `factionmap.ingest.read_file` gives it, and no tie
is listed twice in a document.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from factionmap.evaluate import load_gold, to_tie
from factionmap.ingest import read_file

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "samples" / "gold.jsonl"
CORPUS = ROOT / "samples" / "corpus"


def _squash(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=None)
def stored_text(name: str) -> str:
    """Every record of the file (a JSON Lines file holds several), whitespace-normalised."""
    return "\n".join(_squash(document.text) for document in read_file(CORPUS / name))


ROWS = load_gold(GOLD)


def test_gold_loads_and_is_not_empty():
    assert len(ROWS) > 100


@pytest.mark.parametrize("number, row", [pytest.param(n, r, id=f"line{n}") for n, r in enumerate(ROWS, 1)])
def test_row_points_at_its_document(number, row):
    path = CORPUS / row["doc"]
    assert path.is_file() and path.parent == CORPUS, f"line {number}: no document {row['doc']!r} in samples/corpus"
    quote = _squash(row.get("quote") or "")
    assert quote, f"line {number}: empty quote"
    assert quote in stored_text(row["doc"]), f"line {number}: quote not in {row['doc']}: {quote!r}"


def test_every_corpus_document_is_annotated():
    documents = {p.name for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md"
                 and not p.name.endswith(".meta.json")}
    assert documents == {row["doc"] for row in ROWS}


def test_no_tie_listed_twice_in_a_document():
    seen: dict = {}
    for number, row in enumerate(ROWS, 1):
        tie = to_tie(row)
        key = (*tie.key, tie.stance)  # a tie may be given once per stance (asserted, reported)
        assert key not in seen, f"line {number} repeats line {seen[key]}: {key}"
        seen[key] = number
