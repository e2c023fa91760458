"""In-document resolution: the group, it/its, he, the latter, the province, the Emirate."""


def test_the_group_is_the_page_subject(ties):
    text = ("Desert Front | |\nAllegiance | Islamic State |\n"
            "The Desert Front is a jihadist group in Syria.\nIn 2016 the group pledged allegiance to al-Qaeda.\n")
    found, _ = ties(text)
    assert ("Desert Front", "allegiance_to", "al-Qaeda", "asserted") in found


def test_it_is_the_nearest_group(ties):
    found, _ = ties("The Sun Brigade was formed in 2014. It later pledged allegiance to the Islamic State.")
    assert ("Sun Brigade", "allegiance_to", "Islamic State", "asserted") in found


def test_its_leader(ties):
    found, _ = ties("Boko Haram grew in 2012, and Abu Musab al-Barnawi became its leader.")
    assert ("Abu Musab al-Barnawi", "leader_of", "Boko Haram", "asserted") in found


def test_he(ties):
    found, _ = ties("Abu Omar al-Tunisi arrived in 2013. He joined the Islamic State a year later.")
    assert ("Abu Omar al-Tunisi", "member_of", "Islamic State", "asserted") in found


def test_the_latter(ties):
    found, _ = ties("The Sun Brigade and the Moon Brigade met in 2015; the latter pledged allegiance to al-Qaeda.")
    assert ("Moon Brigade", "allegiance_to", "al-Qaeda", "asserted") in found
    assert not any(t[0] == "Sun Brigade" and t[1] == "allegiance_to" for t in found)


def test_the_province(ties):
    found, _ = ties("Islamic State – Sahel Province was announced in 2019. The province is active in Dagestan.")
    assert ("Islamic State – Sahel Province", "operates_in", "Dagestan", "asserted") in found


def test_the_emirate(ties):
    found, _ = ties("The Caucasus Emirate lost ground. The Emirate is active in Dagestan.")
    assert ("Caucasus Emirate", "operates_in", "Dagestan", "asserted") in found


# a group word or pronoun opening the clause after ", and" is the subject of the clause before --------------

def test_it_after_and_is_the_subject_before_not_the_last_group(ties):
    found, _ = ties("The Sun Brigade declared itself part of Hezbollah, and in 2016 it joined Boko Haram.")
    assert ("Sun Brigade", "part_of", "Boko Haram", "asserted") in found
    assert ("Hezbollah", "part_of", "Boko Haram", "asserted") not in found


def test_it_after_a_list_of_objects_is_the_subject(ties):
    found, _ = ties("Boko Haram has fought Hezbollah, the Islamic State and al-Qaeda, and it has clashed with "
                    "Jabhat al-Nusra.")
    assert ("Boko Haram", "opposes", "Jabhat al-Nusra", "asserted") in found
    assert not any(t[0] == "al-Qaeda" and t[2] == "Jabhat al-Nusra" for t in found)


def test_the_group_after_a_pledge_is_the_pledging_group(ties):
    found, _ = ties("In 2014 the Moon Brigade swore allegiance to Abu Bakr al-Baghdadi, and the group took "
                    "the name Boko Haram.")
    assert ("Boko Haram", "successor_of", "Moon Brigade", "asserted") in found


def test_the_group_after_a_spokesmans_clause_is_not_the_spokesmans_group(ties):
    text = ("Hezbollah | |\nFounded | 1982 |\nHezbollah is a militant group.\n"
            "Hezbollah's spokesman Abu Omar al-Tunisi accepted the pledge of the Moon Brigade, and the group "
            "became Boko Haram.\n")
    found, _ = ties(text)
    assert ("Boko Haram", "successor_of", "Moon Brigade", "asserted") in found
    assert ("Boko Haram", "successor_of", "Hezbollah", "asserted") not in found


def test_the_group_in_reported_words_is_the_paragraphs_topic(ties):
    found, _ = ties("The Moon Brigade grew quickly in Dagestan. Later Hezbollah declared that the group would "
                    "be folded into Boko Haram.")
    assert not any(t[0] == "Hezbollah" and t[1] == "merged_into" for t in found)
    assert any(t[:3] == ("Moon Brigade", "merged_into", "Boko Haram") for t in found)


def test_and_clause_without_a_group_subject_keeps_the_old_reading(ties):
    found, _ = ties("The Sun Brigade was formed in 2014. Abu Omar al-Tunisi arrived, and it later pledged "
                    "allegiance to the Islamic State.")
    assert ("Sun Brigade", "allegiance_to", "Islamic State", "asserted") in found
