"""Training on the tiny corpus of tests/fixtures/train: it learns, deterministically, and the model
it writes is what extraction then uses."""
from __future__ import annotations

import json

from factionmap.extract.pipeline import build_pipeline
from factionmap.extract.kb import load_kb
from factionmap.extract.scoring import training
from factionmap.extract.scoring.model import load_model
from factionmap.model import Document

from .conftest import FIXTURES


def test_cross_validation_holds_out_whole_documents(tiny_data):
    folds = training.folds_of([d.name for d in tiny_data], 3)
    assert set(folds.values()) == {0, 1, 2}
    cv = training.cross_validate(tiny_data, k=3)
    assert {r["doc"] for r in cv.rows} <= {d.name for d in tiny_data}
    assert len(cv.correct) == len(cv.rows) and any(cv.correct)


def test_the_trained_model_finds_the_ties_of_an_unseen_document(tiny_data, tmp_path):
    model, report = training.train(tiny_data, folds=3, min_precision=0.5)
    model.save(tmp_path / "m")
    pipeline = build_pipeline(load_kb(FIXTURES / "kb"), model=load_model(tmp_path / "m"), version="test")
    text = ("The Golden Plains Front pledged allegiance to the Southern Renewal Army in 2019. "
            "The Golden Plains Front fought the Canal Guard Brigades near Vesna. "
            "Reporters in Vesna met the Canal Guard Brigades.")
    ex = pipeline(Document(text=text))
    found = {(a.subject.name, a.relation, a.object.name) for a in ex.assertions}
    assert ("Golden Plains Front", "allegiance_to", "Southern Renewal Army") in found
    assert ("Golden Plains Front", "operates_in", "Vesna") in found
    assert ("Canal Guard Brigades", "operates_in", "Vesna") not in found  # the third sentence states nothing
    assert all(a.confidence is not None and 0 <= a.confidence <= 1 for a in ex.assertions)
    assert report["documents"] == 6 and report["gold_ties"] == 18


def test_training_twice_gives_the_same_model(tiny_data, tmp_path):
    for name in ("a", "b"):
        model, _ = training.train(tiny_data, folds=3)
        model.save(tmp_path / name)
    meta = [json.loads((tmp_path / n / "meta.json").read_text()) for n in ("a", "b")]
    for m in meta:  # how long it took differs from run to run; nothing else may
        m.pop("fit_seconds"), m.pop("cv_seconds")
    assert meta[0] == meta[1]
    files = sorted(p.name for p in (tmp_path / "a").iterdir() if p.name != "meta.json")
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir() if p.name != "meta.json")
    for f in files:  # the weights or the trees, and the vocabulary
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_the_threshold_keeps_a_standard_error_off_the_precision_floor():
    from factionmap.extract.scoring.training import choose_threshold

    def point(threshold, tp, fp, fn=500):
        p, r = tp / (tp + fp), tp / (tp + fn)
        return {"threshold": threshold, "precision": p, "recall": r, "f1": 2 * p * r / (p + r), "tp": tp, "fp": fp}

    edge = point(0.60, 401, 99)    # precision 0.802 on 500 ties: its standard error is 0.018
    clear = point(0.70, 340, 60)   # precision 0.850 on 400 ties: 0.850 - 0.018 stays above 0.80
    curve = [edge, clear]
    assert choose_threshold(curve, 0.80, margin=0.0)["threshold"] == 0.60  # the best F1 at the floor itself
    assert choose_threshold(curve, 0.80)["threshold"] == 0.70  # the default asks for a standard error to spare
    assert choose_threshold([edge], 0.80)["threshold"] == 0.60  # none sure: the most precise point
