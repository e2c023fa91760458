"""Date expressions: each form on a small sentence, relative chains, Hijri, and numbers that are not dates."""
from __future__ import annotations

import datetime as dt

import hijridate
import pytest

from factionmap.extract.dates import DateContext, DateSpan, find_dates

D = dt.date


def one(text: str, anchor: dt.date | None = None) -> DateSpan:
    spans = find_dates(text, anchor)
    assert len(spans) == 1, spans
    return spans[0]


def check(span: DateSpan, earliest: dt.date, latest: dt.date, iso: str) -> None:
    assert (span.date.earliest, span.date.latest, span.date.iso) == (earliest, latest, iso)


@pytest.mark.parametrize("text, words, earliest, latest, iso", [
    ("The group was founded on 23 June 2015 in Grozny.", "23 June 2015", D(2015, 6, 23), D(2015, 6, 23), "2015-06-23"),
    ("It was announced on June 23, 2015.", "June 23, 2015", D(2015, 6, 23), D(2015, 6, 23), "2015-06-23"),
    ("It was announced on the 3rd of May 2016.", "3rd of May 2016", D(2016, 5, 3), D(2016, 5, 3), "2016-05-03"),
    ("Fighting resumed in June 2015.", "June 2015", D(2015, 6, 1), D(2015, 6, 30), "2015-06"),
    ("Fighting resumed in Feb. 2016.", "Feb. 2016", D(2016, 2, 1), D(2016, 2, 29), "2016-02"),
    ("The front was formed in 2015.", "2015", D(2015, 1, 1), D(2015, 12, 31), "2015"),
    ("Active: 2015-06-23", "2015-06-23", D(2015, 6, 23), D(2015, 6, 23), "2015-06-23"),
    ("Active since: 2019-07 (announced)", "2019-07", D(2019, 7, 1), D(2019, 7, 31), "2019-07"),
    ("The statement is dated 23.06.2015.", "23.06.2015", D(2015, 6, 23), D(2015, 6, 23), "2015-06-23"),
    ("The post (9/17/2014) was deleted.", "9/17/2014", D(2014, 9, 17), D(2014, 9, 17), "2014-09-17"),
])
def test_absolute_and_partial(text, words, earliest, latest, iso):
    span = one(text)
    assert span.text == words and text[span.start:span.end] == words
    check(span, earliest, latest, iso)
    assert span.date.text == words


def test_ambiguous_numeric_date_keeps_only_the_year():
    span = one("The letter of 03/04/2015 was published.")
    check(span, D(2015, 1, 1), D(2015, 12, 31), "2015")


@pytest.mark.parametrize("text, earliest, latest, iso", [
    ("Turkish forces moved in during late 2020.", D(2020, 9, 1), D(2020, 12, 31), "2020"),
    ("The cell was active in early 2014.", D(2014, 1, 1), D(2014, 4, 30), "2014"),
    ("It had grown by mid-2015 onwards.", D(2015, 5, 1), D(2015, 8, 31), "2015"),
    ("They clashed in the summer of 2014.", D(2014, 6, 1), D(2014, 8, 31), "2014"),
    ("They clashed in spring 2016.", D(2016, 3, 1), D(2016, 5, 31), "2016"),
    ("The group split at the end of 2013.", D(2013, 10, 1), D(2013, 12, 31), "2013"),
    ("It was renamed at the beginning of 2017.", D(2017, 1, 1), D(2017, 3, 31), "2017"),
    ("It was renamed in the middle of 2017.", D(2017, 5, 1), D(2017, 8, 31), "2017"),
    ("Raids began in early January 2019.", D(2019, 1, 1), D(2019, 1, 10), "2019-01"),
    ("Raids began in late June 2015.", D(2015, 6, 21), D(2015, 6, 30), "2015-06"),
    ("The movement began in the 1990s.", D(1990, 1, 1), D(1999, 12, 31), "199X"),
    ("The movement began in the early 2000s.", D(2000, 1, 1), D(2003, 12, 31), "200X"),
])
def test_fuzzy(text, earliest, latest, iso):
    span = one(text)
    assert span.kind in ("fuzzy", "open_end")
    check(span, earliest, latest, iso)


def test_fuzzy_words_are_in_the_span():
    assert one("in the summer of 2014.").text == "the summer of 2014"
    assert one("by late 2020").text == "by late 2020"


