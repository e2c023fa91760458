"""Denials carried across sentences, and absences ("no X presence")."""


def test_claim_denied_in_next_sentence_gives_both(ties):
    found, ex = ties("Boko Haram reportedly pledged allegiance to the Islamic State in March. "
                     "This claim was denied by a spokesman for the group.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "reported") in found
    assert ("Boko Haram", "allegiance_to", "Islamic State", "denied") in found
    (d,) = [a for a in ex.assertions if a.stance.value == "denied"]
    text = ex.document.text[d.evidence[0].start_char:d.evidence[0].end_char]
    assert "denied" in text


def test_group_denied_the_report(ties):
    found, _ = ties("Hezbollah was said to be cooperating with Jabhat al-Nusra near the border. "
                    "Hezbollah denied the report within hours.")
    assert ("Hezbollah", "ally_of", "Jabhat al-Nusra", "denied") in found \
        or ("Jabhat al-Nusra", "ally_of", "Hezbollah", "denied") in found


def test_denial_reaches_back_over_a_sentence_without_ties(ties):
    found, _ = ties("In May, the Caucasus Emirate claimed to have fought against the Islamic State in Dagestan. "
                    "It gave no figures. The claim was later dismissed by local officials.")
    assert any(t[1] == "opposes" and t[3] == "denied" for t in found)


def test_no_denial_without_an_earlier_claim(ties):
    found, _ = ties("Boko Haram pledged allegiance to the Islamic State. The weather was mild that year.")
    assert not any(t[3] == "denied" for t in found)


def test_no_presence_in_place(ties):
    found, _ = ties("In Mosul and Aleppo there is no Hezbollah presence whatsoever.")
    assert ("Hezbollah", "operates_in", "Mosul", "denied") in found
    assert ("Hezbollah", "operates_in", "Aleppo", "denied") in found


def test_not_even_in_the_vicinity(ties):
    found, _ = ties("Boko Haram is still not even in the vicinity of Aleppo.")
    assert ("Boko Haram", "operates_in", "Aleppo", "denied") in found


def test_refused_to_pledge_is_denied(ties):
    found, _ = ties("Boko Haram refused to pledge allegiance to the Islamic State.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "denied") in found


def test_did_not_pledge_is_denied(ties):
    found, _ = ties("Boko Haram did not pledge allegiance to the Islamic State.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "denied") in found


def test_rejected_joining_is_denied(ties):
    found, _ = ties("Boko Haram rejected joining the Islamic State.")
    assert ("Boko Haram", "part_of", "Islamic State", "denied") in found


def test_the_group_denied_this(ties):
    found, ex = ties("Reports said that Boko Haram had pledged allegiance to the Islamic State. The group denied this "
                     "in a short video.")
    assert ("Boko Haram", "allegiance_to", "Islamic State", "reported") in found
    assert ("Boko Haram", "allegiance_to", "Islamic State", "denied") in found
    (d,) = [a for a in ex.assertions if a.stance.value == "denied"]
    assert "denied this" in ex.document.text[d.evidence[0].start_char:d.evidence[0].end_char]


def test_rejected_it_outright(ties):
    found, _ = ties("Hezbollah was accused of working with Jabhat al-Nusra. Hezbollah rejected it outright.")
    assert any(t[1] == "ally_of" and t[3] == "denied" for t in found)


def test_denied_that_clause_is_not_a_denial_of_the_earlier_claim(ties):
    found, _ = ties("Boko Haram pledged allegiance to the Islamic State in 2015. "
                    "Officials denied that the army had lost Mosul.")
    assert not any(t[1] == "allegiance_to" and t[3] == "denied" for t in found)


def test_denial_of_a_responsibility_claim(ties):
    found, _ = ties("Hezbollah claimed responsibility for a bombing in Aleppo. Police dismissed this the next day.")
    assert ("Hezbollah", "operates_in", "Aleppo", "denied") in found


def test_author_answers_no_to_the_reports(ties):
    found, ex = ties("Several outlets speculated about a merger or an alliance between Hezbollah and Boko Haram. "
                     "Are such reports accurate? Simply put: no. Both groups deny any contact.")
    denied = {f for f in found if f[3] == "denied" and f[1] == "ally_of"}
    assert denied, found
    (d,) = [a for a in ex.assertions if a.stance.value == "denied" and a.relation == "ally_of"]
    text = ex.document.text[d.evidence[0].start_char:d.evidence[0].end_char]
    assert "accurate?" in text and "no." in text


def test_a_yes_answer_denies_nothing(ties):
    found, _ = ties("Several outlets reported an alliance between Hezbollah and Boko Haram. "
                    "Are these reports credible? Yes, they are.")
    assert not {f for f in found if f[3] == "denied"}, found


def test_this_in_a_denial_points_to_the_clause_before_but_not_to_an_earlier_tie(ties):
    found, _ = ties("Boko Haram operates in Maiduguri. The attack was first blamed on an airstrike, "
                    "but the air force denied this.")
    assert ("Boko Haram", "operates_in", "Maiduguri", "asserted") in found
    assert not any(t[3] == "denied" for t in found), found


def test_it_in_a_denial_reaches_only_the_sentence_right_before(ties):
    found, _ = ties("Hezbollah was accused of working with Jabhat al-Nusra. The meeting lasted two days. "
                    "Hezbollah rejected it outright.")
    assert not any(t[1] == "ally_of" and t[3] == "denied" for t in found), found


def test_rejecting_something_as_a_half_measure_is_no_denial(ties):
    found, _ = ties("Boko Haram was designated as a terrorist organization by the United States. "
                    "Boko Haram rejects those as half measures.")
    assert not any(t[3] == "denied" for t in found), found


def test_dismissing_a_report_as_baseless_is_a_denial(ties):
    found, _ = ties("Hezbollah was said to be cooperating with Jabhat al-Nusra. "
                    "Hezbollah dismissed the reports as baseless.")
    assert any(t[1] == "ally_of" and t[3] == "denied" for t in found), found
