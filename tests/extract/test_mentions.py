"""Mentions: KB names folded (case, diacritics, apostrophes, article), name shapes, acronyms, scripts."""
from factionmap.extract.fold import fold, fold_with_map
from factionmap.extract.name_grammar import find_names
from factionmap.model import Document


def test_fold_spellings():
    assert fold("al-Qa’ida") == fold("Al Qa'ida") == "al qaida"
    assert fold("Salah ad-Din ash-Shishani") == "salah al din al shishani"
    assert fold("Wilāyat") == "wilayat"
    text = "ISIS’s ranks"
    f, idx = fold_with_map(text)
    assert f.startswith("isis s") and text[idx[0]:idx[3] + 1] == "ISIS"


def test_kb_names_and_case(pipeline):
    ex = pipeline(Document(text="Fighters of Daesh entered the town. This is what IS wanted, the ISIL says."))
    names = {ex.document.text[m.start:m.end] for m in ex.mentions if m.entity_key == "islamic-state"}
    assert names == {"Daesh", "IS", "ISIL"}  # "is" (lower case) is not a mention


def test_name_shapes():
    text = "Fighters of Liwa Suqur al-Jabal and the Northern Hawks Brigades met Abu Khalid al-Suri in Idlib province."
    found = {(f.type.value, f.text(text)) for f in find_names(text)}
    assert ("ORG", "Liwa Suqur al-Jabal") in found
    assert ("ORG", "Northern Hawks Brigades") in found
    assert ("PERSON", "Abu Khalid al-Suri") in found
    assert ("PLACE", "Idlib province") in found


def test_province_shape():
    text = "Islamic State – Sahel Province claimed the raid."
    assert ("ORG", "Islamic State – Sahel Province") in {(f.type.value, f.text(text)) for f in find_names(text)}


def test_acronym_definition_becomes_alias_and_mention(pipeline):
    text = "The Desert Lions Brigade (DLB) was formed in 2019. Later the DLB fought the Islamic State."
    ex = pipeline(Document(text=text))
    ent = next(e for e in ex.entities if e.name == "Desert Lions Brigade")
    assert "DLB" in ent.names
    assert sum(1 for m in ex.mentions if m.entity_key == ent.key) == 3


def test_kb_acronym_only_when_defined(pipeline):
    ex = pipeline(Document(text="The IS-CP claimed it. Nothing else."))
    assert not any(m.entity_key == "is-caucasus" for m in ex.mentions)
    ex = pipeline(Document(text="Islamic State – Caucasus Province (IS-CP) exists. The IS-CP claimed it."))
    assert sum(1 for m in ex.mentions if m.entity_key == "is-caucasus" and m.source != "coref") == 3


def test_arabic_script_name_becomes_alias(pipeline):
    text = "Jaysh al-Sahil (Arabic: جيش الساحل) is a group in Syria."
    ex = pipeline(Document(text=text))
    ent = next(e for e in ex.entities if e.name == "Jaysh al-Sahil")
    assert "جيش الساحل" in ent.names
