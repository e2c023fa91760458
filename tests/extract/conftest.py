"""Fixtures for the extractor's tests: a tiny KB (tests/fixtures/kb) and one shared pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
from factionmap.extract.ties import frame_candidates
from factionmap.model import Document

KB_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "kb"


@pytest.fixture(scope="session")
def kb():
    return load_kb(KB_DIR)


@pytest.fixture(scope="session")
def pipeline(kb):
    return build_pipeline(kb)


@pytest.fixture(scope="session")
def ties(pipeline):
    """ties(text) -> {(subject, relation, object, stance)} for a text, plus the Extraction itself."""
    def run(text: str, title: str | None = None):
        ex = pipeline(Document(text=text, title=title))
        return {(a.subject.name, a.relation, a.object.name, a.stance.value) for a in ex.assertions}, ex
    return run


@pytest.fixture(scope="session")
def frame_reads(pipeline):
    """frame_reads(text, relations) -> {(subject text, relation, object text)}: what the frames alone read,
    all of them tried together as extraction does, for the relations asked."""
    def run(text: str, relations) -> set[tuple[str, str, str]]:
        ann = pipeline.annotate(Document(text=text))
        return {(ann.text[c.subject.start:c.subject.end], c.relation, ann.text[c.object.start:c.object.end])
                for c in frame_candidates(ann) if c.relation in relations}
    return run
