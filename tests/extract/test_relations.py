"""Every relation from sentences written for these tests, and sentences that state no tie."""
import pytest

CASES = [
    ("In 2016 the Free Lions Brigade pledged allegiance to the Islamic State.",
     ("Free Lions Brigade", "allegiance_to", "Islamic State")),
    ("Jabhat al-Nusra is the Syrian branch of al-Qaeda.", ("Jabhat al-Nusra", "part_of", "al-Qaeda")),
    ("Boko Haram has worked with the Islamic State since 2015.", ("Boko Haram", "ally_of", "Islamic State")),
    ("Hezbollah fought against the Islamic State near the border.", ("Hezbollah", "opposes", "Islamic State")),
    ("The Black Banner Brigades split from Jabhat al-Nusra after the dispute.",
     ("Black Banner Brigades", "split_from", "Jabhat al-Nusra")),
    ("In 2017 the Green Valley Front merged into Jabhat al-Nusra.",
     ("Green Valley Front", "merged_into", "Jabhat al-Nusra")),
    ("The Mountain Front is the successor of the Caucasus Emirate.",
     ("Mountain Front", "successor_of", "Caucasus Emirate")),
    ("Boko Haram leader Abu Yusuf al-Barnawi spoke in the video.", ("Abu Yusuf al-Barnawi", "leader_of", "Boko Haram")),
    ("Islamic State spokesman Abu Hamza al-Qurashi read the statement.",
     ("Abu Hamza al-Qurashi", "member_of", "Islamic State")),
    ("Abu Talha al-Almani defected to the Islamic State in 2014.",
     ("Abu Talha al-Almani", "defected_to", "Islamic State")),
    ("Boko Haram was designated as a terrorist organization by the United States in 2013.",
     ("Boko Haram", "designated_by", "United States")),
    ("The Caucasus Emirate is active in Dagestan and Chechnya.", ("Caucasus Emirate", "operates_in", "Dagestan")),
]


@pytest.mark.parametrize("text,want", CASES, ids=[c[1][1] for c in CASES])
def test_each_relation(ties, text, want):
    found, _ = ties(text)
    assert (*want, "asserted") in found, found


def test_lists_give_one_tie_each(ties):
    found, _ = ties("The Caucasus Emirate is active in Dagestan and Chechnya.")
    assert ("Caucasus Emirate", "operates_in", "Chechnya", "asserted") in found


def test_led_by_in_brackets(ties):
    found, _ = ties("The Sun Brigade (led by Abu Omar al-Tunisi) moved to the coast.")
    assert ("Abu Omar al-Tunisi", "leader_of", "Sun Brigade", "asserted") in found


def test_linked_modifier_is_not_the_object(ties):
    found, _ = ties("The Hawks Brigade is the latest incarnation of the al-Qaeda-linked Desert Front.")
    assert ("Hawks Brigade", "successor_of", "Desert Front", "asserted") in found
    assert not any(t[1] == "successor_of" and t[2] == "al-Qaeda" for t in found)
    assert ("Desert Front", "ally_of", "al-Qaeda", "asserted") in found


@pytest.mark.parametrize("text", [
    "The Islamic State and al-Qaeda both published magazines in 2015.",
    "Observers in Syria and Iraq watched the news about Hezbollah.",
    "Reporters detained two men affiliated with the Islamic State.",
    "Members of Jabhat al-Nusra left to join the Islamic State.",
    "Boko Haram",
])
def test_no_tie(ties, text):
    found, _ = ties(text)
    assert not {t for t in found if t[1] in ("part_of", "ally_of", "allegiance_to", "opposes", "defected_to")}, found


def test_evidence_holds_the_trigger(ties):
    _, ex = ties("Quiet days passed. In 2016 the Free Lions Brigade pledged allegiance to the Islamic State.")
    a = next(a for a in ex.assertions if a.relation == "allegiance_to")
    ev = a.evidence[0]
    text = ex.document.text[ev.start_char:ev.end_char]
    assert text.startswith("In 2016") and ev.trigger in text and "allegiance" in ev.trigger
    assert ev.extractor == "pledge"


def test_attack_places_the_group(ties):
    found, _ = ties("Suspected Boko Haram gunmen attacked a police post in the town of Mosul in 2019.")
    assert ("Boko Haram", "operates_in", "Mosul", "reported") in found


def test_rival_of_with_a_misparsed_name(ties):
    found, _ = ties("Though small, the Desert Lions Brigade has long been a rival of the Islamic State.")
    assert ("Desert Lions Brigade", "opposes", "Islamic State", "asserted") in found
