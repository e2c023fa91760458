"""Candidate pairs and their features, on sentences written for these tests."""
from __future__ import annotations

from factionmap.extract.ties import frame_candidates
from factionmap.extract.scoring.features import Featurizer
from factionmap.extract.scoring.pairs import candidate_pairs


def _pairs(ann):
    return candidate_pairs(ann, frame_candidates(ann))


def _names(ann, pair):
    return ann.text[pair.a.start:pair.a.end], ann.text[pair.b.start:pair.b.end]


def test_every_two_mentions_of_a_sentence_make_a_pair(annotate):
    ann = annotate("The Northern Liberation Front pledged allegiance to the Eastern Salvation Army in Port Selim.")
    names = {_names(ann, p) for p in _pairs(ann)}
    assert ("Northern Liberation Front", "Eastern Salvation Army") in names
    assert ("Northern Liberation Front", "Port Selim") in names or ("Eastern Salvation Army", "Port Selim") in names


def test_header_lines_are_never_paired(annotate):
    text = ("Title: Northern Liberation Front (Encyclopedia)\nSource: https://example.org/northern; text kept\n"
            "Date: 2020-01-01\n\nThe River Brigades fought the Mountain Guard Battalion.")
    ann = annotate(text)
    header_end = text.index("\n\n")
    assert all(p.a.start > header_end and p.b.start > header_end for p in _pairs(ann))
    assert [s.kind for s in ann.sentences[:3]] == ["header", "header", "header"]


def test_a_member_list_pairs_each_item_with_what_it_hangs_under(annotate):
    text = ("The Hill Operations Room is a coalition of armed groups.\n\n== Member groups ==\n\n"
            "- Victory Bloc\n  - 14th Division\n  - Sons of the Valley Battalion\n- Free Coast Brigade\n")
    ann = annotate(text)
    listed = {_names(ann, p) for p in _pairs(ann) if p.via == "list"}
    assert ("Victory Bloc", "14th Division") in listed  # nested under the bloc
    assert ("Victory Bloc", "Sons of the Valley Battalion") in listed
    assert any("Free Coast Brigade" in pair and "Hill Operations Room" in pair for pair in listed)


def test_features_say_what_stands_between_and_around(annotate):
    ann = annotate("The River Brigades pledged allegiance to the Eastern Salvation Army in 2015.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Eastern Salvation Army"))
    feats = set(Featurizer(ann)(pair))
    assert {"K:GG", "BW:pledged", "BC:pledge", "BL:the"} <= feats
    assert not any(f.startswith("BW:river") for f in feats)  # names are masked, never features


def test_a_frame_joining_the_pair_is_a_feature_with_its_direction(annotate):
    ann = annotate("The River Brigades are a branch of the Eastern Salvation Army.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Eastern Salvation Army"))
    assert pair.frames, "the branch frame reads this sentence"
    assert "FR:part_of>" in Featurizer(ann)(pair)
