"""Precision: ties the frames must not read into wording they were not written for.

Every sentence here is made up for the test; each asserts the wrong tie is absent and the right one (if
the sentence gives one) is there.
"""


def _rel(found, relation):
    return {(s, o, st) for s, r, o, st in found if r == relation}


# subject across clauses: the mention before "and <verb>" may be the object of the clause before ---------------

def test_object_of_preposition_before_and_is_not_the_subject(ties):
    found, _ = ties("Last winter dozens of fighters abandoned their oath to Ayman al-Zawahiri and pledged "
                    "allegiance to Abu Bakr al-Baghdadi.")
    assert not any(s == "Ayman al-Zawahiri" for s, _, _ in _rel(found, "allegiance_to"))


def test_coordinated_verb_keeps_its_real_subject_out_of_the_object(ties):
    found, _ = ties("Several of its cadres wrote letters to Hezbollah and reportedly fought alongside Boko Haram.")
    assert not any(s == "Hezbollah" for s, _, _ in _rel(found, "ally_of"))


def test_subject_right_before_the_verb_still_counts(ties):
    found, _ = ties("Boko Haram later pledged allegiance to the Islamic State.")
    assert ("Boko Haram", "Islamic State", "asserted") in _rel(found, "allegiance_to")


# list boundaries -----------------------------------------------------------------------------------------

def test_comma_then_subject_is_not_a_list(ties):
    found, _ = ties("After long talks with Jabhat al-Nusra, Boko Haram pledged allegiance to the Islamic State.")
    assert ("Boko Haram", "Islamic State", "asserted") in _rel(found, "allegiance_to")
    assert not any(s == "Jabhat al-Nusra" for s, _, _ in _rel(found, "allegiance_to"))


def test_comma_and_between_two_clauses_is_not_a_list(ties):
    found, _ = ties("Hezbollah had long courted al-Qaeda, and Boko Haram pledged allegiance to the Islamic State.")
    assert not any(s == "al-Qaeda" for s, _, _ in _rel(found, "allegiance_to"))


def test_three_item_list_with_oxford_comma_is_a_list(ties):
    found, _ = ties("Hezbollah, al-Qaeda, and Boko Haram fought against the Islamic State.")
    opp = {frozenset((s, o)) for s, o, _ in _rel(found, "opposes")}
    assert frozenset(("al-Qaeda", "Islamic State")) in opp and frozenset(("Hezbollah", "Islamic State")) in opp


def test_object_then_comma_and_new_clause_is_not_a_list(ties):
    found, _ = ties("In the spring Boko Haram pledged allegiance to Abu Bakr al-Baghdadi, and the Islamic State "
                    "welcomed the move.")
    assert not any(o == "Islamic State" for _, o, _ in _rel(found, "allegiance_to"))


def test_object_list_closed_by_a_non_mention(ties):
    found, _ = ties("Hezbollah has fought Jabhat al-Nusra, Boko Haram and several smaller factions.")
    opp = {frozenset((s, o)) for s, o, _ in _rel(found, "opposes")}
    assert frozenset(("Hezbollah", "Boko Haram")) in opp


def test_city_comma_country_still_lists_places(ties):
    found, _ = ties("Cells of the Islamic State were active in Aleppo, Syria.")
    assert ("Islamic State", "Syria", "asserted") in _rel(found, "operates_in")


# possessors -----------------------------------------------------------------------------------------------

def test_possessor_is_not_the_subject_of_the_clause(ties):
    found, _ = ties("al-Qaeda's northern and southern cells merged under the leadership of Abu Bakr al-Baghdadi.")
    assert not _rel(found, "leader_of")


def test_possessor_of_a_topic_does_not_join(ties):
    found, _ = ties("Topics: Hezbollah's early history, joining Jabhat al-Nusra.")
    assert not _rel(found, "part_of")


def test_allegiance_to_a_groups_leader_goes_to_the_leader(ties):
    found, _ = ties("In the summer Boko Haram pledged allegiance to the Islamic State's leader Abu Bakr al-Baghdadi.")
    got = _rel(found, "allegiance_to")
    assert ("Boko Haram", "Abu Bakr al-Baghdadi", "asserted") in got
    assert ("Boko Haram", "Islamic State", "asserted") not in got


