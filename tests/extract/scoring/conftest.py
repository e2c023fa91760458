"""Fixtures for the relation scorer: a frames-only pipeline on the tests' small KB, and the tiny
training corpus of tests/fixtures/train (invented text)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.model import Document

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TRAIN = FIXTURES / "train"


@pytest.fixture(scope="session")
def frames_pipeline():
    return build_pipeline(load_kb(FIXTURES / "kb"))


@pytest.fixture(scope="session")
def annotate(frames_pipeline):
    def run(text: str, title: str | None = None):
        return frames_pipeline.annotate(Document(text=text, title=title))
    return run


@pytest.fixture(scope="session")
def tiny_corpus():
    from factionmap.ingest import read_file

    gold = [json.loads(line) for line in (TRAIN / "gold.jsonl").read_text().splitlines() if line.strip()]
    docs = [(p.name, read_file(p)[0]) for p in sorted((TRAIN / "docs").glob("*.txt"))]
    return docs, gold


@pytest.fixture(scope="session")
def tiny_data(tiny_corpus, frames_pipeline):
    from factionmap.extract.scoring import training

    docs, gold = tiny_corpus
    return training.prepare(docs, gold, frames_pipeline)
