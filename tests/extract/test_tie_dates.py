"""A tie's dates when several sentences state it, and day ranges whose year the text gave earlier."""
from __future__ import annotations

import pytest

from factionmap.extract.dates import find_dates
from factionmap.extract.ties import tie_dates
from factionmap.model import FuzzyDate


def d(iso: str) -> FuzzyDate:
    return FuzzyDate.from_iso(iso)


def iso(x: FuzzyDate | None) -> str | None:
    return x.iso if x is not None else None


def test_the_earliest_start_and_the_latest_end():
    start, end = tie_dates([(d("2018-03-21"), None), (d("2017"), d("2018")), (None, d("2019-01"))])
    assert (iso(start), iso(end)) == ("2017", "2019-01")


def test_a_later_precise_date_does_not_replace_an_earlier_month():
    start, _ = tie_dates([(d("2014-06"), None), (d("2016-10-26"), None)])
    assert iso(start) == "2014-06"


def test_a_precise_date_refines_the_coarser_one_that_contains_it():
    start, _ = tie_dates([(d("2016"), None), (d("2016-06"), None)])
    assert iso(start) == "2016-06"
    _, end = tie_dates([(None, d("2019-01-09")), (None, d("2019"))])
    assert iso(end) == "2019-01-09"


def test_no_date_anywhere_is_none():
    assert tie_dates([(None, None), (None, None)]) == (None, None)


@pytest.mark.parametrize("text, first, last", [
    ("The truce held in 2017. From 14 to 23 July, clashes returned.", "2017-07-14", "2017-07-23"),
    ("The truce held in 2017. From 6–8 June, clashes returned.", "2017-06-06", "2017-06-08"),
    ("The truce held in 2015. From 23 June to 2 July, the town was besieged.", "2015-06-23", "2015-07-02"),
])
def test_day_ranges_take_the_year_the_text_is_at(text, first, last):
    spans = find_dates(text)
    rng = [s for s in spans if s.kind == "range"]
    assert len(rng) == 1, spans
    assert (rng[0].date.iso, rng[0].until.iso) == (first, last)
    assert rng[0].valid_from.iso == first


def test_a_day_range_with_no_year_before_it_is_no_date():
    assert [s for s in find_dates("From 6 to 8 June, clashes broke out.") if s.kind == "range"] == []


def test_numbers_before_a_month_that_are_not_days_stay_out():
    spans = find_dates("In 2015, between 5 and 40 fighters arrived in May.")
    assert [s.kind for s in spans if s.kind == "range"] == []


def test_a_barely_believed_sentence_does_not_date_the_tie():
    from factionmap.extract.ties.assembly import _surest

    kept = _surest([(0.9, (d("2017-06"), None)), (0.1, (d("2009"), None)), (0.95, (None, None))])
    assert [iso(s) for s, _ in kept] == ["2017-06"]
