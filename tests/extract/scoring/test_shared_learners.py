"""The learners that share strength across relations (`scoring.learners`, kinds "backoff" and
"twostage"): a rare relation borrows from its family, the two stages score as gate x relation, both
rank a separable set of rows right, and both save to weights.npz and load with the same scores."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import csr_matrix

from factionmap.extract.scoring import training
from factionmap.extract.scoring.labels import INDEX, TARGETS
from factionmap.extract.scoring.learners import Learner, fit_backoff, fit_linear, fit_twostage
from factionmap.extract.scoring.model import RelationModel, load_model
from factionmap.model import Document

RNG_SEED = 11


def _rows(n: int, informative: int, positive: np.ndarray) -> csr_matrix:
    """n rows over 40 binary columns: column `informative` set exactly on the positive rows, five
    noise columns per row drawn with a fixed seed."""
    rng = np.random.default_rng(RNG_SEED + informative)
    dense = np.zeros((n, 40), dtype=np.float32)
    for i in range(n):
        dense[i, rng.choice(np.arange(10, 40), size=5, replace=False)] = 1.0
    dense[positive, informative] = 1.0
    return csr_matrix(dense)


def test_a_rare_relation_borrows_its_familys_evidence_under_backoff():
    # split_from> (lineage>) with many examples, merged_into> (lineage>) with two: column 3 states both
    frequent, rare = INDEX["split_from>"], INDEX["merged_into>"]
    y_freq = (np.arange(300) % 3 == 0).astype(np.int8)
    y_rare = np.zeros(300, dtype=np.int8)
    y_rare[[0, 150]] = 1
    x = _rows(600, 3, np.concatenate([y_freq, y_rare]).astype(bool))
    jobs = {frequent: (np.arange(300), y_freq, np.ones(300)), rare: (np.arange(300, 600), y_rare, np.ones(300))}
    w, b = fit_backoff(x, jobs, TARGETS, Learner(kind="backoff", c=1.0))
    alone, _, _ = fit_linear(x[300:], y_rare, np.ones(300), Learner(c=1.0), ["d"] * 300)
    assert w[3, rare] > alone[3] + 0.5, (w[3, rare], alone[3])
    assert w[3, frequent] > 1.0
    untrained = INDEX["opposes="]
    assert b[untrained] == -12.0 and not w[:, untrained].any()


@pytest.mark.parametrize("kind", ["backoff", "twostage"])
def test_a_separable_set_of_rows_is_ranked_right(kind):
    t = INDEX["ally_of="]
    y = (np.arange(200) % 4 == 0).astype(np.int8)
    x = _rows(200, 2, y.astype(bool))
    if kind == "backoff":
        w, b = fit_backoff(x, {t: (np.arange(200), y, np.ones(200))}, TARGETS, Learner(kind="backoff", c=1.0))
        model = RelationModel({f"f{i}": i for i in range(40)}, w, b)
    else:
        other = INDEX["opposes="]
        which = np.where(y == 1)[0]
        labels = np.where(np.arange(len(which)) % 2 == 0, t, other)  # half the ties one relation, half the other
        x = x.tolil()
        x[which[labels == other], 4] = 1.0  # column 4 says which
        x = x.tocsr()
        g, gb, w, b = fit_twostage(x, np.arange(200), y, np.ones(200), which, labels, np.ones(len(which)),
                                   len(TARGETS), Learner(kind="twostage", c=1.0))
        model = RelationModel({f"f{i}": i for i in range(40)}, w, b, gate=(g, gb))
    feats = [[f"f{j}" for j in row.indices] for row in x]
    raw = model.scores(feats, [("G", "G")] * 200)
    tie_rows = y == 1
    if kind == "twostage":
        assert (raw.sum(axis=1) <= 1.0 + 1e-6).all()  # gate x a share of it
        ally = tie_rows & ~np.isin(np.arange(200), which[labels == other])
        assert raw[ally, t].min() > raw[~ally, t].max()
        assert raw[~tie_rows].sum(axis=1).max() < raw[tie_rows].sum(axis=1).min()
    else:
        assert raw[tie_rows, t].min() > raw[~tie_rows, t].max()


# Invented groups; in each document one wording states an alliance and one states none.
GROUPS = [("Amber Coast Front", "Granite Hills Brigades"), ("Silver Lake Movement", "Cedar Valley Battalion"),
          ("Iron Bridge Front", "Salt Marsh Brigades"), ("Copper Ridge Movement", "Pine Forest Battalion"),
          ("Willow Creek Front", "Stone Gate Brigades"), ("Red Canyon Movement", "Blue Harbour Battalion")]


@pytest.fixture(scope="module")
def small_data(frames_pipeline):
    docs, gold = [], []
    for i, (a, b) in enumerate(GROUPS):
        c, d = GROUPS[(i + 1) % len(GROUPS)]
        tie = f"The {a} formed an alliance with the {b} in {2001 + i}"
        text = f"{tie}. The {c} issued a statement on the {d} in {2002 + i}."
        docs.append((f"doc{i}.txt", Document(text=text)))
        gold.append({"doc": f"doc{i}.txt", "subject": [a], "relation": "ally_of", "object": [b],
                     "start": str(2001 + i), "end": None, "stance": "asserted", "quote": tie})
    return training.prepare(docs, gold, frames_pipeline)


@pytest.mark.parametrize("kind", ["backoff", "twostage"])
def test_the_shared_learners_save_and_load_with_the_same_scores(small_data, tmp_path, kind):
    model = training.fit(small_data, learner=Learner(kind=kind, c=1.0), min_count=1)
    model.save(tmp_path / "m")
    assert (tmp_path / "m" / "weights.npz").is_file() and not (tmp_path / "m" / "trees.txt").exists()
    again = load_model(tmp_path / "m")
    assert again.meta["learner"]["kind"] == kind and again.version == model.version
    assert (again.gate is not None) == (kind == "twostage")
    feats = [f for d in small_data for f in d.feats]
    kinds = [k for d in small_data for k in d.kinds]
    before, after = model.scores(feats, kinds), again.scores(feats, kinds)
    assert before.max() > 0.5
    assert np.allclose(before, after, atol=2e-3)  # weights are stored as float16
    again.save(tmp_path / "m2")
    assert (tmp_path / "m2" / "weights.npz").read_bytes() == (tmp_path / "m" / "weights.npz").read_bytes()


def test_train_offers_every_preset_learner():
    from factionmap.cli.train_command import train
    from factionmap.extract.scoring.learners import PRESETS

    option = next(p for p in train.params if p.name == "learner")
    assert sorted(option.type.choices) == sorted(PRESETS)
