"""A person named by the family name alone is the one person of the document whose full name it cuts short."""
from factionmap.extract.entities import surnames
from factionmap.model import Document, EntityType


def test_the_short_forms_of_a_full_name():
    assert surnames("Karl Weber") == {"weber"}
    assert surnames("Tariq al-Hashimi") == {"hashimi"}  # "al-Hashimi" is read without its article too
    assert surnames("Omar bin Rashed") == {"rashed", "bin rashed"}
    assert surnames("Ana Maria Ortega Pardo") == {"pardo", "ortega"}  # a double family name
    assert surnames("Weber") == set()
    assert surnames("Abu Hamza") == set()  # a kunya is no family name
    assert surnames("Li Bo") == set()  # too short to stand alone


def _persons(ex):
    return {e.name: sorted(e.names) for e in ex.entities if e.type is EntityType.PERSON}


def test_a_family_name_alone_joins_the_one_full_name_it_cuts_short(pipeline):
    text = ("Karl Weber founded the Sun Brigade in 1970. The police arrested Weber in Hamburg in 1972, "
            "and Weber was released in 1980.")
    ex = pipeline(Document(text=text))
    persons = _persons(ex)
    assert "Weber" not in persons
    key = next(e.key for e in ex.entities if e.name == "Karl Weber")
    assert sum(1 for m in ex.mentions if m.entity_key == key) == 3


def test_a_family_name_two_persons_share_stays_apart(pipeline):
    text = ("Karl Weber and Anna Weber founded the Sun Brigade in 1970. The police arrested Weber in Hamburg "
            "in 1972.")
    ex = pipeline(Document(text=text))
    keys = {m.entity_key for m in ex.mentions if ex.document.text[m.start:m.end] == "Weber"}
    named = {e.key for e in ex.entities if e.name in ("Karl Weber", "Anna Weber")}
    assert not keys & named


def test_a_family_name_alone_the_ner_took_for_a_group_joins_the_person(pipeline):
    text = ("Mohammed Wardani led the Sun Brigade in 1970. In 1975 Mohammed Wardani went to Cairo. "
            "Wardani said he was innocent.")
    ex = pipeline(Document(text=text))
    keys = {m.entity_key for m in ex.mentions if "Wardani" in ex.document.text[m.start:m.end]}
    assert len(keys) == 1
    assert next(e for e in ex.entities if e.key in keys).type is EntityType.PERSON
