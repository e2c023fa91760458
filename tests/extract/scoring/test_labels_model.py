"""Gold alignment, the model's type rules, saving and loading, calibration."""
from __future__ import annotations

import json

import numpy as np
import pytest

from factionmap.errors import ConfigError
from factionmap.extract.ties import frame_candidates
from factionmap.extract.scoring.labels import INDEX, TARGETS, gold_ties, label_pairs, target
from factionmap.extract.scoring.model import Calibration, RelationModel, allowed, load_model
from factionmap.extract.scoring.pairs import candidate_pairs
from factionmap.extract.scoring.training import fit_calibration, reliability

TEXT = ("The River Brigades pledged allegiance to the Eastern Salvation Army in 2015. "
        "Later the River Brigades and the Eastern Salvation Army held a joint parade.")


def _gold(quote, review=None):
    row = {"doc": "d.txt", "subject": ["River Brigades"], "relation": "allegiance_to",
           "object": ["Eastern Salvation Army"], "stance": "asserted", "quote": quote}
    if review:
        row["review"] = review
    return row


def _labels(annotate, rows):
    ann = annotate(TEXT)
    pairs = candidate_pairs(ann, frame_candidates(ann))
    labels = label_pairs(ann, pairs, gold_ties(rows, ann.text))
    return {(ann.sentence_at(p.a.start), ann.text[p.a.start:p.a.end], ann.text[p.b.start:p.b.end]): lab
            for p, lab in zip(pairs, labels)}


def test_the_quoted_sentence_is_positive_and_a_restatement_is_left_out(annotate):
    labels = _labels(annotate, [_gold("pledged allegiance to the Eastern Salvation Army")])
    t = target("allegiance_to", True)
    assert labels[(0, "River Brigades", "Eastern Salvation Army")][t] == 1
    assert labels[(1, "River Brigades", "Eastern Salvation Army")][t] == -1  # same ends, elsewhere: a maybe


def test_a_rejected_reading_is_a_negative_even_over_an_annotation(annotate):
    quote = "pledged allegiance to the Eastern Salvation Army"
    labels = _labels(annotate, [_gold(quote), _gold(quote, review="rejected")])
    assert labels[(0, "River Brigades", "Eastern Salvation Army")][target("allegiance_to", True)] == 0


@pytest.mark.parametrize("t, kinds, ok", [
    ("leader_of>", ("P", "G"), True), ("leader_of>", ("G", "P"), False), ("leader_of<", ("G", "P"), True),
    ("operates_in>", ("G", "L"), True), ("operates_in>", ("P", "L"), False), ("operates_in>", ("G", "S"), True),
    ("opposes=", ("G", "L"), False), ("opposes=", ("S", "G"), True), ("designated_by>", ("G", "S"), True),
])
def test_type_rules(t, kinds, ok):
    assert allowed(t, *kinds) is ok


def _model():
    vocab = {"BW:pledged": 0, "K:GG": 1}
    w = np.zeros((2, len(TARGETS)), dtype=np.float32)
    w[0, INDEX["allegiance_to>"]] = 4.0
    b = np.full(len(TARGETS), -2.0, dtype=np.float32)
    return RelationModel(vocab, w, b, threshold=0.4, calibration=Calibration({"model": ([0, 1], [0, 0.9])}))


def test_a_saved_model_loads_with_the_same_scores_and_digest(tmp_path):
    m = _model()
    m.save(tmp_path / "m")
    again = load_model(tmp_path / "m")
    feats, kinds = [["BW:pledged", "K:GG", "unknown"], ["K:GG"]], [("G", "G"), ("G", "L")]
    assert np.allclose(m.scores(feats, kinds), again.scores(feats, kinds), atol=1e-3)
    assert again.version == m.version and again.threshold == 0.4
    assert again.calibration(1.0) == pytest.approx(0.9)
    m.save(tmp_path / "m2")
    assert json.loads((tmp_path / "m2" / "meta.json").read_text())["digest"] == m.meta["digest"]
    # the kinds decide what may be scored at all: no pledge to a place
    assert again.scores([["BW:pledged"]], [("G", "L")])[0, INDEX["allegiance_to>"]] == 0


def test_a_folder_without_a_model_says_so(tmp_path):
    with pytest.raises(ConfigError, match="meta.json is missing"):
        load_model(tmp_path)


def test_calibration_per_group_and_its_error():
    scores = [0.1] * 50 + [0.9] * 50 + [0.1] * 60
    correct = [False] * 45 + [True] * 5 + [True] * 45 + [False] * 5 + [True] * 48 + [False] * 12
    groups = ["model"] * 100 + ["frame"] * 60
    cal = fit_calibration(scores, correct, groups)
    assert cal(0.1, "model") == pytest.approx(0.1, abs=0.02)
    assert cal(0.1, "frame") == pytest.approx(0.8, abs=0.02)  # frames are right more often than their score says
    probs = [cal(s, g) for s, g in zip(scores, groups)]
    ece, table = reliability(probs, correct)
    assert ece < 0.02 and sum(r["n"] for r in table) == len(scores)
    ece_raw, _ = reliability(scores, correct)
    assert ece_raw > 0.2
