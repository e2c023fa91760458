"""Ties whose subject or object comes from another sentence or from an anaphor (extract.ties.discourse,
extract.coref): responsibility claims, events that took place somewhere, "the two groups", place and
title anaphors, paragraph topics on encyclopedia pages, subjectless lines."""
import pytest


def _evidence(ex, subject, relation, obj):
    for a in ex.assertions:
        if (a.subject.name, a.relation, a.object.name) == (subject, relation, obj):
            ev = a.evidence[0]
            return ex.document.text[ev.start_char:ev.end_char]
    return None


# claims of responsibility ------------------------------------------------------------------------------

def test_claim_names_the_place(ties):
    found, _ = ties("Boko Haram claimed responsibility for a bombing at a market in Mosul last week.")
    assert ("Boko Haram", "operates_in", "Mosul", "reported") in found


def test_claim_placed_by_the_attack_sentence_before(ties):
    found, ex = ties("On 4 March, two gunmen opened fire on a bus station in Aleppo, wounding six people. "
                     "Hezbollah later claimed responsibility.")
    assert ("Hezbollah", "operates_in", "Aleppo", "reported") in found
    ev = _evidence(ex, "Hezbollah", "operates_in", "Aleppo")
    assert "opened fire" in ev and "claimed responsibility" in ev  # adjacent: both sentences


def test_claim_placed_two_sentences_back_keeps_its_own_sentence(ties):
    found, ex = ties("On 9 May, a patrol was ambushed on the outskirts of Mosul. Two soldiers died of their wounds. "
                     "The Islamic State claimed responsibility for the attack.")
    assert ("Islamic State", "operates_in", "Mosul", "reported") in found
    ev = _evidence(ex, "Islamic State", "operates_in", "Mosul")
    assert ev.startswith("The Islamic State claimed")


def test_claim_does_not_reach_into_another_paragraph(ties):
    found, _ = ties("On 4 March, gunmen attacked a checkpoint in Aleppo.\n\n"
                    "Hezbollah claimed responsibility for the attack.")
    assert not any(t[1] == "operates_in" for t in found)


def test_claim_place_of_a_reason_is_not_the_attack_place(ties):
    found, _ = ties("Boko Haram claimed responsibility for the attack, saying it was revenge for raids in Mosul.")
    assert not any(t[1] == "operates_in" and t[2] == "Mosul" for t in found)


def test_claimed_by_passive(ties):
    found, _ = ties("A car bomb exploded near a police station in Mosul. "
                    "Responsibility was later claimed by the Islamic State.")
    assert ("Islamic State", "operates_in", "Mosul", "reported") in found


def test_claim_then_dismissed_gives_a_denial(ties):
    found, _ = ties("In May, Hezbollah claimed responsibility for a blast in Aleppo. "
                    "The group said that it had used a drone. "
                    "The claim was, however, dismissed by local officials.")
    assert ("Hezbollah", "operates_in", "Aleppo", "reported") in found
    assert ("Hezbollah", "operates_in", "Aleppo", "denied") in found


# events that took place somewhere -------------------------------------------------------------------------

def test_event_took_place_in(ties):
    found, _ = ties("Boko Haram said it had killed four soldiers during a raid that took place two days earlier "
                    "in the city of Mosul.")
    assert ("Boko Haram", "operates_in", "Mosul", "reported") in found or \
        ("Boko Haram", "operates_in", "Mosul", "asserted") in found


def test_the_attack_took_place_in_after_the_attacker(ties):
    found, _ = ties("Hezbollah attacked an army convoy on Sunday. The attack took place near Aleppo.")
    assert ("Hezbollah", "operates_in", "Aleppo", "asserted") in found


def test_took_place_without_a_group_agent(ties):
    found, _ = ties("Hezbollah was mentioned in the report. A ceremony took place in Aleppo.")
    assert not any(t[1] == "operates_in" for t in found)


# "the two groups" --------------------------------------------------------------------------------------

def test_the_two_worked_together(ties):
    found, _ = ties("Relations between Boko Haram and Hezbollah were tense: the two appear to have worked together "
                    "in 2014.")
    assert ("Boko Haram", "ally_of", "Hezbollah", "reported") in found \
        or ("Hezbollah", "ally_of", "Boko Haram", "reported") in found


def test_the_two_groups_clashed(ties):
    found, _ = ties("Boko Haram expanded in 2015. Hezbollah did too, and the two groups clashed in Mosul.")
    assert any(t[1] == "opposes" and {t[0], t[2]} == {"Boko Haram", "Hezbollah"} for t in found)


