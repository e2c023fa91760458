"""Shapes of names the mention stage reads whole: a compass word before a known place, units named by a
number, acronyms whose expansion has possessives, hyphened words or the Arabic article."""
from __future__ import annotations

import pytest

from factionmap.extract.name_grammar import acronym_expansions, compass_before, find_names, is_compass_part
from factionmap.model import Document


def org_names(text: str) -> set[str]:
    return {f.text(text) for f in find_names(text) if f.type.value == "ORG"}


def mentions_of(ex, key: str) -> set[str]:
    return {ex.document.text[m.start:m.end] for m in ex.mentions if m.entity_key == key and m.source != "coref"}


@pytest.mark.parametrize("word, part", [
    ("northern", True), ("north-eastern", True), ("southeast", True), ("central", True), ("west", True),
    ("Eastern", True), ("Northern", True),
    ("North", False), ("South", False), ("Central", False),  # "North Korea", "Central America": names of their own
    ("northernmost", False), ("upper", False),
])
def test_which_words_point_at_part_of_a_place(word, part):
    assert is_compass_part(word) is part


def test_compass_before_finds_the_word_and_its_coordinated_twin():
    text = "Raids went on in northern and central Iraq."
    start, pair = compass_before(text, text.index("Iraq"))
    assert text[start:text.index("Iraq")] == "central "
    assert pair is not None and text[pair:].startswith("northern and")
    text = "Raids went on in South Korea."
    assert compass_before(text, text.index("Korea")) == (text.index("Korea"), None)


def test_a_compass_word_before_a_known_place_is_read_with_it(pipeline):
    ex = pipeline(Document(text="The Valley Guard operated in northern Somalia. Its units also held posts in "
                                "Eastern Nigeria and in the north-east Borno region."))
    assert "northern Somalia" in mentions_of(ex, "somalia")
    assert "Eastern Nigeria" in mentions_of(ex, "nigeria")
    somalia = next(e for e in ex.entities if e.key == "somalia")
    assert "northern Somalia" in somalia.names  # the part's name is the place's alias, as a province's is


def test_coordinated_compass_words_each_name_a_part(pipeline):
    ex = pipeline(Document(text="The Valley Guard carried out attacks in northern and central Iraq in 2004."))
    assert mentions_of(ex, "iraq") == {"central Iraq"}
    iraq = next(e for e in ex.entities if e.key == "iraq")
    assert {"northern Iraq", "central Iraq"} <= set(iraq.names)


def test_a_capitalised_compass_word_of_a_name_is_left_alone(pipeline):
    ex = pipeline(Document(text="The Valley Guard sent envoys to South Syria Council members in Mosul."))
    assert "South Syria" not in mentions_of(ex, "syria")


@pytest.mark.parametrize("text, name", [
    ("The 13th Division withdrew from the town.", "13th Division"),
    ("Troops of the 10th Mechanised Infantry Brigade arrived.", "10th Mechanised Infantry Brigade"),
    ("The rebels' 43rd Front held the valley.", "43rd Front"),
    ("Officers of the 2nd Legion were named.", "2nd Legion"),
    ("The council's Brigade 103 entered the port.", "Brigade 103"),
    ("Later Division 13 joined the coalition.", "Division 13"),
])
def test_a_unit_named_by_a_number_is_read_whole(text, name):
    assert name in org_names(text)


def test_a_number_alone_names_no_unit():
    assert org_names("On the 3rd the Army moved; Brigade 2014 reports and Division 13.5 percent.") == set()
    assert "Brigade 103" not in org_names("The Brigade 103.5 km away")


def test_an_owner_before_a_numbered_unit_is_no_part_of_its_name():
    got = org_names("The council's Brigade 103 entered the port.")
    assert not any("council" in n for n in got)


@pytest.mark.parametrize("text, name", [
    ("The People's Union of the Plains (PUP) was founded in 1970.", "People's Union of the Plains"),
    ("The Global Anti-Poverty Network (GAPN) issued a statement.", "Global Anti-Poverty Network"),
    ("Officers of the Inter-Services Directorate (ISD) met.", "Inter-Services Directorate"),
    ("It joined Jabhat Nasr al-Sahil (JNS) in 2015.", "Jabhat Nasr al-Sahil"),
    ("The Popular Front of the Hills – General Command (PFH-GC) split.", "Popular Front of the Hills – General Command"),
])
def test_an_acronym_pairs_with_possessives_hyphened_words_and_the_article(text, name):
    assert name in org_names(text)


def test_initials_that_do_not_spell_the_acronym_pair_with_nothing():
    assert acronym_expansions("Units of the Coastal Defence Group (ZYX) moved.") == []
    assert acronym_expansions("It listed weapons of mass destruction (WMDs).") == []


