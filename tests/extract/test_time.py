"""Valid time of ties: sentence dates, ranges after a leader's name, and a leader's death."""
import pytest

from factionmap.model import Document


def _get(ex, relation, subject=None):
    return next(a for a in ex.assertions if a.relation == relation and (subject is None or a.subject.name == subject))


def test_sentence_date_starts_the_tie(ties):
    _, ex = ties("On 23 June 2015 the Sun Brigade pledged allegiance to the Islamic State.")
    a = _get(ex, "allegiance_to")
    assert a.start.iso == "2015-06-23" and a.end is None


def test_range_after_a_leader(ties):
    _, ex = ties("Sun Brigade | |\n- Leaders: Abu Umar al-Masri (2015–2016)\nThe Sun Brigade is a group.\n")
    a = _get(ex, "leader_of")
    assert (a.start.iso, a.end.iso) == ("2015", "2016")


def test_death_ends_leadership(ties):
    _, ex = ties("Boko Haram leader Abu Musab al-Barnawi spoke often. "
                 "Abu Musab al-Barnawi was killed on 14 October 2021.")
    a = _get(ex, "leader_of")
    assert a.end is not None and a.end.iso == "2021-10-14"


def test_no_date_no_time(ties):
    _, ex = ties("The Sun Brigade pledged allegiance to the Islamic State.")
    a = _get(ex, "allegiance_to")
    assert a.start is None and a.end is None


def test_operation_dates_in_the_infobox_start_belonging_ties(ties):
    text = ("Sun Brigade | |\n---|---|\nDates of operation | March 2016–present |\nAllegiance | Islamic State |\n"
            "Opponents | Hezbollah |\n\nThe Sun Brigade is a small armed group.\n")
    _, ex = ties(text)
    assert _get(ex, "allegiance_to").start.iso == "2016-03"
    assert _get(ex, "opposes").start is None


def test_founding_in_the_lede_paragraph_dates_the_branch_tie(ties):
    _, ex = ties("The Sun Brigade is a branch of the Islamic State in Syria. The group was established in "
                 "May 2017 by former members of other factions.\n")
    assert _get(ex, "part_of").start.iso == "2017-05"


def test_founding_elsewhere_does_not_date_a_later_paragraph(ties):
    _, ex = ties("The Sun Brigade was founded in May 2017.\n\nA history of the war follows here.\n\n"
                 "Years later, the Sun Brigade joined the Islamic State.\n")
    assert _get(ex, "part_of").start is None


def test_coalition_founding_dates_the_members_it_names(ties):
    text = ("The Dawn Coalition, whose formation was announced on 4 March 2016, brings together "
            "Hezbollah and Boko Haram.\n\nHezbollah is part of the Dawn Coalition.\n")
    _, ex = ties(text)
    a = _get(ex, "part_of", "Hezbollah")
    assert a.start is not None and a.start.iso == "2016-03-04"


def test_title_takes_no_date_from_its_sentence(ties):
    _, ex = ties("On 3 May 2018, Islamic State leader Abu Bakr al-Baghdadi released a speech.")
    a = _get(ex, "leader_of")
    assert a.start is None


def test_date_behind_a_clause_break_is_not_the_ties(ties):
    _, ex = ties("The camp was shelled in 2012; Boko Haram pledged allegiance to the Islamic State.")
    assert _get(ex, "allegiance_to").start is None


def test_year_before_a_colon_is_a_date(ties):
    _, ex = ties("In the spring the groups met. Boko Haram pledged allegiance to the Islamic State in 2015: "
                 "a turning point.")
    assert _get(ex, "allegiance_to").start.iso == "2015"


def test_death_date_refines_a_year_end(ties):
    text = ("Sun Brigade | |\n- Leaders: Abu Umar al-Masri (2015–2016)\n\nThe Sun Brigade is a group. "
            "Abu Umar al-Masri was killed in an airstrike on 9 August 2016.\n")
    _, ex = ties(text)
    a = _get(ex, "leader_of")
    assert (a.start.iso, a.end.iso) == ("2015", "2016-08-09")


def test_death_date_is_the_one_after_the_death_words(ties):
    _, ex = ties("Abu Bakr al-Baghdadi was the leader of the Islamic State. In 2014 the group grew. "
                 "Two months after the death of Abu Bakr al-Baghdadi on 27 October 2019, the group regrouped.")
    a = _get(ex, "leader_of")
    assert a.end is not None and a.end.iso == "2019-10-27"


