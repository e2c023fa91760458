"""Eleventh round: a pledge to a leader named after his group's name and his title with no possessive
("a vow of loyalty to Y leader P", "pledged loyalty to Y emir P"). Sentences written for this test; all
frames are tried together, as extraction does."""
from __future__ import annotations

import pytest

from factionmap.extract.ties import frame_candidates
from factionmap.model import Document


@pytest.fixture(scope="module")
def read(pipeline):
    def run(text: str) -> set[tuple[str, str, str]]:
        ann = pipeline.annotate(Document(text=text))
        return {(ann.text[c.subject.start:c.subject.end], c.relation, ann.text[c.object.start:c.object.end])
                for c in frame_candidates(ann)}
    return run


READS = [
    ("The Sun Brigade also renewed a longstanding vow of loyalty to al-Qaeda leader Ayman al-Zawahiri.",
     ("Sun Brigade", "allegiance_to", "Ayman al-Zawahiri")),
    ("The Desert Front, which has pledged loyalty to al-Qaeda emir Ayman al-Zawahiri, held the town.",
     ("Desert Front", "allegiance_to", "Ayman al-Zawahiri")),
]


@pytest.mark.parametrize("text,tie", READS)
def test_reads(read, text, tie):
    assert tie in read(text)


NOT = [
    # a letter is no pledge
    ("The Desert Front sent a letter to al-Qaeda leader Ayman al-Zawahiri in 2015.",
     ("Desert Front", "allegiance_to", "Ayman al-Zawahiri")),
]


@pytest.mark.parametrize("text,tie", NOT)
def test_does_not_read(read, text, tie):
    assert tie not in read(text)
