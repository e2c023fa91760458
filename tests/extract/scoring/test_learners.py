"""The learners of the relation scorer (`scoring.learners`): the boosted trees and the tuned linear
model train deterministically, save and load with the same scores, and learn from a small corpus
written here that a wording states a tie and another does not."""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from factionmap.extract.scoring import training
from factionmap.extract.scoring.labels import INDEX
from factionmap.extract.scoring.learners import Learner, inner_folds
from factionmap.extract.scoring.model import load_model
from factionmap.model import Document

BOOSTED = Learner(kind="boosted", leaves=4, rate=0.2, rounds=30, min_child=2)
TUNED = Learner(kind="linear", c_grid=(0.1, 1.0, 10.0))
BACKOFF = Learner(kind="backoff", c=1.0)
TWOSTAGE = Learner(kind="twostage", c=1.0, c_which=1.0)

# Invented groups and towns; in each document one wording states an alliance and one states none.
GROUPS = [("Amber Coast Front", "Granite Hills Brigades"), ("Silver Lake Movement", "Cedar Valley Battalion"),
          ("Iron Bridge Front", "Salt Marsh Brigades"), ("Copper Ridge Movement", "Pine Forest Battalion"),
          ("Willow Creek Front", "Stone Gate Brigades"), ("Red Canyon Movement", "Blue Harbour Battalion"),
          ("North Dune Front", "White Cliff Brigades"), ("Oak Plain Movement", "Grey Rock Battalion")]
STATES = ["formed an alliance with", "signed a mutual defence pact with", "joined forces with"]
NOTHING = ["published a report about", "was mentioned in a newspaper beside", "issued a statement on"]


def _corpus():
    docs, gold = [], []
    for i, (a, b) in enumerate(GROUPS):
        c, d = GROUPS[(i + 1) % len(GROUPS)]
        tie = f"The {a} {STATES[i % 3]} the {b} in {2001 + i}"
        text = f"{tie}. The {c} {NOTHING[i % 3]} the {d} in {2002 + i}. The weather was mild that year."
        name = f"doc{i}.txt"
        docs.append((name, Document(text=text)))
        gold.append({"doc": name, "subject": [a], "relation": "ally_of", "object": [b], "start": str(2001 + i),
                     "end": None, "stance": "asserted", "quote": tie})
    return docs, gold


@pytest.fixture(scope="module")
def own_data(frames_pipeline):
    docs, gold = _corpus()
    return training.prepare(docs, gold, frames_pipeline)


def _ally(model, ann, text_pair):
    from factionmap.extract.scoring.pairs import candidate_pairs
    from factionmap.extract.scoring.scorer import pair_features
    from factionmap.extract.ties import frame_candidates

    pairs = candidate_pairs(ann, frame_candidates(ann))
    feats, kinds = pair_features(ann, pairs)
    raw = model.scores(feats, kinds)
    names = [(ann.text[p.a.start:p.a.end], ann.text[p.b.start:p.b.end]) for p in pairs]
    hits = [raw[i, INDEX["ally_of="]] for i, n in enumerate(names) if n == text_pair]
    assert hits, f"no candidate pair {text_pair} among {names}"
    return max(hits)


@pytest.mark.parametrize("learner", [BOOSTED, TUNED, BACKOFF, TWOSTAGE],
                         ids=["boosted", "linear-tuned", "backoff", "twostage"])
def test_a_corpus_written_here_teaches_which_wording_states_a_tie(own_data, frames_pipeline, learner):
    model = training.fit(own_data, learner=learner, min_count=1)
    ann = frames_pipeline.annotate(Document(text=(
        "The Maple Shore Front formed an alliance with the Quartz Valley Brigades in 2015. "
        "The Dusk River Movement published a report about the Frost Peak Battalion in 2016.")))
    yes = _ally(model, ann, ("Maple Shore Front", "Quartz Valley Brigades"))
    no = _ally(model, ann, ("Dusk River Movement", "Frost Peak Battalion"))
    assert yes > 0.5 > no, (yes, no)


def test_boosted_trees_save_and_load_with_the_same_scores(own_data, tmp_path):
    model = training.fit(own_data, learner=BOOSTED, min_count=1)
    assert model.trees, "no target was trained"
    model.save(tmp_path / "m")
    assert (tmp_path / "m" / "trees.txt").is_file() and not (tmp_path / "m" / "weights.npz").exists()
    again = load_model(tmp_path / "m")
    assert again.meta["learner"]["kind"] == "boosted" and again.version == model.version
    feats = [d for doc in own_data for d in doc.feats]
    kinds = [k for doc in own_data for k in doc.kinds]
    before, after = model.scores(feats, kinds), again.scores(feats, kinds)
    assert before.shape == (len(feats), len(INDEX)) and before.max() > 0.5
    assert np.array_equal(before, after)


