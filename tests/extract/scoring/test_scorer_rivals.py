"""A pair's rival score (the model's best score for another relation on the same two mentions) reaches the
tie stage, and a calibration curve drawn through the centres of the isotonic blocks rises inside a block."""
from __future__ import annotations

import numpy as np
import pytest

from factionmap.extract.scoring import aggregate
from factionmap.extract.scoring.aggregate import tie_features
from factionmap.extract.scoring.labels import TARGETS, split_target
from factionmap.extract.scoring.scorer import _rivals
from factionmap.extract.scoring.training import _isotonic, block_centres
from factionmap.extract.ties import Candidate, Scored, assemble
from factionmap.model import EntityType


def _row(**scores: float) -> np.ndarray:
    """One pair's raw scores: each named relation's first target gets its score, the rest 0."""
    row = np.zeros(len(TARGETS), dtype=np.float32)
    for rel, v in scores.items():
        row[next(j for j, t in enumerate(TARGETS) if split_target(t)[0] == rel)] = v
    return row


def test_rivals_name_the_best_relation_and_the_best_other_one():
    raw = np.stack([_row(member_of=0.7, leader_of=0.4), _row(operates_in=0.2)])
    got = _rivals(raw, [0, 1])
    assert got[0] == (pytest.approx(0.7), "member_of", pytest.approx(0.4))
    assert got[1] == (pytest.approx(0.2), "operates_in", 0.0)


def _features(annotate, rival: float) -> dict[str, float]:
    ann = annotate("Amal Haddad led the Sun Brigade for a decade.")
    spans = ann.sentence_spans(0)
    person = next(s for s in spans if ann.type_of(s.key) is EntityType.PERSON)
    group = next(s for s in spans if ann.type_of(s.key) is EntityType.ORG)
    feats = {}

    def combine(ann, t, support):
        feats.update(tie_features(ann, t, support))
        return 0.0

    cand = Candidate(person, "leader_of", group, 0, (group.start, group.end), "model")
    assemble(ann, [Scored(cand, 0.6, rival)], combine=combine)
    return feats


def test_the_tie_stage_reads_how_close_another_relation_came(annotate, monkeypatch):
    monkeypatch.setattr(aggregate, "RIVAL", True)
    close, clear = _features(annotate, 0.55), _features(annotate, 0.02)
    assert close["rival"] > clear["rival"] and close["ahead"] < clear["ahead"]
    assert close["rel:leader_of*rival"] == close["rival"]


def test_block_centres_are_one_point_per_run_of_equal_values():
    x = np.array([0.1, 0.2, 0.3, 0.6, 0.7, 0.9])
    fitted = np.array([0.0, 0.0, 0.0, 0.5, 0.5, 1.0])
    cx, cy = block_centres(x, fitted)
    assert cx.tolist() == pytest.approx([0.2, 0.65, 0.9]) and cy.tolist() == [0.0, 0.5, 1.0]


def test_a_centred_curve_rises_where_the_steps_are_flat():
    rng = np.random.default_rng(0)
    scores = rng.uniform(0, 1, 400)
    correct = rng.uniform(0, 1, 400) < scores
    steps = _isotonic(list(scores), list(correct), 40, "steps")
    centred = _isotonic(list(scores), list(correct), 40, "centred")
    flat = sum(1 for a, b in zip(steps[1], steps[1][1:]) if a == b)
    assert sum(1 for a, b in zip(centred[1], centred[1][1:]) if a == b) < flat
    assert all(a <= b for a, b in zip(centred[1], centred[1][1:]))  # still monotone
