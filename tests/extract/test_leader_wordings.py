"""Leaders named by their office or by the group they head, and pledges to a leader named with his group:
what the frames read (before any scoring), on sentences written for this test."""
from __future__ import annotations

import pytest

from factionmap.extract.ties.lexical import match_sentence
from factionmap.model import Document


def _reads(pipeline, text: str) -> set[tuple[str, str, str]]:
    ann = pipeline.annotate(Document(text=text))
    return {(ann.entities[c.subject.key].name, c.relation, ann.entities[c.object.key].name)
            for i in range(len(ann.sentences)) for c in match_sentence(ann, i)}


@pytest.mark.parametrize("text", [
    "Abu Omar al-Tunisi, the general secretary of the Sun Brigade, spoke in 2014.",
    "Abu Omar al-Tunisi, secretary general of the Sun Brigade, spoke in 2014.",
    "Abu Omar al-Tunisi, the director of the Sun Brigade, spoke in 2014.",
    "Abu Omar al-Tunisi, the reputed boss of the Sun Brigade, was arrested in 2014.",
    "Abu Omar al-Tunisi, general commander of the Sun Brigade, spoke in 2014.",
    "Abu Omar al-Tunisi, head of the armed Islamist group Sun Brigade, spoke in 2014.",
])
def test_a_leader_named_by_his_office(pipeline, text):
    assert ("Abu Omar al-Tunisi", "leader_of", "Sun Brigade") in _reads(pipeline, text)


def test_a_deputy_is_no_leader(pipeline):
    reads = _reads(pipeline, "Abu Omar al-Tunisi, deputy director of the Sun Brigade, spoke in 2014.")
    assert ("Abu Omar al-Tunisi", "leader_of", "Sun Brigade") not in reads


def test_a_group_named_by_the_person_at_its_head(pipeline):
    assert ("Karl Weber", "leader_of", "Desert Front") in \
        _reads(pipeline, "The Sun Brigade allied with the Desert Front of former general Karl Weber.")
    assert ("Tom Hollis", "leader_of", "Turkey") in \
        _reads(pipeline, "The Turkish government of Prime Minister Tom Hollis fell in 1999.")


def test_a_group_that_acted_on_a_person_does_not_lead_him(pipeline):
    reads = _reads(pipeline, "The release by the Desert Front of former general Karl Weber was welcomed.")
    assert not any(r[1] == "leader_of" for r in reads)


def test_a_pledge_to_a_leader_named_with_his_group_is_to_the_leader(pipeline):
    reads = _reads(pipeline, "In 2013 the Desert Front swore allegiance to al-Qaeda emir Ayman al-Zawahiri.")
    assert ("Desert Front", "allegiance_to", "Ayman al-Zawahiri") in reads
    assert ("Desert Front", "allegiance_to", "al-Qaeda") not in reads
    reads = _reads(pipeline, "In 2013 the Desert Front swore allegiance to al-Qaeda and to Ayman al-Zawahiri.")
    assert ("Desert Front", "allegiance_to", "al-Qaeda") in reads