@pytest.mark.parametrize("text, first, last", [
    ("Rustam Asildarov (2015–2016) led it.", "2015", "2016"),
    ("Rustam Asildarov (2015-16) led it.", "2015", "2016"),
    ("He led it from 2016 to 2021.", "2016", "2021"),
    ("It fought them between 2012 and 2014.", "2012", "2014"),
    ("It held the town May–July 2014.", "2014-05", "2014-07"),
    ("It held the town between May and July 2014.", "2014-05", "2014-07"),
    ("Clashes on March 2-3 2024 killed six.", "2024-03-02", "2024-03-03"),
    ("Clashes on 2–3 March 2024 killed six.", "2024-03-02", "2024-03-03"),
    ("It ruled from 23 June 2015 to 2 September 2016.", "2015-06-23", "2016-09-02"),
])
def test_ranges(text, first, last):
    span = one(text)
    assert span.kind == "range"
    assert (span.date.iso, span.until.iso) == (first, last)
    assert span.valid_from == span.date and span.valid_until == span.until


def test_a_day_range_after_between_takes_the_year_the_text_was_at():
    spans = find_dates("The siege began in March 2019. Between 4 and 6 April, 3 brigades held the bridge.")
    assert [(s.kind, s.date.iso, s.until and s.until.iso) for s in spans][-1] == ("range", "2019-04-04", "2019-04-06")


def test_range_text_includes_from_and_between():
    assert one("He led it from 2016 to 2021.").text == "from 2016 to 2021"
    assert one("between May and July 2014").text == "between May and July 2014"


@pytest.mark.parametrize("text, words, iso, bound", [
    ("It has operated there since 2014.", "since 2014", "2014", "start"),
    ("It was listed until 2019.", "until 2019", "2019", "end"),
    ("Allegiance: Islamic State (July 2019–Present)", "July 2019–Present", "2019-07", "start"),
    ("By February 2015, many had joined.", "By February 2015", "2015-02", "by"),
])
def test_open_ends(text, words, iso, bound):
    span = one(text)
    assert (span.kind, span.text, span.date.iso, span.bound) == ("open_end", words, iso, bound)
    if bound == "end":
        assert span.valid_from is None and span.valid_until == span.date
    else:
        assert span.valid_from == span.date


@pytest.mark.parametrize("text, iso", [
    ("On 23 June 2015 it was announced. Four months after the announcement, it struck.", "2015-10"),
    ("On 23 June 2015 it was announced. The following day, police raided.", "2015-06-24"),
    ("On 23 June 2015 it was announced. The next month, police raided.", "2015-07"),
    ("On 23 June 2015 it was announced. A year later it was gone.", "2016"),
    ("On 23 June 2015 it was announced. Two weeks later it was gone.", "2015-07-07"),
    ("On 23 June 2015 it was announced. The previous year it had split.", "2014"),
    ("On 23 June 2015 it was announced. Five days earlier, it split.", "2015-06-18"),
    ("In June 2015 it was announced. In the same month it split.", "2015-06"),
    ("In June 2015 it was announced. Later that year it split.", "2015"),
    ("In June 2015 it was announced. Earlier that year it split.", "2015"),
])
def test_relative(text, iso):
    spans = find_dates(text)
    assert spans[-1].kind == "relative"
    assert spans[-1].date.iso == iso


def test_later_and_earlier_that_year_are_halves_of_the_year():
    later = find_dates("In June 2015 it formed. Later that year it split.")[-1].date
    earlier = find_dates("In June 2015 it formed. Earlier that year it split.")[-1].date
    assert (later.earliest, later.latest) == (D(2015, 6, 1), D(2015, 12, 31))
    assert (earlier.earliest, earlier.latest) == (D(2015, 1, 1), D(2015, 6, 30))


def test_offset_right_before_a_date_is_counted_from_that_date():
    span = one("It split four months after 23 June 2015, in Grozny.")
    assert span.kind == "relative" and span.date.iso == "2015-10"
    assert span.text == "four months after 23 June 2015"


def test_subsequently_opens_from_the_last_date():
    span = find_dates("In June 2015 it formed. Subsequently, it joined IS.")[-1]
    assert (span.kind, span.bound, span.date.iso) == ("relative", "start", "2015-06")


def test_relative_chain_across_sentences():
    ctx = DateContext()
    assert ctx.scan("On 23 June 2015, IS accepted the pledge.")[0].date.iso == "2015-06-23"
    assert ctx.scan("The following day, a video appeared.")[0].date.iso == "2015-06-24"
    assert ctx.scan("Two weeks later, the emir was killed.")[0].date.iso == "2015-07-08"
    assert ctx.scan("On 18 November, a new emir was named.")[0].date.iso == "2015-11-18"
    assert ctx.scan("In December, it was listed.")[0].date.iso == "2015-12"


def test_scan_offsets_add_the_base_offset():
    span = DateContext().scan("Since 2014 it fought.", base_offset=100)[0]
    assert (span.start, span.end, span.text) == (100, 110, "Since 2014")


