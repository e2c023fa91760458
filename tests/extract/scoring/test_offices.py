"""A head of state named by a bare title, paired with the states the document implies (`scoring.offices`),
on sentences written for these tests."""
from __future__ import annotations

from factionmap.extract.scoring.features import Featurizer
from factionmap.extract.scoring.offices import implied_states
from factionmap.extract.ties import frame_candidates
from factionmap.extract.scoring.pairs import candidate_pairs


def _implied(ann):
    return {(ann.text[p.start:p.end], ann.entities[s.key].name) for s, p, _ in implied_states(ann)}


def test_a_bare_title_pairs_the_person_with_the_main_and_the_last_state(annotate):
    ann = annotate("Canada sent troops to Turkey in 2004. Canada and Turkey signed a treaty. "
                   "The talks failed, and President Karl Weber left the border town.")
    assert _implied(ann) == {("Karl Weber", "Canada"), ("Karl Weber", "Turkey")}
    pairs = [p for p in candidate_pairs(ann, frame_candidates(ann)) if p.via == "office"]
    feats = {ann.entities[p.a.key].name: set(Featurizer(ann)(p)) for p in pairs}
    assert "OFC:main" in feats["Canada"] and "OFC:near" in feats["Turkey"]
    assert "OFCT:president" in feats["Canada"] and "XSENT" in feats["Canada"]


def test_a_title_after_the_name_counts(annotate):
    ann = annotate("Canada held elections in 1998. Karl Weber became prime minister the next year.")
    assert _implied(ann) == {("Karl Weber", "Canada")}


def test_no_pair_when_the_sentence_names_a_state_or_the_title_is_not_bare(annotate):
    ann = annotate("Canada held elections in 1998. Canadian President Karl Weber left. "
                   "Vice President Tom Hollis stayed. The Sun Brigade's president Abu Omar al-Tunisi fled. "
                   "Karl Weber met the president of the Sun Brigade.")
    assert _implied(ann) == set()
