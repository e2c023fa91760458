"""Relation frames added for recall: each on a sentence written for this test, plus the traps they must avoid."""
import pytest

CASES = [
    # part_of: coalition members, "of which", "X and other Y affiliates", "Y groups like X", group lists
    ("The Islamic Front, of which the Green Valley Front is still a part, met in Aleppo.",
     ("Green Valley Front", "part_of", "Islamic Front")),
    ("The Black Banner Brigades and other local Islamic Front affiliates held the town.",
     ("Black Banner Brigades", "part_of", "Islamic Front")),
    ("Islamic Front groups like the Green Valley Front sent men.",
     ("Green Valley Front", "part_of", "Islamic Front")),
    ("The member groups of the Islamic Front include the Green Valley Front, the Sun Brigade and the Desert Front.",
     ("Desert Front", "part_of", "Islamic Front")),
    ("The Sun Brigade and the Desert Front formed a new coalition, the Northern Shield Front.",
     ("Sun Brigade", "part_of", "Northern Shield Front")),
    ("The Sun Brigade is among the groups of the Islamic Front.", ("Sun Brigade", "part_of", "Islamic Front")),
    ("The Islamic State said Islamic State – Sinai Province carried out the attack.", ("Islamic State – Sinai Province", "part_of", "Islamic State")),
    ("They recalled al-Qaeda’s Jabhat al-Nusra in those years.", ("Jabhat al-Nusra", "part_of", "al-Qaeda")),
    # ally_of
    ("The Sun Brigade and the Desert Front formed a joint operations room in 2015.",
     ("Desert Front", "ally_of", "Sun Brigade")),
    ("The Sun Brigade fought in close coordination with the Desert Front.", ("Desert Front", "ally_of", "Sun Brigade")),
    # opposes: agencies against a group's members, stand-offs, taking a place from a group
    ("In May the United States conducted operations against militants affiliated with the Islamic State.",
     ("Islamic State", "opposes", "United States")),
    ("The clash was a stand-off between Hezbollah and a cell of militants affiliated with the Islamic State.",
     ("Hezbollah", "opposes", "Islamic State")),
    ("In 2014 the Sun Brigade tried to take Mosul from the Islamic State.", ("Islamic State", "opposes", "Sun Brigade")),
    ("Turkey detained four fighters of the Islamic State at the border.", ("Islamic State", "opposes", "Turkey")),
    # merged_into, defected_to
    ("The Sun Brigade merged with the Desert Front to form the Northern Shield Front.",
     ("Desert Front", "merged_into", "Northern Shield Front")),
    ("The statement announced the dissolution of the Sun Brigade and its allegiance to the Islamic State.",
     ("Sun Brigade", "merged_into", "Islamic State")),
    ("It announced the dissolution of the Sun Brigade in Syria and its pledge to the Islamic State.",
     ("Sun Brigade", "merged_into", "Islamic State")),
    ("The Sun Brigade dissolved itself and joined the Islamic Front.", ("Sun Brigade", "merged_into", "Islamic Front")),
    ("In 2016 the Islamic Front absorbed the Sun Brigade.", ("Sun Brigade", "merged_into", "Islamic Front")),
    ("Abu Omar al-Tunisi defected from Jabhat al-Nusra to the Islamic State.",
     ("Abu Omar al-Tunisi", "defected_to", "Islamic State")),
    ("Abu Omar al-Tunisi joined the Islamic State in 2014 after leaving Jabhat al-Nusra.",
     ("Abu Omar al-Tunisi", "defected_to", "Islamic State")),
    ("The Sun Brigade switched its allegiance from al-Qaeda to the Islamic State.",
     ("Sun Brigade", "defected_to", "Islamic State")),
    # designated_by
    ("The Sun Brigade was designated a Foreign Terrorist Organization (FTO) by the United States in 2016.",
     ("Sun Brigade", "designated_by", "United States")),
    ("In 2019 the United States added the Sun Brigade to its list of foreign terrorist organizations.",
     ("Sun Brigade", "designated_by", "United States")),
    ("The United States designated the Desert Front a terrorist group.", ("Desert Front", "designated_by", "United States")),
    # operates_in
    ("The Sun Brigade, a small jihadi group based in Aleppo, gained recruits.", ("Sun Brigade", "operates_in", "Aleppo")),
    ("The Sun Brigade is a rebel faction from Mosul.", ("Sun Brigade", "operates_in", "Mosul")),
    ("The factions present in Aleppo are the Sun Brigade and the Desert Front.", ("Desert Front", "operates_in", "Aleppo")),
    ("Police arrested two militants linked to the Sun Brigade in the city of Mosul.", ("Sun Brigade", "operates_in", "Mosul")),
    ("The Sun Brigade has carried out several bombings in Mosul.", ("Sun Brigade", "operates_in", "Mosul")),
    ("The Caucasus Emirate is active in the Dagestan region of Russia.", ("Caucasus Emirate", "operates_in", "Russia")),
    ("A Mosul-based faction, the Sun Brigade, opened an office.", ("Sun Brigade", "operates_in", "Mosul")),
    ("The Sun Brigade is a branch of al-Qaeda, which is active in Chechnya.", ("Sun Brigade", "operates_in", "Chechnya")),
    ("By 2015 the Sun Brigade controlled most of Aleppo.", ("Sun Brigade", "operates_in", "Aleppo")),
    ("The Sun Brigade, which captured Mosul last year, grew.", ("Sun Brigade", "operates_in", "Mosul")),
    ("The Sun Brigade's operations in Dagestan grew.", ("Sun Brigade", "operates_in", "Dagestan")),
    ("The Sun Brigade's control of Aleppo as well as most of Mosul cut the road.",
     ("Sun Brigade", "operates_in", "Mosul")),
    # member_of, leader_of
    ("Abu Omar al-Tunisi, the son of a trader from Iraq, joined the Islamic State in 2014.",
     ("Abu Omar al-Tunisi", "member_of", "Islamic State")),
    ("We spoke to one Abu Omar al-Tunisi, one of those from the Sun Brigade who stayed.",
     ("Abu Omar al-Tunisi", "member_of", "Sun Brigade")),
    ("Two Sun Brigade fighters in Aleppo: on the left, Abu Omar al-Tunisi.",
     ("Abu Omar al-Tunisi", "member_of", "Sun Brigade")),
    ("One of the Sun Brigade's leaders (Abu Omar al-Tunisi) gave the figure.",
     ("Abu Omar al-Tunisi", "leader_of", "Sun Brigade")),
    ("Later al-Qaeda named Abu Omar al-Tunisi as the Sun Brigade commander-in-chief.",
     ("Abu Omar al-Tunisi", "leader_of", "Sun Brigade")),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"{c[1][1]}-{i}" for i, c in enumerate(CASES)])