def test_the_two_groups_distribute_another_tie(ties):
    found, _ = ties("Boko Haram and Hezbollah met in 2015. Both groups later pledged allegiance to the Islamic State.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "asserted") in found
    assert ("Hezbollah", "allegiance_to", "Islamic State", "asserted") in found


def test_the_two_is_ambiguous_with_three_groups(ties):
    found, _ = ties("Boko Haram, Hezbollah, and al-Qaeda issued statements. Later the two groups clashed.")
    assert not any(t[1] == "opposes" for t in found)


def test_the_two_skips_a_group_named_for_its_leader(ties):
    found, _ = ties("Jabhat al-Nusra renewed its pledge to al-Qaeda's leader Ayman al-Zawahiri. "
                    "The two groups then fought each other.")
    assert not any(t[1] == "opposes" for t in found)


def test_the_two_most_important_is_no_pair(ties):
    found, _ = ties("Boko Haram and Hezbollah are active. The two most important groups in Mosul are others.")
    assert not any(t[1] in ("opposes", "ally_of") for t in found)


# place anaphors -------------------------------------------------------------------------------------------

def test_the_city(ties):
    found, _ = ties("Fighting resumed in Mosul in June. Hezbollah was initially operating in the city.")
    assert ("Hezbollah", "operates_in", "Mosul", "asserted") in found


def test_the_city_is_ambiguous_between_two_cities(ties):
    found, _ = ties("Fighting resumed in Mosul and Aleppo in June. Hezbollah was initially operating in the city.")
    assert not any(t[1] == "operates_in" and t[0] == "Hezbollah" for t in found)


def test_the_city_of_is_a_name_not_an_anaphor(ties):
    found, _ = ties("Fighting resumed in Mosul in June. Hezbollah was operating in the city of Aleppo.")
    assert ("Hezbollah", "operates_in", "Aleppo", "asserted") in found
    assert ("Hezbollah", "operates_in", "Mosul", "asserted") not in found


def test_the_region_needs_a_region(ties):
    found, _ = ties("Boko Haram grew in Mosul. Hezbollah is active in the region.")
    assert not any(t[1] == "operates_in" and t[0] == "Hezbollah" for t in found)
    found, _ = ties("Boko Haram grew in Dagestan. Hezbollah is active in the region.")
    assert ("Hezbollah", "operates_in", "Dagestan", "asserted") in found


def test_the_city_inside_quoted_speech_is_left_alone(ties):
    found, _ = ties("Fighting resumed in Mosul. A commander said: “Hezbollah is not welcome, we are operating in the city "
                    "to defend it.”")
    assert not any(t[1] == "operates_in" and t[2] == "Mosul" for t in found)


# titles and persons --------------------------------------------------------------------------------------

def test_the_emir(ties):
    found, _ = ties("Ayman al-Zawahiri travelled north in 2012. The emir later pledged allegiance to the Islamic State.")
    assert ("Ayman al-Zawahiri", "allegiance_to", "Islamic State", "asserted") in found


def test_the_emir_of_is_not_an_anaphor(ties):
    found, _ = ties("Ayman al-Zawahiri travelled north in 2012. The emir of Boko Haram pledged allegiance to the "
                    "Islamic State.")
    assert not any(t[0] == "Ayman al-Zawahiri" and t[1] == "allegiance_to" for t in found)


def test_him(ties):
    found, _ = ties("Abu Bakr al-Baghdadi was declared caliph in 2014. Boko Haram pledged allegiance to him in 2015.")
    assert ("Boko Haram", "allegiance_to", "Abu Bakr al-Baghdadi", "asserted") in found


def test_he_inside_quoted_speech_is_left_alone(ties):
    found, _ = ties("Ayman al-Zawahiri spoke in 2012. A defector said: “After that he joined the Islamic State, "
                    "as everyone knows.”")
    assert not any(t[0] == "Ayman al-Zawahiri" and t[1] == "member_of" for t in found)


# encyclopedia pages: the group, subjectless lines --------------------------------------------------------

PAGE = ("Desert Front | |\nAllegiance | al-Qaeda |\n"
        "The Desert Front is a jihadist group in Syria.\n")


def test_the_group_follows_the_paragraphs_topic(ties):
    found, _ = ties(PAGE + "On 3 May 2019, the Islamic State announced an offensive in Syria. In the statement, the "
                    "group said that it had fought against Hezbollah.\n")
    assert ("Hezbollah", "opposes", "Islamic State", "reported") in found or \
        ("Islamic State", "opposes", "Hezbollah", "reported") in found
    assert not any(t[0] == "Desert Front" and t[1] == "opposes" for t in found)


def test_the_group_at_a_paragraph_start_is_the_page_subject(ties):
    found, _ = ties(PAGE + "On 3 May 2019, the Islamic State announced an offensive in Syria.\n\n"
                    "The group claimed responsibility for a bombing in Mosul.\n")
    assert ("Desert Front", "operates_in", "Mosul", "reported") in found


def test_subjectless_active_in(ties):
    found, _ = ties(PAGE + "Active in Dagestan and Chechnya since 2016.\n")
    assert ("Desert Front", "operates_in", "Dagestan", "asserted") in found
    assert ("Desert Front", "operates_in", "Chechnya", "asserted") in found


def test_subjectless_needs_a_page_subject(ties):
    found, _ = ties("Hezbollah was mentioned. Active in Dagestan since 2016, the militia grew.")
    assert not any(t[1] == "operates_in" and t[2] == "Dagestan" for t in found)


@pytest.mark.parametrize("text", [
    "Boko Haram claimed responsibility for the attack.",
    "Boko Haram denied responsibility for the attack in Mosul.",
])
def test_claims_without_place_or_with_denied_responsibility(ties, text):
    found, _ = ties(text)
    assert not any(t[1] == "operates_in" and t[3] != "denied" for t in found)


def test_page_subject_continues_through_it_and_its(ties):
    found, _ = ties(PAGE + "It claimed responsibility for a bombing in Mosul in 2017. Its fighters clashed with "
                    "Hezbollah in 2018.\n")
    assert ("Desert Front", "operates_in", "Mosul", "reported") in found
    assert any(t[1] == "opposes" and {t[0], t[2]} == {"Desert Front", "Hezbollah"} for t in found)


def test_the_spokesman_is_not_the_person_named_before(ties):
    found, _ = ties("Ayman al-Zawahiri was killed in 2022. The spokesman later joined the Islamic State.")
    assert not any(t[0] == "Ayman al-Zawahiri" and t[1] == "member_of" for t in found)


def test_a_possessor_opening_the_sentence_is_not_the_topic(ties):
    found, _ = ties(PAGE + "In 2019, the Islamic State's media praised a raid. The group claimed responsibility for a "
                    "bombing in Mosul.\n")
    assert ("Desert Front", "operates_in", "Mosul", "reported") in found
    assert ("Islamic State", "operates_in", "Mosul", "reported") not in found
