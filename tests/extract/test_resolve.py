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
