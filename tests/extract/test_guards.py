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
