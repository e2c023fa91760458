"""Precision guards on the frames' and the model's candidates; sentences written for these tests."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Would the Ansar Brigade pledge allegiance to the Islamic State?",
    "Did the Ansar Brigade pledge allegiance to the Islamic State?",
    "If the Ansar Brigade were to pledge allegiance to the Islamic State, the region would change.",
    "Whether the Ansar Brigade pledged allegiance to the Islamic State remains unclear.",
])
def test_questions_and_hypotheticals_state_no_tie(ties, text):
    found, _ = ties(text)
    assert not any(t[1] == "allegiance_to" for t in found), found


def test_what_some_members_did_is_not_the_groups(ties):
    found, _ = ties("Some members of the Ansar Brigade pledged allegiance to the Islamic State in 2015.")
    assert not any(t[1] == "allegiance_to" and t[0] == "Ansar Brigade" for t in found), found


def test_the_whole_group_pledging_still_counts(ties):
    found, _ = ties("The Ansar Brigade pledged allegiance to the Islamic State in 2015.")
    assert ("Ansar Brigade", "allegiance_to", "Islamic State", "asserted") in found


def _model_pledges(pipeline, text: str) -> dict[tuple[str, str], bool]:
    """Every pair of names in the sentence offered as a pledge by the model: whether the guard vetoes it."""
    from factionmap.extract.ties.candidate import Candidate
    from factionmap.extract.ties.guards import stray_pledge
    from factionmap.model import Document

    ann = pipeline.annotate(Document(text=text))
    spans = ann.sentence_spans(0)
    out = {}
    for a in spans:
        for b in spans:
            if a.start < b.start and a.key != b.key:
                c = Candidate(a, "allegiance_to", b, 0, (a.start, b.end), "model")
                pair = (ann.entities[a.key].name, ann.entities[b.key].name)
                out[pair] = out.get(pair, False) or not stray_pledge(ann, c)
    return out


def test_a_pledge_is_made_by_the_clause_subject_not_a_name_before_it(pipeline):
    kept = _model_pledges(pipeline, "In 2014 Abu Omar al-Shishani led Jaish al-Muhajireen wal-Ansar until "
                                    "he pledged allegiance to Abu Bakr al-Baghdadi.")
    assert kept[("Abu Omar al-Shishani", "Abu Bakr al-Baghdadi")]
    assert not kept[("Jaish al-Muhajireen wal-Ansar", "Abu Bakr al-Baghdadi")]
    kept = _model_pledges(pipeline, "Boko Haram announced that Ansaru pledged allegiance to al-Qaeda.")
    assert kept[("Ansaru", "al-Qaeda")] and not kept[("Boko Haram", "al-Qaeda")]


def test_a_name_governed_by_a_preposition_does_not_pledge(pipeline):
    kept = _model_pledges(pipeline, "Its commanders withdrew their allegiance from Abubakar Shekau and pledged "
                                    "allegiance to Abu Bakr al-Baghdadi.")
    assert not kept[("Abubakar Shekau", "Abu Bakr al-Baghdadi")]
    kept = _model_pledges(pipeline, "In 2013 Ansaru merged with Jund al-Aqsa, which swore allegiance to al-Qaeda.")
    assert kept[("Jund al-Aqsa", "al-Qaeda")] and not kept[("Ansaru", "al-Qaeda")]


def test_the_oath_goes_to_the_leader_named_with_his_group(pipeline):
    kept = _model_pledges(pipeline, "In 2013 Ansaru swore allegiance to al-Qaeda emir Ayman al-Zawahiri.")
    assert kept[("Ansaru", "Ayman al-Zawahiri")] and not kept[("Ansaru", "al-Qaeda")]
    kept = _model_pledges(pipeline, "In 2014 Boko Haram pledged allegiance to the Islamic State with its leader "
                                    "Abubakar Shekau present.")
    assert kept[("Boko Haram", "Islamic State")] and not kept[("Boko Haram", "Abubakar Shekau")]


@pytest.mark.parametrize("text", [
    "The Ansar Brigade seized the town from the Islamic State as part of the Turkish military intervention.",
    "In 2015 the Sun Brigade joined the Islamic State in clashes with the Desert Front near the border.",
    "The Sun Brigade took the airport as part of a Desert Front offensive in the north.",
])
def test_a_name_that_qualifies_an_event_is_not_joined(ties, text):
    found, _ = ties(text)
    assert not any(t[1] in ("part_of", "member_of") for t in found), found


def test_joining_a_group_still_counts(ties):
    found, _ = ties("In 2015 the Sun Brigade joined the Islamic State.")
    assert any(t[:3] == ("Sun Brigade", "part_of", "Islamic State") for t in found), found
