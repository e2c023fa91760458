"""Building a store: resumable, parallel, and a failing document does not stop the others."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factionmap import builder
from factionmap.errors import ExtractionError
from factionmap.extract import pipeline as pipeline_module
from factionmap.store import Store

CORPUS = Path(__file__).parent / "fixtures" / "cli" / "corpus"


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("northern-front.txt", "river-brigades.txt"):
        shutil.copy(CORPUS / name, folder / name)
    return folder


def summary(store: Store) -> list[tuple]:
    return sorted((a.subject.name, a.relation, a.object.name, a.stance.value) for a in store.assertions())


def test_parallel_build_gives_the_same_store(corpus, tmp_path):
    one = Store(tmp_path / "one.db")
    two = Store(tmp_path / "two.db")
    builder.build(one, [str(corpus)], jobs=1)
    report = builder.build(two, [str(corpus)], jobs=2)
    assert report.extracted == 2
    assert summary(one) == summary(two) and summary(one)


def test_an_interrupted_build_resumes(corpus, tmp_path):
    store = Store(tmp_path / "s.db")
    builder.build(store, [str(corpus / "northern-front.txt")])
    report = builder.build(store, [str(corpus)])
    assert (report.added, report.unchanged, report.extracted) == (1, 1, 1)


def test_a_new_extractor_version_re_extracts(corpus, tmp_path):
    store = Store(tmp_path / "s.db")
    frames_only = pipeline_module.ExtractorConfig(model_dir="none")
    builder.build(store, [str(corpus)], extractor=frames_only)
    assert builder.build(store, [str(corpus)], extractor=frames_only).extracted == 0
    # another relation model (here: the packaged one instead of none) is another extractor version
    assert pipeline_module.get_pipeline(frames_only).version != pipeline_module.default_pipeline().version
    report = builder.build(store, [str(corpus)])
    assert report.extracted == 2 and report.unchanged == 0


def test_a_failing_document_is_reported_and_the_rest_stored(corpus, tmp_path, monkeypatch):
    real = pipeline_module.default_pipeline()

    class Flaky:
        version = real.version

        def __call__(self, doc):
            if "River Brigades" in doc.text:
                raise ExtractionError(f"{doc.path}: stage 'relations' failed: boom")
            return real(doc)

    monkeypatch.setattr(pipeline_module, "get_pipeline", lambda config=None: Flaky())
    store = Store(tmp_path / "s.db")
    seen = []
    report = builder.build(store, [str(corpus)], on_error=seen.append)
    assert report.extracted == 1 and len(report.errors) == 1
    assert "river-brigades.txt" in str(seen[0])
    titles = [d["title"] for d in store.documents()]
    assert "Northern Liberation Front" in titles
    river = [d for d in store.documents() if d["title"] == "River Brigades"]
    assert river and river[0]["extractor_version"] is None  # stored, to be tried again
