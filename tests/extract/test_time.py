"""Valid time of ties: sentence dates, ranges after a leader's name, and a leader's death."""


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
