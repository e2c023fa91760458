"""Pairs through coreference: "the two groups" standing for both of its groups. Texts invented for
these tests."""
from __future__ import annotations

from factionmap.extract.scoring.pairs import candidate_pairs
from factionmap.extract.ties import frame_candidates


def _pairs(ann):
    return candidate_pairs(ann, frame_candidates(ann))


def _ends(ann, pair):
    return ann.entities[pair.a.key].name, ann.entities[pair.b.key].name


def test_the_two_groups_pairs_each_of_the_two_with_a_third(annotate):
    ann = annotate("The Sun Brigade and the Moon Brigade met in Homs. The two groups later clashed with Hezbollah.")
    ends = {_ends(ann, p) for p in _pairs(ann) if ann.sentence_at(p.a.start) == 1}
    assert ("Sun Brigade", "Hezbollah") in ends
    assert ("Moon Brigade", "Hezbollah") in ends
