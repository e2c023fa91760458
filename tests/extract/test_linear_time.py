"""Extraction takes linear time on long runs of each stage's trigger tokens (ratio tests), and what
it finds grows with the text: long documents are extracted, not skipped."""
from __future__ import annotations

import datetime as dt

import pytest

from factionmap.budget import Budget, extract
from factionmap.extract.dates import find_dates
from factionmap.extract.kb import default_kb
from factionmap.extract.mentions import Gazetteer
from factionmap.extract.name_grammar import find_names
from factionmap.extract.segment import segment
from factionmap.extract.state import Annotated
from factionmap.model import Document

from tests.timing import LINEAR, growth

NAME_TOKENS = ["By Jane ", "January ", "Al-", "al-Qaeda ", "Jaysh al-Islam ", "Abu Bakr al-", "- ", "Ansar ",
               "Jabhat al-Nusra Front ", "Islamic State \u2013 ", "3rd Infantry ", "Kestrel Brigade 1 ",
               "Harbour cartel ", "Abdul Karim Sadiq "]


@pytest.mark.parametrize("token", NAME_TOKENS)
def test_name_patterns(token):
    assert growth(find_names, token, 6000 // len(token) + 200) < LINEAR


def test_gazetteer():
    gazetteer = Gazetteer.from_kb(default_kb())
    assert growth(gazetteer.find, "al-Qaeda ", 3000) < LINEAR  # long enough that a busy machine does not decide it


@pytest.mark.parametrize("token", ["2015, ", "four months after ", "23 June 2015 ", "January ", "from 2014 to ",
                                   "late 2020 ", "29 Shawwal 1435 AH "])
def test_dates(token):
    assert growth(lambda text: find_dates(text, dt.date(2020, 1, 1)), token, 400) < LINEAR


@pytest.mark.parametrize("token", ["word, ", "- Leaders: " + " " * 30 + "x\n", "Name | value |\n", "= a " + " " * 30])
def test_segment(token):
    assert growth(lambda text: segment(Annotated(Document(text))), token, 1500) < LINEAR


def test_long_sentences_are_cut_but_kept_whole():
    text = "word, " * 5000
    ann = segment(Annotated(Document(text)))
    assert max(s.end - s.start for s in ann.sentences) <= 2000
    assert "".join(text[s.start:s.end] for s in ann.sentences).replace(" ", "") == text.replace(" ", "")


@pytest.mark.parametrize("token", ["the group ", "By Jane ", "Boko Haram and ISWAP "])
def test_whole_extraction_within_its_budget(token):
    budget = Budget(piece_chars=4000, seconds=0)
    found = {}

    def run(text: str):
        found[len(text)] = extract(Document(text, path="long.txt"), budget)

    n = 5000 // len(token)
    assert growth(run, token, n, tries=2) < LINEAR
    small, large = found[len(token) * n], found[len(token) * n * 4]
    if small.mentions:  # what is found grows with the text: every piece is extracted
        assert len(large.mentions) >= 3 * len(small.mentions)
        assert max(m.end for m in large.mentions) > len(token) * n * 3
