"""The shared data model and the relation vocabulary."""
from __future__ import annotations

import datetime as dt

import pytest

from factionmap import relations
from factionmap.model import Document, Entity, EntityType, FuzzyDate, content_id
from factionmap.namefold import fold


def test_fuzzy_dates_from_iso_cover_their_precision():
    assert FuzzyDate.from_iso("2015") == FuzzyDate(dt.date(2015, 1, 1), dt.date(2015, 12, 31), "2015")
    assert FuzzyDate.from_iso("2016-02").latest == dt.date(2016, 2, 29)
    day = FuzzyDate.from_iso("2014-08-25")
    assert day.earliest == day.latest == dt.date(2014, 8, 25)
    with pytest.raises(ValueError, match="ends before it starts"):
        FuzzyDate(dt.date(2015, 2, 1), dt.date(2015, 1, 1), "2015")


def test_document_id_is_the_content_hash_and_dates_anchor():
    doc = Document(text="A short text.", published="2019-07")
    assert doc.id == content_id("A short text.".encode())
    assert doc.published_date == dt.date(2019, 7, 1)
    assert Document(text="x", published="unknown").published_date is None


def test_entity_names_put_the_canonical_name_first_without_repeats():
    from factionmap.model import Alias

    e = Entity("Islamic State", "ORG", [Alias("ISIS"), Alias("Islamic State"), Alias("Daesh")])
    assert e.type is EntityType.ORG and e.names == ["Islamic State", "ISIS", "Daesh"]
    assert e.key == "ORG:Islamic State"


def test_vocabulary_holds_the_twelve_scored_relations():
    assert relations.SCORED == {
        "allegiance_to", "part_of", "ally_of", "opposes", "split_from", "merged_into", "successor_of",
        "leader_of", "member_of", "defected_to", "designated_by", "operates_in",
    }
    assert relations.SYMMETRIC == {"ally_of", "opposes"}
    assert relations.LINEAGE == {"split_from", "merged_into", "successor_of"}


def test_relations_check_entity_types_and_order_symmetric_pairs():
    leader = relations.get("leader_of")
    assert leader.allows(EntityType.PERSON, EntityType.ORG)
    assert not leader.allows(EntityType.ORG, EntityType.PERSON)
    assert relations.get("opposes").allows(EntityType.PLACE, EntityType.ORG)
    assert relations.canonical_pair("ally_of", "b", "a") == ("a", "b")
    assert relations.canonical_pair("part_of", "b", "a") == ("b", "a")
    with pytest.raises(KeyError, match="unknown relation 'pledged'"):
        relations.get("pledged")


@pytest.mark.parametrize("a, b", [
    ("ad-Dawlah al-Islāmīyah", "al Dawlah al-Islamiyah"),
    ("Jabhat an-Nuṣra", "Jabhat al-Nusra"),
    ("Kata’ib Hezbollah", "Kataib Hezbollah"),
    ("The Islamic State", "islamic state"),
])
def test_fold_matches_spelling_variants(a, b):
    assert fold(a) == fold(b)


def test_fold_keeps_distinct_names_apart():
    assert fold("Islamic State of Iraq") != fold("Islamic State")


def test_a_decade_reads_back_from_its_iso_form():
    from factionmap.model import FuzzyDate

    d = FuzzyDate.from_iso("198X")
    assert (d.earliest.isoformat(), d.latest.isoformat(), d.iso) == ("1980-01-01", "1989-12-31", "198X")
