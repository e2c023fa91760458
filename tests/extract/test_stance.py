"""Stance: asserted, reported (hedged or attributed, with who says so) and denied."""


def _one(ties, text, relation):
    _, ex = ties(text)
    return [a for a in ex.assertions if a.relation == relation]


def test_asserted(ties):
    (a,) = _one(ties, "Boko Haram pledged allegiance to the Islamic State.", "allegiance_to")
    assert a.stance.value == "asserted" and a.attribution is None


def test_hedged_is_reported(ties):
    (a,) = _one(ties, "Boko Haram reportedly pledged allegiance to the Islamic State.", "allegiance_to")
    assert a.stance.value == "reported"


def test_according_to_names_the_source(ties):
    (a,) = _one(ties, "According to local activists, Hezbollah fought against Jabhat al-Nusra in the hills.",
                "opposes")
    assert a.stance.value == "reported" and a.attribution == "local activists"


def test_negation_is_denied(ties):
    (a,) = _one(ties, "The Sun Brigade says it is not part of Jabhat al-Nusra.", "part_of")
    assert a.stance.value == "denied"


def test_denied_being_part_of(ties):
    (a,) = _one(ties, "The Sun Brigade denied being part of Jabhat al-Nusra.", "part_of")
    assert a.stance.value == "denied"


def test_not_only_is_not_a_denial(ties):
    found, _ = ties("Abu Omar al-Tunisi is not only a member of the Caucasus Emirate but also a poet.")
    assert ("Abu Omar al-Tunisi", "member_of", "Caucasus Emirate", "asserted") in found


def test_no_presence_is_denied(ties):
    found, _ = ties("The Islamic State has no presence in Aleppo.")
    assert ("Islamic State", "operates_in", "Aleppo", "denied") in found