def test_anchor_resolves_relative_dates_before_any_absolute_one():
    ctx = DateContext(anchor=D(2014, 10, 20))
    assert ctx.scan("On 28 September, he cited a source.")[0].date.iso == "2014-09-28"
    assert ctx.scan("That was in May of this year.")[0].date.iso == "2014-05"
    assert ctx.scan("It split last year.")[0].date.iso == "2013"
    assert find_dates("It split three years ago.", D(2014, 10, 20))[0].date.iso == "2011"


def test_a_relative_date_with_nothing_to_lean_on_is_dropped():
    assert find_dates("The following day, it struck. In September it split.") == []


def test_bare_year_used_as_a_name_does_not_move_the_state():
    spans = find_dates("In early January 2019 it claimed the 2018 bombing. The following day, police raided.")
    assert spans[-1].date.iso == "2019-01"


# --- Hijri ---------------------------------------------------------------------------------

def _greg(y: int, m: int, d: int) -> dt.date:
    g = hijridate.Hijri(y, m, d).to_gregorian()
    return D(g.year, g.month, g.day)


def test_hijri_known_equivalents():
    assert _greg(1435, 10, 29) == D(2014, 8, 25)
    assert _greg(1435, 9, 1) == D(2014, 6, 28)  # Umm al-Qura; 29 June in the observed calendar
    span = one("The last meeting was on 29 Shuwwal 1435 AH.")
    assert span.kind == "hijri" and span.text == "29 Shuwwal 1435 AH"
    check(span, D(2014, 8, 25), D(2014, 8, 25), "2014-08-25")


def test_hijri_month_and_year():
    span = one("It was declared in Ramadan 1435.")
    last = hijridate.Hijri(1435, 9, 1).month_length()
    check(span, D(2014, 6, 28), _greg(1435, 9, last), "2014")


@pytest.mark.parametrize("month, number", [
    ("Muharram", 1), ("Safar", 2), ("Rabi' al-Awwal", 3), ("Rabi al-Awal", 3), ("Rabi’ al-Thani", 4),
    ("Jumada al-Ula", 5), ("Jumada al-Akhirah", 6), ("Jumada II", 6), ("Rajab", 7), ("Sha'ban", 8),
    ("Sha‘ban", 8), ("Ramadan", 9), ("Shawwal", 10), ("Shawal", 10), ("Shuwwal", 10),
    ("Dhu al-Qa'dah", 11), ("Dhu al-Hijjah", 12), ("Dhul-Hijja", 12), ("Thul-Hijja", 12),
])
def test_hijri_month_spellings(month, number):
    span = one(f"The statement is dated 5 {month} 1436 AH.")
    assert span.kind == "hijri"
    assert span.date.earliest == _greg(1436, number, 5)


def test_hijri_year_alone_and_day_without_year():
    span = one("It was founded in 1435 AH.")
    check(span, _greg(1435, 1, 1), _greg(1435, 12, hijridate.Hijri(1435, 12, 1).month_length()), "2013")
    ctx = DateContext()
    ctx.scan("The pledge was made public in September 2014.")
    assert ctx.scan("The last meeting was on 29 Shuwwal.")[0].date.iso == "2014-08-25"


# --- what is not a date --------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Some 2,000 fighters crossed the border.",
    "It sent 300 men and 1300 fighters to Kobani.",
    "It has about 2000 fighters.",
    "See page 2014 of the report.",
    "UN Security Council Resolution 2170 listed it.",
    "The attacks of 7/7 changed policing.",
    "Call +44 2015 2016 for details.",
    "Call 555-2015 for details.",
    "It moved 1850 km in 1850.",
    "The bounty was $2015.",
    "He may return; troops march in.",
    "About 20% of members were killed.",
])
def test_not_dates(text):
    assert find_dates(text) == []


def test_scan_is_fast():
    import time
    text = "On 23 June 2015, Vilayat Kavkaz was announced; four months later 300 men joined it. " * 50
    ctx = DateContext()
    t = time.perf_counter()
    for _ in range(20):
        ctx.scan(text)
    assert time.perf_counter() - t < 2.0


def test_offset_after_an_event_dated_later_in_the_clause():
    from factionmap.extract.dates import find_dates
    found = find_dates("In 2011 the group grew. Three months after the death of its founder on 12 May 2016, "
                       "the group split.")
    assert [d.date.iso for d in found] == ["2011", "2016-08", "2016-05-12"]


def test_yearless_day_month_takes_the_year_written_out_later():
    from factionmap.extract.dates import find_dates
    found = find_dates("The front was declared on 4 March and grew fast. The charter of the front, "
                       "dated 4 March 2016, lists its members.")
    assert found[0].date.iso == "2016-03-04"
