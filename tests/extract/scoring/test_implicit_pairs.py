"""Pairs through coreference: "the two groups" standing for both groups, and the implicit end of a
sentence that names no group as its subject; each with features saying how it was made. Texts
invented for these tests."""
from __future__ import annotations

from factionmap.extract.scoring.features import Featurizer
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


def test_a_sentence_with_no_group_subject_pairs_its_mentions_with_the_group_before(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014. In 2016 Abu Omar al-Tunisi was killed in Aleppo.")
    implicit = [p for p in _pairs(ann) if p.via == "implicit"]
    assert {_ends(ann, p) for p in implicit} == {("Sun Brigade", "Abu Omar al-Tunisi"), ("Sun Brigade", "Aleppo")}
    assert all(p.a.start == p.a.end == ann.sentences[1].start and p.sentence == 1 for p in implicit)


def test_a_sentence_with_its_own_group_subject_has_no_implicit_end(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014. Hezbollah fought in Aleppo in 2016.")
    assert not [p for p in _pairs(ann) if p.via == "implicit"]


def test_a_sentence_naming_the_group_itself_has_no_implicit_end(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014. In 2016 Abu Omar al-Tunisi led the Sun Brigade in Aleppo.")
    assert not [p for p in _pairs(ann) if p.via == "implicit"]


def test_no_implicit_end_across_a_paragraph_without_a_focus(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014.\n\nIn 2016 Abu Omar al-Tunisi was killed in Aleppo.")
    assert not [p for p in _pairs(ann) if p.via == "implicit"]


def test_the_document_subject_is_the_implicit_end_of_a_new_paragraph(annotate):
    text = ("Desert Front | |\nAllegiance | Islamic State |\nThe Desert Front is a jihadist group in Syria.\n\n"
            "In 2016 Abu Omar al-Tunisi was killed in Aleppo.\n")
    ann = annotate(text)
    implicit = {_ends(ann, p) for p in _pairs(ann) if p.via == "implicit"}
    assert ("Desert Front", "Abu Omar al-Tunisi") in implicit


def test_an_implicit_pair_says_how_it_was_made_and_reads_the_words_before_the_other_end(annotate):
    ann = annotate("The Sun Brigade was formed in Homs in 2014. In 2016 Abu Omar al-Tunisi was killed in Aleppo.")
    pair = next(p for p in _pairs(ann) if p.via == "implicit" and _ends(ann, p)[1] == "Aleppo")
    feats = set(Featurizer(ann)(pair))
    assert {"VIA:implicit", "L1:<start>", "BW:killed", "BF:in"} <= feats
    assert any(f.startswith("SRC:other|") for f in feats)
    assert "NOVIEW" not in feats
