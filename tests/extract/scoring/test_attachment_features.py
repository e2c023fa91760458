"""Whether the words between two mentions are the pair's own (issue 9): a nearer mention of either
end's kind, or a clause opening between them, makes the tie words between someone else's. Sentences
written for these tests."""
from __future__ import annotations

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


def test_clause_breaks_on_tokens():
    toks = ["<G>", "attacked", "<G>", ",", "while", "<G>", ";", "<G>", "which", "held", "<L>", ",", "in", "<year>"]
    assert clause_breaks(toks, 0, len(toks)) == [",while", ";", "which"]
    assert clause_breaks(toks, 0, 3) == []
    assert clause_breaks(["<G>", ",", "which", "<G>"], 0, 4) == [",which"]  # one opening, not two
    assert clause_breaks(["<G>", ",", "<G>", "and", "<G>"], 0, 5) == []  # a list is no clause


def test_a_leader_is_credited_to_his_own_group_not_the_one_named_after_it(annotate):
    ann = annotate(LEADER)
    own = _features(ann, "Omar Haddad", "River Brigades")
    other = _features(ann, "Omar Haddad", "Eastern Salvation Army")
    assert {"OWN:PG:own", "BCO:PG:lead:own"} <= own
    assert {"OWN:PG:nearB", "BCO:PG:lead:nearB"} <= other  # the River Brigades stand nearer to him
    assert "BCO:PG:lead:own" not in other and "OWN:PG:own" not in other
    assert "OWN:GL:nearA" in _features(ann, "River Brigades", "Port Selim")  # another group is nearer the place
    assert "OWN:GL:own" in _features(ann, "Eastern Salvation Army", "Port Selim")


def test_a_tie_is_not_read_across_a_coordination_or_a_clause(annotate):
    ann = annotate(WHILE)
    assert "BCO:GG:oppose:own" in _features(ann, "River Brigades", "Mountain Guard Battalion")
    assert "BCO:GG:oppose:own" in _features(ann, "Eastern Salvation Army", "Sun Brigade")
    across = _features(ann, "River Brigades", "Sun Brigade")
    assert {"OWN:GG:far", "BCO:GG:oppose:far"} <= across and "BCO:GG:oppose:own" not in across
    clause = _features(annotate("The River Brigades, which were founded in 2001, fought the Sun Brigade."),
                       "River Brigades", "Sun Brigade")
    assert {"OWN:GG:clause", "BCO:GG:oppose:clause"} <= clause


def test_no_tie_word_between_gives_the_ownership_alone(annotate):
    feats = _features(annotate("The River Brigades met the Sun Brigade in Port Selim."), "River Brigades", "Sun Brigade")
    assert "OWN:GG:own" in feats
    assert not any(f.startswith("BCO:") for f in feats)
