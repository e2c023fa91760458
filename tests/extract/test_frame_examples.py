"""The frames' own tests, generated from the language pack's frames.yaml: every frame reads the tie of
each of its examples, and reads nothing (or not the named tie) from each of its traps. The sentences
are read with the tests' knowledge base (tests/fixtures/kb) and the group-name grammar; each frame is
matched alone (`match_sentence(..., frames=[frame])`), so an example proves that frame, not another."""
from __future__ import annotations

import pytest

from factionmap.extract.frame_loader import Example, Frame
from factionmap.extract.ties.examples import example_failure, failures, frame_reads, trap_failure
from factionmap.extract.triggers import FRAMES

EXAMPLES = [(fr, ex) for fr in FRAMES for ex in fr.examples]
TRAPS = [(fr, ex) for fr in FRAMES for ex in fr.traps]


def test_every_frame_has_an_example():
    assert len(FRAMES) > 100 and not [fr.name for fr in FRAMES if not fr.examples]


@pytest.mark.parametrize("fr,ex", EXAMPLES, ids=[f"{fr.name}-{i}" for i, (fr, _) in enumerate(EXAMPLES)])
def test_example(pipeline, fr: Frame, ex: Example):
    assert ex.tie is not None
    assert example_failure(pipeline, fr, ex.text, ex.tie) is None


@pytest.mark.parametrize("fr,ex", TRAPS, ids=[f"{fr.name}-trap-{i}" for i, (fr, _) in enumerate(TRAPS)])
def test_trap(pipeline, fr: Frame, ex: Example):
    assert trap_failure(pipeline, fr, ex.text, ex.tie) is None


def test_a_wrong_example_and_a_sprung_trap_are_reported(pipeline):
    """The checks can fail: a frame does not read what another frame's example states."""
    pledge = next(fr for fr in FRAMES if fr.name == "pledge")
    other = next(fr for fr in FRAMES if fr.name == "active-in")
    text = pledge.examples[0].text
    assert pledge.examples[0].tie in frame_reads(pipeline, pledge, text)
    assert example_failure(pipeline, other, text, pledge.examples[0].tie) is not None
    assert trap_failure(pipeline, pledge, text, None) is not None
    assert trap_failure(pipeline, pledge, text, pledge.examples[0].tie) is not None
    assert failures(pipeline, pledge) == []
