"""Frames for coalitions, hostility, lineage, defection and designation: each on a sentence written for this
test, and a no-tie trap per family."""
import pytest

CASES = [
    # part_of: coalition umbrellas and their member lists, front groups, counted affiliates, states leading coalitions
    ("In May the Northern Shield Front operations room was set up between the Sun Brigade and the following local "
     "groups: these were listed as the Desert Front (northern sector), the Green Valley Front of the Islamic Front "
     "coalition and the Hill Brigade.", ("Desert Front", "part_of", "Northern Shield Front")),
    ("In May the Northern Shield Front operations room was set up between the Sun Brigade and the following local "
     "groups: these were listed as the Desert Front (northern sector), the Green Valley Front of the Islamic Front "
     "coalition and the Hill Brigade.", ("Hill Brigade", "part_of", "Northern Shield Front")),
    ("In May the Northern Shield Front operations room was set up between the Sun Brigade and the following local "
     "groups: these were listed as the Desert Front (northern sector), the Green Valley Front of the Islamic Front "
     "coalition and the Hill Brigade.", ("Sun Brigade", "part_of", "Northern Shield Front")),
    ("The Desert Front is essentially a front group for Hezbollah.", ("Desert Front", "part_of", "Hezbollah")),
    ("The Islamic Front, which counts the Sun Brigade as one of its member groups, met in Aleppo.",
     ("Sun Brigade", "part_of", "Islamic Front")),
    ("The Northern Shield Front, led by the United States, struck Mosul.",
     ("United States", "part_of", "Northern Shield Front")),
    # ally_of: the umbrella's founders, combined forces
    ("In May the Northern Shield Front operations room was set up between the Sun Brigade and the following local "
     "groups: these were listed as the Desert Front (northern sector) and the Hill Brigade.",
     ("Sun Brigade", "ally_of", "Hill Brigade")),
    ("The combined forces of the Sun Brigade and the Desert Front number some 300 men.",
     ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade and the Desert Front combined forces near Aleppo.", ("Sun Brigade", "ally_of", "Desert Front")),
    ("The Sun Brigade fought side by side with the Desert Front.", ("Sun Brigade", "ally_of", "Desert Front")),
    # opposes
    ("The Northern Shield Front - a coalition led by Turkey - against the Islamic State grew.",
     ("Northern Shield Front", "opposes", "Islamic State")),
    ("The Sun Brigade was driven out of Mosul by the Islamic State in 2014.", ("Sun Brigade", "opposes", "Islamic State")),
    ("Hezbollah believes Turkey intends to destroy both the Sun Brigade and the Desert Front.",
     ("Turkey", "opposes", "Desert Front")),
    ("In January the Sun Brigade tried to move against the Islamic State.", ("Sun Brigade", "opposes", "Islamic State")),
    ("The Desert Front has long been a bitter enemy of Hezbollah.", ("Desert Front", "opposes", "Hezbollah")),
    ("In June the Sun Brigade ambushed Hezbollah near Aleppo.", ("Sun Brigade", "opposes", "Hezbollah")),
    # lineage
    ("In 2016 the Sun Brigade reverted to the name Desert Front.", ("Desert Front", "successor_of", "Sun Brigade")),
    ("In 2016 the Sun Brigade adopted the name Desert Front.", ("Desert Front", "successor_of", "Sun Brigade")),
    ("The Sun Brigade was the direct predecessor of the Desert Front.", ("Desert Front", "successor_of", "Sun Brigade")),
    ("The Sun Brigade, the Desert Front's forerunner, was small.", ("Desert Front", "successor_of", "Sun Brigade")),
    ("In 2015 a faction of the Sun Brigade announced itself as the Desert Front.",
     ("Desert Front", "split_from", "Sun Brigade")),
    ("Hezbollah said the Desert Front is guilty of \u201cdefection\u201d (inshiqaq) from the Sun Brigade.",
     ("Desert Front", "split_from", "Sun Brigade")),
    # defected_to
    ("The Sun Brigade withdrew its allegiance from al-Qaeda and pledged it to the Islamic State.",
     ("Sun Brigade", "defected_to", "Islamic State")),
    ("Abu Omar al-Tunisi left Jabhat al-Nusra for the Islamic State in 2014.",
     ("Abu Omar al-Tunisi", "defected_to", "Islamic State")),
    # designated_by
    ("In 2018 the United States designated both the Sun Brigade and the Desert Front as terrorist organizations.",
     ("Desert Front", "designated_by", "United States")),
    ("In 2018 the United States designated both the Sun Brigade and the Desert Front as terrorist organizations.",
     ("Sun Brigade", "designated_by", "United States")),
    ("Turkey banned the Sun Brigade in 2003.", ("Sun Brigade", "designated_by", "Turkey")),
    ("The United States amended its designation of the Sun Brigade to include the Desert Front as an alias.",
     ("Desert Front", "designated_by", "United States")),
    ("The United States amended its designation of the Sun Brigade to include the Desert Front as an alias.",
     ("Sun Brigade", "designated_by", "United States")),
    ("The United Nations' listing of the Sun Brigade came in 2019.", ("Sun Brigade", "designated_by", "United Nations")),
    ("In 2017 the United States named Abu Omar al-Tunisi a Specially Designated Global Terrorist.",
     ("Abu Omar al-Tunisi", "designated_by", "United States")),
]


@pytest.mark.parametrize("text,want", CASES, ids=[f"{c[1][1]}-{i}" for i, c in enumerate(CASES)])
def test_frame(ties, text, want):
    found, _ = ties(text)
    wants = [want] + ([(want[2], want[1], want[0])] if want[1] in ("ally_of", "opposes") else [])
    assert any((*w, st) in found for w in wants for st in ("asserted", "reported")), found


# (sentence, (subject, object) pairs that must not be tied by any relation)
TRAPS = [
    # umbrella: a group named after "of the X coalition" qualifies a member, it is not itself a member
    ("In May the Northern Shield Front operations room was set up between the Sun Brigade and the following local "
     "groups: these were listed as the Desert Front of the Islamic Front coalition and the Hill Brigade.",
     {("Islamic Front", "Northern Shield Front"), ("Sun Brigade", "Islamic Front")}),
    # a front line is not a front group
    ("The Desert Front held the front for weeks while Hezbollah watched.", {("Desert Front", "Hezbollah")}),
    # a coalition led by a group's fighters' former commanders: "led by" a group, not a state
    ("The Northern Shield Front, led by former Sun Brigade commanders, took Mosul.",
     {("Sun Brigade", "Northern Shield Front")}),
    # hostility: a passive with another agent later in the sentence
    ("Abu Omar al-Tunisi was killed in a drone strike, and was praised by Hezbollah.",
     {("Abu Omar al-Tunisi", "Hezbollah")}),
    ("The Sun Brigade planned to hold talks with the Desert Front.", {("Sun Brigade", "Desert Front")}),
    ("Members of the Sun Brigade later joined the fighting in Aleppo with Hezbollah.", {("Sun Brigade", "Hezbollah")}),
    # defection: leaving without a new home is no defection
    ("Abu Omar al-Tunisi left Jabhat al-Nusra for Aleppo in 2014.", {("Abu Omar al-Tunisi", "Aleppo")}),
    # designation: a ban by a group is no designation
    ("The Islamic State banned smoking in Mosul and the Sun Brigade followed.", {("Sun Brigade", "Islamic State")}),
]


@pytest.mark.parametrize("text,pairs", TRAPS, ids=[f"trap-{i}" for i in range(len(TRAPS))])
def test_traps(ties, text, pairs):
    found, _ = ties(text)
    bad = {t for t in found if (t[0], t[2]) in pairs or (t[2], t[0]) in pairs}
    assert not bad, found


def test_striking_a_leader_sets_the_actor_against_the_group(ties):
    found, _ = ties("Abu Omar al-Tunisi is the leader of the Sun Brigade. In 2019 Turkey killed Abu Omar al-Tunisi in Aleppo.")
    assert any(t[1] == "opposes" and {t[0], t[2]} == {"Turkey", "Sun Brigade"} for t in found), found


def test_striking_a_plain_member_ties_no_group(ties):
    found, _ = ties("Abu Omar al-Tunisi is a fighter of the Sun Brigade. In 2019 Turkey killed Abu Omar al-Tunisi in Aleppo.")
    assert not any({t[0], t[2]} == {"Turkey", "Sun Brigade"} for t in found), found


def test_a_named_defector_goes_where_the_paragraphs_defections_went(ties):
    found, _ = ties("In 2014 commanders of the Sun Brigade began switching their allegiance from the Sun Brigade to the "
                    "Islamic State. Hezbollah mocked the most senior defector, Abu Omar al-Tunisi, in a video.")
    assert ("Abu Omar al-Tunisi", "defected_to", "Islamic State", "asserted") in found, found


def test_a_defector_in_another_paragraph_is_left_alone(ties):
    found, _ = ties("In 2014 commanders of the Sun Brigade began switching their allegiance from the Sun Brigade to the "
                    "Islamic State.\n\nYears later Hezbollah mocked the defector Abu Omar al-Tunisi in a video.")
    assert not any(t[1] == "defected_to" for t in found), found


def test_branches_in_places_each_pair(ties):
    found, _ = ties("By 2015 many commanders of the Islamic State's branches in Chechnya (Sun Brigade) and Dagestan "
                    "(Desert Front) had left.")
    assert ("Desert Front", "part_of", "Islamic State", "asserted") in found, found
    assert ("Desert Front", "operates_in", "Dagestan", "asserted") in found, found
    assert ("Desert Front", "operates_in", "Chechnya", "asserted") not in found, found


def test_members_taking_refuge_ally_their_group(ties):
    found, _ = ties("The Sun Brigade is a rebel faction from Mosul, some of whose members took refuge with the Desert Front.")
    assert any(t[1] == "ally_of" and {t[0], t[2]} == {"Sun Brigade", "Desert Front"} for t in found), found


def test_members_leaving_for_a_group_is_no_alliance(ties):
    found, _ = ties("The Sun Brigade is a rebel faction from Mosul, some of whose members later joined the Desert Front.")
    assert not any(t[1] == "ally_of" for t in found), found


def test_became_branch_is_part_not_successor(ties):
    """Lineage: a group that became another group's branch is part of it, not its successor."""
    found, _ = ties("In 2015 the Sun Brigade became the Islamic State's branch in Aleppo.")
    assert ("Sun Brigade", "part_of", "Islamic State", "asserted") in found, found
    assert not {t for t in found if t[1] != "part_of" and {t[0], t[2]} == {"Sun Brigade", "Islamic State"}}, found
