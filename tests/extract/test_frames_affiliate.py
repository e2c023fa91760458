"""'X remained (remains, is still) Y's affiliate (branch, wing)' and 'X was a vehicle through which Y ...':
part_of X -> Y, with the usual coreference for "the group" and the usual stance inside reported speech.
Every sentence here was written for this file."""
from __future__ import annotations

import pytest

CASES = [
    ("Ansaru remained Boko Haram's affiliate in Nigeria for a decade.", "Ansaru", "Boko Haram"),
    ("Ansaru remains al-Qaeda's branch in the Sahel.", "Ansaru", "al-Qaeda"),
    ("Ansaru is still al-Qaeda's wing in Nigeria.", "Ansaru", "al-Qaeda"),
    ("By 2019 Jund al-Aqsa had become irrelevant, but Ansaru was still al-Qaeda's main affiliate in Nigeria.",
     "Ansaru", "al-Qaeda"),
    ("Ansaru was a vehicle through which al-Qaeda recruited fighters in Nigeria.", "Ansaru", "al-Qaeda"),
    ("Jund al-Aqsa served as a conduit through which Jabhat al-Nusra moved weapons.", "Jund al-Aqsa",
     "Jabhat al-Nusra"),
    ("Ansaru was founded in 2012. The group remained al-Qaeda's affiliate in northern Nigeria.",
     "Ansaru", "al-Qaeda"),
    ("Ansaru was founded in 2012. It remains al-Qaeda's affiliate in northern Nigeria.", "Ansaru", "al-Qaeda"),
]


@pytest.mark.parametrize("text, subject, obj", CASES, ids=[f"affiliate-{i}" for i in range(len(CASES))])
def test_affiliate_predicate(ties, text, subject, obj):
    found, _ = ties(text)
    assert (subject, "part_of", obj, "asserted") in found, found


@pytest.mark.parametrize("text, pair", [
    ("Ansaru was Boko Haram's main rival faction in Kano.", {"Ansaru", "Boko Haram"}),
    ("Ansaru remained al-Qaeda's former affiliate in name only.", {"Ansaru", "al-Qaeda"}),
    ("Ansaru is al-Qaeda's rival in the Sahel.", {"Ansaru", "al-Qaeda"}),
], ids=["rival-faction", "former-affiliate", "rival"])
def test_affiliate_traps(ties, text, pair):
    found, _ = ties(text)
    assert not {t for t in found if t[1] == "part_of" and {t[0], t[2]} == pair}, found


def test_affiliate_reported_by_department(ties):
    text = ("The State Department designated Ansaru in 2013. The department said that the group remained "
            "al-Qaeda's affiliate in Nigeria.")
    _, ex = ties(text)
    got = [(a.subject.name, a.object.name, a.stance.value, a.attribution) for a in ex.assertions
           if a.relation == "part_of"]
    assert got == [("Ansaru", "al-Qaeda", "reported", "State Department")], got


@pytest.mark.parametrize("text, subject, obj", [
    ("Ansaru's leaders pledged allegiance to al-Qaeda in 2012.", "Ansaru", "al-Qaeda"),
    ("Boko Haram's senior commanders swore an oath of loyalty to the Islamic State.", "Boko Haram", "Islamic State"),
    ("Jund al-Aqsa's shura council gave bay'ah to al-Baghdadi.", "Jund al-Aqsa", "Abu Bakr al-Baghdadi"),
], ids=["leaders", "senior-commanders", "shura-council"])
def test_pledge_by_group_leadership(ties, text, subject, obj):
    found, _ = ties(text)
    assert (subject, "allegiance_to", obj, "asserted") in found, found


def test_pledge_by_spokesman_not_group(ties):
    found, _ = ties("Ansaru's spokesman pledged allegiance to al-Qaeda.")
    assert ("Ansaru", "allegiance_to", "al-Qaeda", "asserted") not in found, found


@pytest.mark.parametrize("text, a, b", [
    ("Fighting with al-Shabaab cost the Islamic State dozens of fighters in Puntland.", "al-Shabaab", "Islamic State"),
    ("In 2016, years of fighting with the Islamic State had left Jabhat al-Nusra exhausted.",
     "Islamic State", "Jabhat al-Nusra"),
    ("Fierce clashes with Hezbollah weakened Jund al-Aqsa near the border.", "Hezbollah", "Jund al-Aqsa"),
], ids=["cost", "years-of-left", "weakened"])
def test_fronted_clashes_with(ties, text, a, b):
    found, _ = ties(text)
    assert {t[3] for t in found if t[1] == "opposes" and {t[0], t[2]} == {a, b}} == {"asserted"}, found


@pytest.mark.parametrize("text, pair", [
    ("Fighting with Ahrar al-Sham, Jabhat al-Nusra took the airbase.", {"Ahrar al-Sham", "Jabhat al-Nusra"}),
    ("Talks with Boko Haram left Ansaru divided.", {"Boko Haram", "Ansaru"}),
], ids=["participle-alongside", "talks"])
def test_fronted_clashes_traps(ties, text, pair):
    found, _ = ties(text)
    assert not {t for t in found if t[1] == "opposes" and {t[0], t[2]} == pair}, found


def test_demonym_province_is_a_branch_noun(ties):
    found, _ = ties("Ansaru was briefly the Nigerian province of al-Qaeda.")
    assert ("Ansaru", "part_of", "al-Qaeda", "asserted") in found, found


def test_demonym_province_of_place(ties):
    found, ex = ties("Boko Haram attacked villages in the Nigerian province of Borno.")
    assert ("Boko Haram", "operates_in", "Borno", "asserted") in found, found
    assert not any("province" in t[2].lower() for t in found), found


def test_named_province_still_a_place(ties):
    found, _ = ties("Boko Haram remains active in Yobe province.")
    assert any(t[1] == "operates_in" and t[0] == "Boko Haram" and "Yobe" in t[2] for t in found), found


@pytest.mark.parametrize("text, subject, obj", [
    ("ISWAP, the Islamic State's West Africa province, attacked a base near Lake Chad.",
     "Islamic State West Africa Province", "Islamic State"),
    ("ISWAP became the Islamic State's West Africa province in 2016.",
     "Islamic State West Africa Province", "Islamic State"),
    ("Ansaru, al-Qaeda's affiliate in Nigeria, kidnapped two engineers.", "Ansaru", "al-Qaeda"),
    ("By 2016 ISWAP was IS's West Africa province.", "Islamic State West Africa Province", "Islamic State"),
], ids=["appos-province", "became-province", "appos-affiliate-in", "acronym-possessor"])
def test_group_owned_province(ties, text, subject, obj):
    found, _ = ties(text)
    assert (subject, "part_of", obj, "asserted") in found, found


def test_appos_rival_faction_trap(ties):
    found, _ = ties("Ansaru, Boko Haram's rival faction, kidnapped two engineers.")
    assert not {t for t in found if t[1] == "part_of"}, found