# places taken as actors ----------------------------------------------------------------------------------

def test_place_after_in_is_not_the_subject(ties):
    found, _ = ties("By then Hezbollah was the main militia in Syria and a rival of the Islamic State.")
    assert not any("Syria" in (s, o) for s, o, _ in _rel(found, "opposes"))


def test_attacks_inside_a_country_do_not_oppose_it(ties):
    found, _ = ties("Boko Haram has staged attacks inside Russia over the years.")
    assert not any("Russia" in (s, o) for s, o, _ in _rel(found, "opposes"))


# a topic list with a nominal trigger ----------------------------------------------------------------------

def test_nominal_trigger_after_a_comma_is_a_new_item(ties):
    found, _ = ties("Contents: the founding of Boko Haram, conflict with the Islamic State, later years.")
    assert not _rel(found, "opposes")


def test_list_members_with_their_own_places(ties):
    found, _ = ties("Its cells included Boko Haram in Aleppo, Hezbollah and Jabhat al-Nusra in Mosul.")
    got = _rel(found, "operates_in")
    assert ("Hezbollah", "Mosul", "asserted") not in got
    assert ("Jabhat al-Nusra", "Mosul", "asserted") in got


# a branch in a place is the branch's presence, not its parent's --------------------------------------------

def test_parents_branch_in_a_place_does_not_place_the_parent(ties):
    found, _ = ties("The Sun Brigade was Hezbollah's branch in Dagestan for years.")
    assert ("Hezbollah", "Dagestan", "asserted") not in _rel(found, "operates_in")
    found, _ = ties("The Sun Brigade was Hezbollah's affiliate in Dagestan until 2016.")
    assert ("Hezbollah", "Dagestan", "asserted") not in _rel(found, "operates_in")


# frames that open with the object and a gap get the parse check on the object ----------------------------

def test_took_the_name_needs_the_object_to_be_the_clause_subject(ties):
    found, _ = ties("The Sun Brigade clashed with Hezbollah and later adopted the name Boko Haram.")
    assert not any(o == "Hezbollah" for _, o, _ in _rel(found, "successor_of"))
    found, _ = ties("Hezbollah, which had courted the Sun Brigade for years, became Boko Haram in 2015.")
    assert not any(o == "Sun Brigade" for _, o, _ in _rel(found, "successor_of"))


def test_predecessor_of_needs_the_object_to_be_the_clause_subject(ties):
    found, _ = ties("Hezbollah, which fought Boko Haram for years, was the predecessor of the Moon Brigade.")
    assert not any(o == "Boko Haram" for _, o, _ in _rel(found, "successor_of"))


def test_object_first_frames_still_fire_when_the_parse_agrees(ties):
    found, _ = ties("After Hezbollah expelled its cadres, the Moon Brigade took the name Boko Haram.")
    assert ("Boko Haram", "Moon Brigade", "asserted") in _rel(found, "successor_of")
    found, _ = ties("Hezbollah, a faction founded in 2010 and led by Abu Omar al-Tunisi, grew fast.")
    assert ("Abu Omar al-Tunisi", "Hezbollah", "asserted") in _rel(found, "leader_of")
    found, _ = ties("In 2012 Hezbollah formally appointed Abu Omar al-Tunisi as its leader.")
    assert ("Abu Omar al-Tunisi", "Hezbollah", "asserted") in _rel(found, "leader_of")


# a place's possessive and "of" name the state an institution belongs to, not where a group operates ----------

def _frame_ties(frame_reads, text, relation):
    return {(s, o) for s, _, o in frame_reads(text, (relation,))}


def test_a_places_possessive_before_a_body_is_no_frame_tie(frame_reads):
    # "P's <body>": the state's cabinet, ministry, seat or party, never where an armed group operates
    assert not _frame_ties(frame_reads, "In 2009 Aleppo's Desert Front approved a new budget.", "operates_in")


def test_a_group_of_a_place_is_no_frame_tie_but_in_a_place_is(frame_reads):
    assert not _frame_ties(frame_reads, "Talks were held with the Desert Front government of Mosul.", "operates_in")
    assert ("Sun Brigade", "Aleppo") in _frame_ties(
        frame_reads, "Dozens of Russian fighters joined the Sun Brigade in Aleppo.", "operates_in")
