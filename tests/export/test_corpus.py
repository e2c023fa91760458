"""The sample corpus, built by the real pipeline, exports a bundle stix2-validator accepts; and the
export is the same bytes whatever the process's hash seed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap import build
from factionmap.export import import_stix, stix
from factionmap.export.source import load
from factionmap.export.validate import validate
from factionmap.store import Store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "samples" / "corpus"


@pytest.fixture(scope="module")
def corpus_bundle(tmp_path_factory) -> str:
    if not CORPUS.is_dir() or not any(CORPUS.iterdir()):
        pytest.skip("samples/corpus is empty")
    store = Store(tmp_path_factory.mktemp("corpus") / "corpus.db")
    report = build(store, [str(CORPUS)])
    assert report.extracted > 0 and not report.errors
    text = stix.to_json(load(store, clock="2024-01-31T00:00:00Z"))
    store.close()
    return text


def test_sample_corpus_bundle_validates(corpus_bundle):
    default = validate(corpus_bundle)
    assert default.valid and default.errors == []
    assert set(default.warning_codes) <= {"103", "202", "223"}  # documented in docs/exports.md
    strict = validate(corpus_bundle, strict=True)
    assert strict.valid and strict.errors == [], strict.errors[:5]
    types = {o["type"] for o in json.loads(corpus_bundle)["objects"]}
    assert {"threat-actor", "relationship", "report", "location"} <= types


def test_sample_corpus_bundle_imports_back(corpus_bundle, tmp_path):
    (tmp_path / "corpus.json").write_text(corpus_bundle, encoding="utf-8")
    target = Store(tmp_path / "again.db")
    report = import_stix(target, tmp_path / "corpus.json")
    assert report.skipped == []
    relationships = sum(o["type"] == "relationship" for o in json.loads(corpus_bundle)["objects"])
    assert report.relationships == relationships


SCRIPT = """
import sys
from tests.export.fixture_store import CLOCK, build_fixture_store
from factionmap.export import network, stix
from factionmap.export.source import load
snap = load(build_fixture_store(sys.argv[1]), clock=CLOCK)
sys.stdout.write(stix.to_json(snap) + network.graphml(snap) + network.gexf(snap))
"""


def test_exports_do_not_depend_on_the_hash_seed(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / f"s{seed}.db")], cwd=ROOT, env=env,
                              capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
