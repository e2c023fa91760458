"""A state named with a person's office ("the Turkish President"): the office stays a word the frames
and the scorer read, on sentences written for this test."""
from __future__ import annotations

from factionmap.extract.demonyms import office_start
from factionmap.extract.ties.mask import mask
from factionmap.model import Document


def _masked(pipeline, text: str) -> str:
    ann = pipeline.annotate(Document(text=text))
    sent = ann.sentences[0]
    return mask(ann, sent.start, sent.end, ann.sentence_spans(0)).text


def test_the_office_after_a_demonym_is_a_word_of_the_masked_sentence(pipeline):
    assert _masked(pipeline, "In 1998 the Turkish President Tom Hollis visited the border.") == \
        "In 1998 the «S0» President «P1» visited the border."
    assert _masked(pipeline, "The Turkish Defence Minister Tom Hollis resigned.") == \
        "The «S0» Defence Minister «P1» resigned."


def test_a_demonym_with_an_organ_that_is_no_persons_office_stays_one_marker(pipeline):
    assert _masked(pipeline, "In 1998 Turkish forces reached the border.") == "In 1998 «S0» reached the border."


def test_office_start_names_only_offices_held_by_a_person():
    text = "the Turkish Prime Minister and the Turkish government"
    assert office_start(text, 4, 26) == len("the Turkish")
    assert office_start(text, 35, len(text)) is None


def test_a_state_the_gazetteer_types_as_a_place_may_be_led_and_served():
    from factionmap import entity_kinds, relations
    from factionmap.model import EntityKind, EntityType

    for name in ("leader_of", "member_of"):
        rel = relations.get(name)
        assert entity_kinds.allows(rel, EntityType.PERSON, EntityKind.PERSON, EntityType.PLACE, EntityKind.STATE)
        assert not entity_kinds.allows(rel, EntityType.PERSON, EntityKind.PERSON, EntityType.PLACE, EntityKind.PLACE)