def test_a_linear_model_saved_over_a_boosted_one_replaces_its_trees(own_data, tmp_path):
    training.fit(own_data, learner=BOOSTED, min_count=1).save(tmp_path / "m")
    linear = training.fit(own_data, min_count=1)
    linear.save(tmp_path / "m")
    assert not (tmp_path / "m" / "trees.txt").exists()
    assert load_model(tmp_path / "m").trees is None


@pytest.mark.parametrize("learner", [BOOSTED, TUNED, BACKOFF, TWOSTAGE],
                         ids=["boosted", "linear-tuned", "backoff", "twostage"])
def test_fitting_twice_gives_the_same_model(own_data, tmp_path, learner):
    for name in ("a", "b"):
        training.fit(own_data, learner=learner, min_count=1).save(tmp_path / name)
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(p.name for p in (tmp_path / "b").iterdir())
    for f in files:
        assert (tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes(), f


def test_inner_folds_hold_out_whole_documents():
    groups = ["a", "a", "b", "c", "c", "d", "e", "f"]
    fold = inner_folds(groups, 3)
    assert set(fold) == {0, 1, 2}
    for g in set(groups):
        assert len({fold[i] for i, x in enumerate(groups) if x == g}) == 1


def test_an_unknown_learner_says_so():
    with pytest.raises(ValueError, match="unknown learner 'forest'"):
        Learner(kind="forest")


def test_compacted_trees_score_as_the_trees_over_every_column():
    from scipy.sparse import random as sparse_random

    from factionmap.extract.scoring.learners import compact, fit_boosted

    x = sparse_random(400, 60, density=0.1, format="csr", random_state=7, dtype=np.float32)
    x.data[:] = 1.0
    y = ((x[:, 5].toarray().ravel() > 0) | (x[:, 41].toarray().ravel() > 0)).astype(np.int8)
    rows = np.arange(400)
    trees = fit_boosted(x, {0: (rows, y, np.ones(400))}, BOOSTED)
    used, small = compact(trees, 60)
    assert {5, 41} <= set(used) and len(used) < 60
    assert np.allclose(trees[0].predict(x), small[0].predict(x[:, used]), atol=1e-12)


def test_rare_targets_are_class_weighted_and_frequent_ones_are_not():
    """`balanced_below`: a target with few positive pairs is fitted with class weights (its positives
    score higher than unweighted), a target with enough positives exactly as unweighted."""
    from scipy.sparse import csr_matrix

    from factionmap.extract.scoring.learners import fit_linear

    rng = np.random.default_rng(7)
    dense = (rng.random((300, 12)) < 0.3).astype(np.float32)
    dense[:6, 0] = 1.0
    x = csr_matrix(dense)
    y = np.zeros(300, dtype=np.int8)
    y[:6] = 1
    sw, groups = np.ones(300), [f"d{i % 5}" for i in range(300)]
    plain, b_plain, _ = fit_linear(x, y, sw, Learner(), groups)
    rare, b_rare, _ = fit_linear(x, y, sw, Learner(balanced_below=10), groups)
    common, b_common, _ = fit_linear(x, y, sw, Learner(balanced_below=6), groups)
    pos = x[:6].toarray()
    assert (pos @ rare + b_rare).mean() > (pos @ plain + b_plain).mean() + 1.0
    assert np.allclose(common, plain) and b_common == pytest.approx(b_plain)
    assert "balanced below 10" in Learner(balanced_below=10).label


def test_a_rare_targets_frame_columns_are_penalised_less():
    """`frame_scale`: for a target with few positives, the columns a frame reads are scaled while fitting
    (a lighter penalty on their weights), so a frame that marks the few positives gets a larger weight; a
    target with enough positives, and one fitted without frame columns, are fitted as before."""
    from scipy.sparse import csr_matrix

    from factionmap.extract.scoring.learners import fit_linear

    rng = np.random.default_rng(11)
    dense = (rng.random((400, 10)) < 0.3).astype(np.float32)
    dense[:, 0] = 0.0
    dense[:8, 0] = 1.0  # the "frame" column marks the positives
    x = csr_matrix(dense)
    y = np.zeros(400, dtype=np.int8)
    y[:8] = 1
    sw, groups, cols = np.ones(400), [f"d{i % 5}" for i in range(400)], np.array([0])
    learner = Learner(balanced_below=20)
    before, _, _ = fit_linear(x, y, sw, learner, groups, cols)
    after, _, _ = fit_linear(x, y, sw, replace(learner, frame_scale=3.0), groups, cols)
    assert after[0] > before[0] + 0.5
    assert np.allclose(fit_linear(x, y, sw, replace(learner, frame_scale=3.0), groups)[0], before)
    common = replace(learner, balanced_below=5, frame_scale=3.0)
    assert np.allclose(fit_linear(x, y, sw, common, groups, cols)[0], fit_linear(x, y, sw, replace(common, frame_scale=1.0), groups, cols)[0])
    assert Learner.from_json(replace(learner, frame_scale=3.0).to_json()).frame_scale == 3.0
