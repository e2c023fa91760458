"""The group-name grammar held as data: names read whole, never cut at a preposition or an article."""
from __future__ import annotations

import pytest

from factionmap.errors import ConfigError
from factionmap.extract import name_grammar
from factionmap.extract.name_grammar import find_names, load_grammar


def names(text: str) -> set[str]:
    return {f.text(text) for f in find_names(text) if f.type.value == "ORG"}


@pytest.mark.parametrize("text, name", [
    ("Fighters of the Army of the Southern Hills clashed with police.", "Army of the Southern Hills"),
    ("Later the Front for the Liberation of the Eastern Valley was formed.", "Front for the Liberation of the Eastern Valley"),
    ("The Organization of the Faithful on Earth claimed it.", "Organization of the Faithful on Earth"),
    ("The Movement for Unity and Jihad in the Sahel grew.", "Movement for Unity and Jihad"),
    ("A statement by Jaysh al-Ahrar wal-Ansar followed.", "Jaysh al-Ahrar wal-Ansar"),
    ("The Northern Hills Revolutionary Front split.", "Northern Hills Revolutionary Front"),
])
def test_a_name_is_read_whole(text, name):
    assert name in names(text)


def test_two_names_joined_by_and_the_stay_two():
    got = names("Clashes between the Army of Victory and the Army of Glory went on.")
    assert {"Army of Victory", "Army of Glory"} <= got
    assert not any(" and " in n for n in got)


def test_a_leading_word_inside_a_longer_name_starts_nothing():
    got = names("The Mountain Hawks Brigade of the Free Valley Army attacked.")
    assert "Brigade of the Free Valley Army" not in got
    got = names("The 103rd Brigade of the National Army moved in.")
    assert not any(n.startswith("Brigade of") for n in got)


def test_the_head_words_are_data(tmp_path, monkeypatch):
    grammar = load_grammar()
    assert "Jaysh" in grammar["heads"] and "Brigades" in grammar["tails"]
    bad = tmp_path / "g.yaml"
    bad.write_text("heads: [Jaysh]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="needs links, tails"):
        load_grammar(bad)
    bad.write_text(open(name_grammar.GRAMMAR_FILE, encoding="utf-8").read().replace('"on"', "on"), encoding="utf-8")
    with pytest.raises(ConfigError, match="True is not a word"):
        load_grammar(bad)


@pytest.mark.parametrize("text, name", [
    ("The Eastern Defence League (EDL) is a group.", "Eastern Defence League"),
    ("Envoys of the House of Elders (HoE) met.", "House of Elders"),
    ("It backed the Front for the Liberation of the Azawad (FLA).", "Front for the Liberation of the Azawad"),
])
def test_an_acronym_in_brackets_pairs_with_the_words_that_spell_it(text, name):
    assert name in names(text)


def test_an_acronym_that_the_words_do_not_spell_pairs_with_nothing():
    from factionmap.extract.name_grammar import acronym_expansions

    assert acronym_expansions("Talks with the Revolutionary Armed Forces of Colombia (FARC) began.") == []


def test_the_pair_becomes_a_name_and_its_alias():
    from factionmap.extract.pipeline import default_pipeline
    from factionmap.model import Document

    text = "The Eastern Defence League (EDL) was founded in 1990. In 1995 the EDL fought the police."
    ex = default_pipeline()(Document(text=text))
    (league,) = [e for e in ex.entities if e.name == "Eastern Defence League"]
    assert "EDL" in league.names
    assert sum(1 for m in ex.mentions if m.entity_key == league.key) == 3


def _places(text: str) -> set[str]:
    from factionmap.model import EntityType

    return {f.text(text) for f in find_names(text) if f.type is EntityType.PLACE}


def test_every_name_of_a_plural_place_list_is_a_place():
    text = "The brigade took the villages of Kafr Lahu, Basrat, Uwayj and Taqqa from the front."
    assert {"Kafr Lahu", "Basrat", "Uwayj", "Taqqa"} <= _places(text)
    # a singular place word names one place: the name after "and" is not read as one
    assert "Marwan" not in _places("The brigade took the town of Binnesh and Marwan Haddad fled.")


def test_a_name_with_a_place_word_after_it_is_a_place():
    text = "The front seized Tell Hanzar village, the Ezpel suburb, the Amvrosky Raion and Lugansk Oblast."
    assert {"Tell Hanzar", "Ezpel", "Amvrosky Raion", "Lugansk Oblast"} <= _places(text)
    assert not _places("Gunmen entered a Christian village and a Kurdish suburb.")


def test_an_arabic_place_word_opens_a_places_name_and_a_facility_word_ends_one():
    text = "The front took Tell Hamid, Kafr Salwa and Jisr al-Malik, then held Ras Selim and the Bardan Dam."
    assert {"Tell Hamid", "Kafr Salwa", "Jisr al-Malik", "Ras Selim", "Bardan Dam"} <= _places(text)
    assert {"Marwan Haddad Airport", "Qurna Airbase"} <= _places("Flights left Marwan Haddad Airport for Qurna Airbase.")
    assert not _places("Tellers and Wadis met the Kafr family.")  # only the word itself, before a name


def test_a_facility_or_landmark_word_ends_a_places_name():
    text = ("The brigade stormed the Corvan Hotel and the Selmar Prison, shelled Dorek Hill and Tavro Mountain, "
            "then held the Emrat border crossing and the Kessel Naval Base.")
    assert {"Corvan Hotel", "Selmar Prison", "Dorek Hill", "Tavro Mountain", "Emrat border crossing",
            "Kessel Naval Base"} <= _places(text)
    assert not _places("The hotel and the prison were shelled near a border crossing.")  # the word alone
