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


def test_hedge_in_another_clause_does_not_count(ties):
    found, _ = ties("Boko Haram pledged allegiance to the Islamic State in the spring, "
                    "and reportedly sent fighters to Libya.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "asserted") in found


def test_hedge_after_because_does_not_count(ties):
    found, _ = ties("Hezbollah has long been a rival of the Islamic State because it rejects the claim "
                    "that a caliphate exists.")
    assert ("Hezbollah", "opposes", "Islamic State", "asserted") in found


def test_speech_verb_with_that_is_reported(ties):
    _, ex = ties("Local officials said that Boko Haram pledged allegiance to the Islamic State.")
    (a,) = [a for a in ex.assertions if a.relation == "allegiance_to"]
    assert a.stance.value == "reported"


def test_trailing_attribution_is_reported(ties):
    _, ex = ties("Boko Haram pledged allegiance to the Islamic State, according to local activists.")
    (a,) = [a for a in ex.assertions if a.relation == "allegiance_to"]
    assert a.stance.value == "reported" and a.attribution == "local activists"


def test_nominal_title_ignores_hedges_elsewhere(ties):
    found, _ = ties("It would appear that the meeting was arranged by Islamic State leader Abu Bakr al-Baghdadi.")
    assert ("Abu Bakr al-Baghdadi", "leader_of", "Islamic State", "asserted") in found


def test_quoted_statement_is_reported(ties):
    text = ("The brigade issued a long statement on its channel:\n\n"
            "“We announce to the people of the region that Boko Haram pledged allegiance to the Islamic State "
            "after long consultations with the elders.”\n")
    found, _ = ties(text)
    assert ("Boko Haram", "allegiance_to", "Islamic State", "reported") in found


def test_points_after_a_speech_colon_are_reported(ties):
    text = ("A commander of the brigade told me the following about the group:\n\n"
            "1. Boko Haram pledged allegiance to the Islamic State last winter.\n\n"
            "2. The group has few fighters.\n")
    found, _ = ties(text)
    assert ("Boko Haram", "allegiance_to", "Islamic State", "reported") in found


def test_announced_is_not_a_hedge(ties):
    found, _ = ties("The Islamic State announced the creation of a new province and appointed "
                    "Abu Umar al-Masri as its leader. Boko Haram joined the Islamic State.")
    assert ("Boko Haram", "part_of", "Islamic State", "asserted") in found


def test_hedge_on_the_title_itself_is_reported(ties):
    found, _ = ties("The raid was carried out against the alleged Islamic State emir Abu Umar al-Masri.")
    assert ("Abu Umar al-Masri", "leader_of", "Islamic State", "reported") in found


def test_hedge_before_a_preposition_does_not_reach_the_title(ties):
    found, _ = ties("This was made apparent in Islamic State leader Abu Bakr al-Baghdadi's speech.")
    assert ("Abu Bakr al-Baghdadi", "leader_of", "Islamic State", "asserted") in found


def test_refusal_with_its_own_object_does_not_reach_the_next_verb(ties):
    (a,) = _one(ties, "Boko Haram turned down the offer of talks, rejected the truce and pledged allegiance to the "
                      "Islamic State.", "allegiance_to")
    assert a.stance.value == "asserted"


def test_refused_and_pledged_is_asserted(ties):
    (a,) = _one(ties, "Asked to disband, Boko Haram refused and pledged allegiance to the Islamic State.",
                "allegiance_to")
    assert a.stance.value == "asserted"


def test_refused_to_join_keeps_its_scope(ties):
    (a,) = _one(ties, "Boko Haram refused to join the Islamic State.", "part_of")
    assert a.stance.value == "denied"


def test_denied_that_keeps_its_scope_over_and(ties):
    (a,) = _one(ties, "Boko Haram denied that it had met the envoys and pledged allegiance to the Islamic State.",
                "allegiance_to")
    assert a.stance.value == "denied"


# a tie only planned, to come or conditional is reported, not asserted ------------------------------------------

def test_would_be_folded_into_is_reported(ties):
    found, _ = ties("Hezbollah declared that the Sun Brigade would be folded into Boko Haram.")
    assert ("Sun Brigade", "merged_into", "Boko Haram", "reported") in found
    assert ("Sun Brigade", "merged_into", "Boko Haram", "asserted") not in found


def test_will_be_and_plans_to_are_reported(ties):
    found, _ = ties("The Sun Brigade will be absorbed into Boko Haram next year.")
    assert ("Sun Brigade", "merged_into", "Boko Haram", "reported") in found
    found, _ = ties("The Sun Brigade plans to join Boko Haram.")
    assert ("Sun Brigade", "part_of", "Boko Haram", "reported") in found
    found, _ = ties("The Sun Brigade intends to pledge allegiance to the Islamic State.")
    assert ("Sun Brigade", "allegiance_to", "Islamic State", "reported") in found


def test_narrative_would_later_and_past_merger_stay_asserted(ties):
    found, _ = ties("The Sun Brigade would later pledge allegiance to the Islamic State.")
    assert ("Sun Brigade", "allegiance_to", "Islamic State", "asserted") in found
    found, _ = ties("The Sun Brigade was merged into Boko Haram in 2016.")
    assert ("Sun Brigade", "merged_into", "Boko Haram", "asserted") in found
