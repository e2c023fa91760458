"""Pairs through coreference: "the two groups" standing for both of its groups; a subject the frames
carry into a sentence that does not name it (an empty mention), read with the words before the other
end. Texts invented for these tests."""
from __future__ import annotations

from factionmap.extract.scoring.features import Featurizer
from factionmap.extract.scoring.pairs import candidate_pairs
from factionmap.extract.ties import frame_candidates


def _pairs(ann):
    return candidate_pairs(ann, frame_candidates(ann))


def _ends(ann, pair):
    return ann.entities[pair.a.key].name, ann.entities[pair.b.key].name


def test_the_two_groups_pairs_each_of_the_two_with_a_third(annotate):
    ann = annotate("The Sun Brigade and the Moon Brigade met in Homs. The two groups later received envoys from Hezbollah.")
    ends = {_ends(ann, p) for p in _pairs(ann) if ann.sentence_at(p.a.start) == 1}
    assert ("Sun Brigade", "Hezbollah") in ends
    assert ("Moon Brigade", "Hezbollah") in ends


def test_an_empty_subject_reads_the_words_before_the_other_end(annotate):
    text = ("Desert Front | |\nAllegiance | Islamic State |\nThe Desert Front is a jihadist group in Syria.\n"
            "Based in Homs.\n")
    ann = annotate(text)
    pair = next(p for p in _pairs(ann) if p.a.start == p.a.end and _ends(ann, p) == ("Desert Front", "Homs"))
    feats = set(Featurizer(ann)(pair))
    assert {"L1:<start>", "BW:based", "BL:in"} <= feats
    assert "NOVIEW" not in feats
