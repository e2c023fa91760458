"""The features that say which of a sentence's candidates the words attach to (issue 9): nearer mentions
of the same kind, clause openings, what stands between, the tie word nearest each end. Sentences
written for these tests."""
from __future__ import annotations

import pytest

from factionmap.extract.scoring import features
from factionmap.extract.scoring.features import Featurizer, clause_breaks
from factionmap.extract.scoring.pairs import candidate_pairs
from factionmap.extract.ties import frame_candidates


def _features(ann, a: str, b: str) -> set[str]:
    for p in candidate_pairs(ann, frame_candidates(ann)):
        if (ann.text[p.a.start:p.a.end], ann.text[p.b.start:p.b.end]) == (a, b):
            return set(Featurizer(ann)(p))
    raise AssertionError(f"no pair {a} / {b}")


LEADER = "Omar Haddad, the leader of the River Brigades, met envoys of the Eastern Salvation Army in Port Selim."
WHILE = "The River Brigades attacked the Mountain Guard Battalion in 2015, while the Eastern Salvation Army fought the Sun Brigade."
AND = "The River Brigades attacked the Mountain Guard Battalion and the Eastern Salvation Army fought the Sun Brigade."


@pytest.mark.skipif("near" not in features.FAMILIES, reason="the near family is switched off")
def test_a_nearer_mention_of_the_partners_kind_is_seen(annotate):
    ann = annotate(LEADER)
    own = _features(ann, "Omar Haddad", "River Brigades")
    other = _features(ann, "Omar Haddad", "Eastern Salvation Army")
    assert {"NRB:PG:0", "NRA:PG:0"} <= own  # his own group: no group nearer to him
    assert "NRB:PG:1" in other and "NRB:PG:0" not in other  # the River Brigades stand nearer
    place = _features(ann, "Eastern Salvation Army", "Port Selim")
    assert "NRA:GL:0" in place  # the group right before the place is the nearest group to it
    assert "NRA:GL:1" in _features(ann, "River Brigades", "Port Selim")


@pytest.mark.skipif("clause" not in features.FAMILIES, reason="the clause family is switched off")
def test_clause_openings_between_the_two_are_counted_and_named(annotate):
    ann = annotate(WHILE)
    inside = _features(ann, "River Brigades", "Mountain Guard Battalion")
    across = _features(ann, "River Brigades", "Sun Brigade")
    assert "CL:0" in inside and not any(f.startswith("CLB:") for f in inside)
    assert {"CL:1", "CLB:,while"} <= across
    assert "MV:GG" in across  # another group with its own verb stands between
    assert "MV:GG" not in _features(ann, "Eastern Salvation Army", "Sun Brigade")


@pytest.mark.skipif("clause" not in features.FAMILIES, reason="the clause family is switched off")
def test_a_coordination_of_two_clauses_without_a_comma_is_seen(annotate):
    ann = annotate(AND)
    across = _features(ann, "River Brigades", "Sun Brigade")
    assert {"MV:GG", "ANDMV"} <= across
    assert "ANDMV" not in _features(ann, "River Brigades", "Mountain Guard Battalion")
    assert "ANDMV" not in _features(ann, "Eastern Salvation Army", "Sun Brigade")


def test_clause_breaks_on_tokens():
    toks = ["<G>", "attacked", "<G>", ",", "while", "<G>", ";", "<G>", "which", "held", "<L>", ",", "in", "<year>"]
    assert clause_breaks(toks, 0, len(toks)) == [",while", ";", "which"]
    assert clause_breaks(toks, 0, 3) == []
    assert clause_breaks(["<G>", ",", "which", "<G>"], 0, 4) == [",which"]  # one opening, not two


@pytest.mark.skipif("shape" not in features.FAMILIES, reason="the shape family is switched off")
def test_what_stands_between_is_named_by_its_shape(annotate):
    assert "BT:appos" in _features(annotate("Omar Haddad (River Brigades) spoke to reporters."), "Omar Haddad", "River Brigades")
    ann = annotate("The River Brigades met the Sun Brigade in Port Selim.")
    assert "BT:prep" in _features(ann, "Sun Brigade", "Port Selim")
    assert "BT:other" in _features(ann, "River Brigades", "Sun Brigade")  # a verb of no tie class
    assert "BT:tie" in _features(annotate(WHILE), "River Brigades", "Mountain Guard Battalion")
    assert "BT:tie" not in _features(ann, "Sun Brigade", "Port Selim")


@pytest.mark.skipif("trigger" not in features.FAMILIES, reason="the trigger family is switched off")
def test_the_tie_word_nearest_each_end_and_whether_it_is_theirs(annotate):
    ann = annotate(LEADER)
    own = _features(ann, "Omar Haddad", "River Brigades")
    other = _features(ann, "Omar Haddad", "Eastern Salvation Army")
    assert {"TNA:lead:in", "TNB:lead:in"} <= own
    assert {"TNA:lead:in", "TNB:member:in"} <= other  # "envoys" is nearest the second group
    across = _features(annotate(WHILE), "River Brigades", "Eastern Salvation Army")
    assert "TGN:oppose:10" in across  # the verb between is the River Brigades', another group stands after it
    assert not any(f.startswith("TN") for f in _features(annotate("The River Brigades met the Sun Brigade."),
                                                          "River Brigades", "Sun Brigade"))