def test_until_date_then_when_dates_the_event(ties):
    _, ex = ties("Abu Umar al-Masri led a small brigade until late 2013, when he pledged allegiance to "
                 "Abu Bakr al-Baghdadi.")
    a = _get(ex, "allegiance_to")
    assert a.start is not None and a.start.iso == "2013" and a.end is None


def test_a_closed_aside_does_not_break_the_clause(ties):
    _, ex = ties("Boko Haram was designated as a Foreign Terrorist Organization (FTO) by the United States "
                 "on 13 November 2013.")
    assert _get(ex, "designated_by").start.iso == "2013-11-13"


def test_another_persons_death_does_not_end_the_tie(ties):
    _, ex = ties("After Abu Umar al-Masri was killed in April 2010, Abu Bakr al-Baghdadi became the leader "
                 "of the Islamic State in May 2010.")
    a = _get(ex, "leader_of", "Abu Bakr al-Baghdadi")
    assert a.end is None


def test_denied_tie_has_no_dates(ties):
    found, ex = ties("On 2 February 2014 Hezbollah said that it was not part of the Islamic State.")
    (a,) = [a for a in ex.assertions if a.relation == "part_of"]
    assert a.stance.value == "denied" and a.start is None


def test_a_bracketed_date_after_a_name_in_the_infobox_dates_that_tie_only(ties):
    text = ("Sun Brigade | |\n---|---|\nAllegiance | Islamic State |\n"
            "Opponents | Hezbollah (from 2014), Syrian Army (until 2019) |\n\n"
            "The Sun Brigade is a small armed group.\n")
    _, ex = ties(text)
    by_object = {a.object.name: a for a in ex.assertions if a.relation == "opposes"}
    assert by_object["Hezbollah"].start.iso == "2014" and by_object["Hezbollah"].end is None
    assert by_object["Syrian Army"].start is None and by_object["Syrian Army"].end.iso == "2019"


# the tenth round: what a sentence's date says about a tie (ties.date_cues) --------------------------------

@pytest.fixture(scope="module")
def low():
    """The extractor keeping ties the model is less sure of: the cues date weak ties too."""
    from factionmap.extract.pipeline import ExtractorConfig, get_pipeline

    pipeline = get_pipeline(ExtractorConfig(min_confidence=0.1))
    return lambda text: pipeline(Document(text=text))


def _dates(ex, relation, subject, obj):
    a = next(a for a in ex.assertions if a.relation == relation and a.subject.name == subject and a.object.name == obj)
    return (a.start.iso if a.start else None, a.end.iso if a.end else None)


def test_a_place_taken_from_a_group_ends_its_presence(low):
    ex = low("On 3 May 2016 Hezbollah captured the town of Manbij from Boko Haram.")
    assert _dates(ex, "operates_in", "Hezbollah", "Manbij") == ("2016-05-03", None)
    assert _dates(ex, "operates_in", "Boko Haram", "Manbij") == (None, "2016-05-03")


def test_a_group_that_withdraws_from_a_place_ends_its_presence(low):
    ex = low("On 9 April 2015 Boko Haram fighters withdrew from Maiduguri after heavy fighting.")
    assert _dates(ex, "operates_in", "Boko Haram", "Maiduguri") == (None, "2015-04-09")


def test_an_undated_sentence_takes_its_paragraphs_date(low):
    ex = low("On 12 March 2016 the Sun Brigade attacked Raqqa. Meanwhile, Hezbollah fighters captured Aleppo.")
    assert _dates(ex, "operates_in", "Hezbollah", "Aleppo") == ("2016-03-12", None)


def test_the_paragraphs_date_stops_at_the_paragraph(low):
    ex = low("On 12 March 2016 the Sun Brigade attacked Raqqa.\n\nHezbollah fighters captured Aleppo.")
    assert _dates(ex, "operates_in", "Hezbollah", "Aleppo") == (None, None)


def test_until_a_few_words_before_a_date_ends_the_tie(low):
    ex = low("Abu Umar al-Masri led the Sun Brigade until his arrest in 2019.")
    assert _dates(ex, "leader_of", "Abu Umar al-Masri", "Sun Brigade") == (None, "2019")


def test_death_ends_membership(low):
    ex = low("Abu Umar al-Masri, a member of Boko Haram, spoke often. Abu Umar al-Masri was killed on 14 October 2021.")
    assert _dates(ex, "member_of", "Abu Umar al-Masri", "Boko Haram")[1] == "2021-10-14"
