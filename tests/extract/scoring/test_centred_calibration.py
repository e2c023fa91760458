"""A calibration curve drawn through the centres of the isotonic blocks rises inside a block and stays monotone."""
from __future__ import annotations

import numpy as np
import pytest

from factionmap.extract.scoring.training import _isotonic, block_centres


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
