"""Fixtures for the extractor's tests: a tiny KB (tests/fixtures/kb) and one shared pipeline."""
from __future__ import annotations

from pathlib import Path

import pytest

from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import build_pipeline
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