def test_frame(ties, text, want):
    found, _ = ties(text)
    wants = [want] + ([(want[2], want[1], want[0])] if want[1] in ("ally_of", "opposes") else [])
    assert any((*w, st) in found for w in wants for st in ("asserted", "reported")), found


def test_coalition_members_each(ties):
    found, _ = ties("The Sun Brigade, the Desert Front and the Green Valley Front joined the Islamic Front coalition.")
    for g in ("Sun Brigade", "Desert Front", "Green Valley Front"):
        assert (g, "part_of", "Islamic Front", "asserted") in found, found


def test_designation_shared_by_a_second_clause(ties):
    found, _ = ties("The Sun Brigade was designated by the United States in 2015; Abu Omar al-Tunisi was listed in 2016.")
    assert ("Abu Omar al-Tunisi", "designated_by", "United States", "asserted") in found, found


def test_labelled_names_in_brackets_are_skipped(ties):
    found, _ = ties("The Sun Brigade (SB, Arabic: Liwa al-Shams, romanized: Liwa al-Shams) is a branch of al-Qaeda.")
    assert ("Sun Brigade", "part_of", "al-Qaeda", "asserted") in found, found


@pytest.mark.parametrize("text", [
    "The Desert Front, an ex-Sun Brigade grouping based in Aleppo, held the town.",  # not the Sun Brigade
    "Hezbollah's rival Jabhat al-Nusra took the town.",
    "The men pledged allegiance to the Islamic State in Syria and in Iraq.",
    "Hezbollah and two men affiliated with al-Qaeda were named in the report.",
])
def test_traps(ties, text):
    found, _ = ties(text)
    bad = {t for t in found if (t[0], t[2]) in {("Sun Brigade", "Aleppo"), ("Jabhat al-Nusra", "Hezbollah"),
                                                ("Islamic State", "Syria"), ("Islamic State", "Iraq"),
                                                ("Hezbollah", "al-Qaeda")}}
    assert not bad, found


def test_former_modifier_keeps_the_group(ties):
    found, _ = ties("The Desert Front, an ex-Sun Brigade grouping based in Aleppo, held the town.")
    assert ("Desert Front", "operates_in", "Aleppo", "asserted") in found, found
