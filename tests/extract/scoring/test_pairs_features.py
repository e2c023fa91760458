"""Candidate pairs and their features, on sentences written for these tests."""
from __future__ import annotations

from factionmap.extract.ties import frame_candidates
from factionmap.extract.scoring.features import Featurizer, _run_edge, _same_list_features
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


def test_the_knowledge_bases_finer_kinds_are_features(annotate):
    ann = annotate("The United Nations sent observers to Syria in 2012, and the River Brigades fought in Syria.")
    by_names = {_names(ann, p): set(Featurizer(ann)(p)) for p in _pairs(ann)}
    body = next(f for names, f in by_names.items() if names == ("United Nations", "Syria"))
    assert {"FK:body|country", "FKA:body", "FKB:country"} <= body
    group = next(f for names, f in by_names.items() if names[0] == "River Brigades" and names[1] == "Syria")
    assert "FKA:-" in group  # a name the knowledge base does not know


def test_a_groups_sites_and_hold_on_a_place_are_word_classes(annotate):
    # "outposts" and "stormed" are words of their own, and also the classes other documents' "headquarters",
    # "bases", "captured" and "held" share
    ann = annotate("The River Brigades kept their outposts near Port Selim.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert "BC:base" in Featurizer(ann)(pair)
    ann = annotate("The River Brigades stormed Port Selim in 2015.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert "BC:hold" in Featurizer(ann)(pair)


def test_a_state_named_with_a_persons_office_leaves_the_office_between(annotate):
    ann = annotate("In 1998 the Turkish President Tom Hollis visited the border.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("Turkish President", "Tom Hollis"))
    feats = set(Featurizer(ann)(pair))
    assert {"K:SP", "BS:president", "BC:lead"} <= feats  # the office reads as if written "Turkey's President"


def test_a_state_named_with_its_forces_is_one_marker(annotate):
    ann = annotate("In 1998 Turkish forces and Tom Hollis reached the border.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("Turkish forces", "Tom Hollis"))
    assert "BS:and" in Featurizer(ann)(pair)  # "forces" is the state's organ, not a word between


def test_a_place_further_down_a_list_gets_the_words_before_the_list(annotate):
    # the third place of "took A, B and C" is taken as A is: "took" stands right before its list
    ann = annotate("The River Brigades took Port Selim, Tell Hamid and Kafr Salwa in 2015.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Kafr Salwa"))
    feats = set(Featurizer(ann)(pair))
    assert {"LST:b", "CBS:took", "CKBL:GL:took"} <= feats
    first = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert not any(f.startswith(("LST:", "CBS:")) for f in Featurizer(ann)(first))  # no list between


def test_a_groups_list_before_a_place_gets_the_words_after_the_list(annotate):
    ann = annotate("The River Brigades and the Coast Guard Battalion fought in Port Selim.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert {"LST:a", "CBS:fought_in"} <= set(Featurizer(ann)(pair))


def test_the_word_before_an_article_ending_the_between_is_a_feature(annotate):
    ann = annotate("In 2015 Port Selim was held by the River Brigades.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("Port Selim", "River Brigades"))
    assert "KBLN:LG:by" in Featurizer(ann)(pair)


def test_an_invasion_is_a_hold_on_a_place(annotate):
    ann = annotate("The River Brigades began their invasion of Port Selim in 2015.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert "BC:hold" in Featurizer(ann)(pair)


def test_a_groups_other_name_in_brackets_is_set_aside_like_a_list(annotate):
    ann = annotate("The River Brigades (Coast Guard Battalion) fought in Port Selim.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Port Selim"))
    assert {"LST:a", "CBS:fought_in"} <= set(Featurizer(ann)(pair))


def test_two_groups_of_one_list_get_the_words_around_the_whole_list(annotate):
    # the second and third sides of "clashes between A, B and C" read the "between" before the list
    ann = annotate("Clashes between the River Brigades, the Coast Guard Battalion and the Hill Front began in 2015.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("Coast Guard Battalion", "Hill Front"))
    feats = set(Featurizer(ann)(pair))
    assert {"SL:GG:3", "SLEND:e", "SLL1:between", "SLLW:GG:between", "SLLC:oppose"} <= feats


def test_coordinated_subjects_with_a_shared_object_say_so(annotate):
    ann = annotate("The River Brigades, the Coast Guard Battalion and the Hill Front attacked the Desert Army.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Coast Guard Battalion"))
    feats = set(Featurizer(ann)(pair))
    assert {"SL:GG:3", "SLEND:h", "SLRW:GG:attack", "SLRM:GG:attack:<G>", "SLRC:oppose"} <= feats
    across = next(p for p in _pairs(ann) if _names(ann, p) == ("Coast Guard Battalion", "Desert Army"))
    assert not any(f.startswith("SL") for f in Featurizer(ann)(across))  # not one list: no such feature


def test_groups_and_states_named_together_make_one_list(annotate):
    ann = annotate("Fighting between Turkey, the River Brigades and the Hill Front went on for a year.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("Turkey", "Hill Front"))
    assert {"SL:SG:3", "SLEND:he", "SLL1:between"} <= set(Featurizer(ann)(pair))


def test_an_acronym_in_brackets_stays_in_its_list_item():
    toks = ["<G>", "(", "<G>", ")", ",", "<G>", "and", "the", "<G>", "attacked", "<G>"]
    assert _run_edge(toks, 0, +1, len(toks)) == 8
    assert _run_edge(toks, 8, -1, -1) == 0
    assert _run_edge(toks, 0, +1, 5) == 0  # never past the stop
    feats = _same_list_features(toks, [()] * len(toks), 0, 8, "G", "G")
    assert {"SL:GG:3", "SLEND:he", "SLRM:GG:attack:<G>"} <= set(feats)


def test_the_classed_word_nearest_each_end_is_a_feature(annotate):
    ann = annotate("The River Brigades, backed by the Hill Guard, attacked the Eastern Salvation Army in May.")
    pair = next(p for p in _pairs(ann) if _names(ann, p) == ("River Brigades", "Eastern Salvation Army"))
    feats = set(Featurizer(ann)(pair))
    assert "KNB:GG:oppose" in feats  # "attacked" governs the second group
    assert "KNA:GG:ally" in feats and "KNB:GG:ally" not in feats  # "backed" stands nearer the first