@pytest.mark.parametrize("text, name", [
    ("The Harbour cartel moved goods through the port.", "Harbour cartel"),
    ("Fighters of the Kestrel militia held the bridge.", "Kestrel militia"),
    ("The Eastport government signed the truce.", "Eastport government"),
    ("The Varga family ran the network for decades.", "Varga family"),
    ("The council's Kestrel militia held the bridge.", "Kestrel militia"),
])
def test_a_name_with_a_lower_case_group_word_is_read_whole(text, name):
    assert name in org_names(text)


@pytest.mark.parametrize("text", [
    "A Sunni militia held the bridge.",
    "The US-backed government signed the truce.",
    "The Ukrainian government signed the truce.",
    "Another militia held the bridge.",
    "The mayor's militia held the bridge.",
])
def test_words_that_describe_make_no_name_with_a_group_word(text):
    assert not any(n.endswith(("militia", "government")) for n in org_names(text))


def test_a_known_group_or_state_before_a_group_word_stays_itself(pipeline):
    ex = pipeline(Document(text="The al-Shabaab militia and the Somalia government met in Mogadishu."))
    assert not any(e.name.endswith(("militia", "government")) for e in ex.entities)
    assert "al-Shabaab" in mentions_of(ex, "al-shabaab")


def test_the_name_alone_names_the_same_cartel(pipeline):
    text = "The Harbour cartel was formed in 1990. Rivals of the Harbour fought them for years; the Harbour grew."
    ex = pipeline(Document(text=text))
    cartel = next(e for e in ex.entities if e.name == "Harbour cartel")
    assert "Harbour" in cartel.names
    assert sum(1 for m in ex.mentions if m.entity_key == cartel.key and m.source != "coref") == 3


def test_a_place_before_government_stays_a_place_elsewhere(pipeline):
    ex = pipeline(Document(text="The Mosul government met envoys. Fighting in Mosul went on for a year."))
    gov = next(e for e in ex.entities if e.name == "Mosul government")
    assert "Mosul" not in gov.names
    assert "Mosul" in mentions_of(ex, "mosul")


def person_names(text: str) -> set[str]:
    return {f.text(text) for f in find_names(text) if f.type.value == "PERSON"}


@pytest.mark.parametrize("text, name", [
    ("Commander Abdul Karim Sadiq left the group in 2015.", "Abdul Karim Sadiq"),
    ("Abdel Salam Farouk Hamdi was its spokesman.", "Abdel Salam Farouk Hamdi"),
    ("Abdul Nasir Omar al-Badri led the council.", "Abdul Nasir Omar al-Badri"),
])
def test_a_person_named_abdul_is_read_with_the_family_name(text, name):
    assert name in person_names(text)


def test_a_group_word_after_abdul_and_a_name_is_not_the_family_name():
    text = "Abdul Karim Group and the Abdul Karim Brigade were formed in Aleppo."
    assert not any(n.endswith(("Group", "Brigade")) for n in person_names(text))
    assert "Abdul Karim Brigade" in org_names(text)


def test_dissidents_of_a_known_group_are_a_group_of_their_own(pipeline):
    ex = pipeline(Document(text="In 2017 al-Shabaab dissidents and ZLF dissidents attacked a post. Local dissidents "
                                "and Ruritanian dissidents protested."))
    names = {e.name for e in ex.entities}
    assert {"al-Shabaab dissidents", "ZLF dissidents"} <= names
    assert not any(n.endswith("dissidents") and n.split()[0] in ("Local", "Ruritanian") for n in names)


@pytest.fixture(scope="module")
def gazetteer_pipeline():
    from factionmap.extract.kb import default_kb
    from factionmap.extract.pipeline import build_pipeline
    return build_pipeline(default_kb(), model=None)


def test_a_gazetteer_place_after_a_compass_word_stays_a_place(gazetteer_pipeline):
    """A gazetteer's place whose name the document also writes inside a longer capitalised name ("the
    Democratic Cambodia of 1975") is no place there, yet is one after a compass word."""
    text = "The guerrillas grew in the forests of Eastern Cambodia. Democratic Cambodia was proclaimed in 1975."
    ex = gazetteer_pipeline(Document(text=text))
    got = {ex.document.text[m.start:m.end]: m.entity_key for m in ex.mentions if m.type.value == "PLACE"}
    assert "Eastern Cambodia" in got
    cambodia = next(e for e in ex.entities if e.key == got["Eastern Cambodia"])
    assert "Cambodia" in cambodia.names and "Eastern Cambodia" in cambodia.names
