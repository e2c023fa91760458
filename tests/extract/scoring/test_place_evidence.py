"""Names the NER reads as persons or organizations that the document names as places (`ner.retype_as_place`),
on sentences written for these tests."""
from __future__ import annotations

import pytest

from factionmap.extract.ner import retype_as_place
from factionmap.extract.place_evidence import named_as_place
from factionmap.extract.state import Span
from factionmap.model import Entity, EntityType


def _span(ann, name: str):
    """The mention of `name`; one read as a person when no stage found it (the NER's reading of an unknown
    name varies with its sentence)."""
    a = ann.text.index(name)
    found = next((s for s in ann.spans if s.start <= a < s.end and s.source != "coref"), None)
    if found is None:
        key = f"PERSON:{name.lower()}"
        ann.entities[key] = Entity(name=name, type=EntityType.PERSON, key=key)
        found = Span(a, a + len(name), key, EntityType.PERSON, "ner")
        assert ann.add_span(found)
    return found


@pytest.mark.parametrize("text, name", [
    ("The River Brigades captured the northern town of Darvel Ketta in 2015.", "Darvel Ketta"),
    ("Fighting spread to the Darvel Ketta suburbs by the spring.", "Darvel Ketta"),
    ("The militia attacked fighters in Darvel Ketta, a village near Aleppo.", "Darvel Ketta"),
])
def test_place_words_around_a_name_make_it_a_place(annotate, text, name):
    ann = annotate(text)
    assert named_as_place(ann, _span(ann, name), EntityType.ORG)


def test_a_locative_preposition_names_a_place_only_for_a_name_read_as_a_person(annotate):
    ann = annotate("Heavy fighting was reported in Darvel Ketta on Monday.")
    sp = _span(ann, "Darvel Ketta")
    assert named_as_place(ann, sp, EntityType.PERSON)
    assert not named_as_place(ann, sp, EntityType.ORG)  # groups are "in" many things


def test_a_name_listed_with_a_place_after_a_preposition_is_a_place(annotate):
    ann = annotate("Clashes broke out in Aleppo and Darvel Ketta in 2016.")
    assert named_as_place(ann, _span(ann, "Darvel Ketta"), EntityType.PERSON)
    ann = annotate("The council named Omar Farid commander of Aleppo and Darvel Ketta his deputy.")
    assert not named_as_place(ann, _span(ann, "Darvel Ketta"), EntityType.PERSON)  # no preposition


def test_a_person_named_beside_a_place_stays_a_person(annotate):
    ann = annotate("A spokesman in Aleppo, Darvel Ketta, said the talks had failed.")
    assert not named_as_place(ann, _span(ann, "Darvel Ketta"), EntityType.PERSON)


def test_retype_as_place_changes_the_entity_and_its_mentions(annotate):
    ann = annotate("The River Brigades captured the northern town of Darvel Ketta in 2015.")
    sp = _span(ann, "Darvel Ketta")
    ent = ann.entities[sp.key]
    ent.type, ent.kb_id, sp.type, sp.source = EntityType.PERSON, None, EntityType.PERSON, "ner"
    retype_as_place(ann)
    assert ent.type is EntityType.PLACE and sp.type is EntityType.PLACE


def test_a_name_with_a_group_word_is_never_retyped(annotate):
    ann = annotate("The River Brigades captured the northern town of Darvel Ketta in 2015.")
    sp = _span(ann, "River Brigades")
    ent = ann.entities[sp.key]
    ent.kb_id, sp.source = None, "ner"
    retype_as_place(ann)
    assert ent.type is EntityType.ORG
