"""Plain text: title lines, by-lines, revision notes, infobox rows and headings read from the text."""
from __future__ import annotations

import pytest

from factionmap.ingest import read_bytes, read_file
from factionmap.ingest.header import parse_byline, read_header
from factionmap.model import SourceKind

from .conftest import FIXTURES, assert_offsets


def test_title_and_byline_with_date():
    doc = read_file(FIXTURES / "article.txt")[0]
    assert doc.title == "The Northern Ridge Front and Its Rivals"
    assert doc.author == "Jane Doe"
    assert doc.published == "2016-03-03"
    assert doc.format == "txt"
    assert doc.text == (FIXTURES / "article.txt").read_text(encoding="utf-8")


def test_plain_headings_become_sections():
    doc = read_file(FIXTURES / "article.txt")[0]
    assert [s.title for s in doc.sections] == ["Origins and Early Years", "A Split in 2014"]
    assert doc.text[doc.sections[1].start:].startswith("In June 2014 a faction")
    assert_offsets(doc)


@pytest.mark.parametrize("line, author, published", [
    ("Jane Doe | 3 March 2016", "Jane Doe", "2016-03-03"),
    ("Jane Doe, March 3, 2016", "Jane Doe", "2016-03-03"),
    ("Jane Doe on 3 March 2016", "Jane Doe", "2016-03-03"),
    ("Loretta E. Bass, University of Example", "Loretta E. Bass", None),
    ("Aymenn Jawad al-Example", "Aymenn Jawad al-Example", None),
    ("February 2015, many commanders had left", None, None),
    ("the end of the year the group had split", None, None),
])
def test_parse_byline(line, author, published):
    assert parse_byline(line) == (author, published)


def test_quoted_title_with_by_and_a_fuller_byline():
    text = ("“Why Groups Split?” by Ann Lee\n\nWhy Groups Split?\nBy Ann B. Lee, University of Example\n\n"
            "Origins\n\n" + "The fictional groups in this text split for many reasons, " * 5 + "\n")
    doc = read_bytes(text.encode(), "split.txt")[0]
    assert (doc.title, doc.author) == ("Why Groups Split?", "Ann B. Lee")
    assert [s.title for s in doc.sections] == ["Origins"]


def test_revision_notes_title_and_pipe_infobox():
    doc = read_file(FIXTURES / "encyclopedia_pipe.txt")[0]
    assert doc.title == "Northern Ridge Front – Hill Province"
    assert doc.published == "2025-01-09"
    assert doc.source_kind is SourceKind.ENCYCLOPEDIA
    assert doc.author is None
    assert [(f.name, f.value) for f in doc.infobox] == [
        ("Dates of operation", "2019–present"),
        ("Allegiance", "Northern Ridge Front"),
        ("Opponents", "Valley Brigade, Eastern Ridge Battalion"),
    ]
    assert [s.title for s in doc.sections] == ["History", "References"]
    assert_offsets(doc)


def test_bullet_infobox_is_cleaned_of_image_sizes_and_empty_slots():
    doc = read_file(FIXTURES / "encyclopedia_bullets.txt")[0]
    assert doc.title == "Valley Brigade"
    fields = {f.name: f.value for f in doc.infobox}
    assert "Flag" not in fields  # "150px" alone is no value
    assert fields["Opponents"] == "Northern Ridge Front"
    assert fields["Predecessor"] == "Valley Defence Committee"
    assert fields["Leaders"] == "Sam Stone (2001–2009), Lee Hart (2009–2015)KIA"
    assert fields["Active"] == "2001-04-12"
    assert doc.source_kind is SourceKind.ENCYCLOPEDIA
    assert [(s.title, s.level) for s in doc.sections] == [("Background", 2), ("Decline", 2)]
    assert doc.author is None  # "By February 2015, ..." is prose, not a by-line
    assert_offsets(doc)


def test_wikipedia_notes_and_published_lines():
    text = ("Example Group\nFrom Wikipedia, the free encyclopedia\n"
            "This page was last edited on 9 January 2025, at 18:39 (UTC).\n\n"
            + "Example Group is a fictional group. " * 3 + "\n")
    doc = read_bytes(text.encode(), "wp.txt")[0]
    assert (doc.title, doc.publisher, doc.published) == ("Example Group", "Wikipedia", "2025-01-09")
    assert doc.source_kind is SourceKind.ENCYCLOPEDIA

    text = "A Short Report\nPosted on March 3, 2016 by Kim Park\n\nThe fictional group met.\n"
    doc = read_bytes(text.encode(), "post.txt")[0]
    assert (doc.title, doc.author, doc.published) == ("A Short Report", "Kim Park", "2016-03-03")

    doc = read_bytes(b"A Brief\nPublished: June 2017\n\nSome fictional prose follows here.\n", "p.txt")[0]
    assert (doc.title, doc.published) == ("A Brief", "2017-06")


def test_a_lone_colon_line_is_a_title_not_an_infobox_field():
    head = read_header("Group X: A Study of a Fictional Group\n\nBy Ann Lee\n\nProse about it follows.\n")
    assert head.title == "Group X: A Study of a Fictional Group"
    assert head.infobox == []
    assert head.author == "Ann Lee"


def test_prose_first_gives_no_title():
    text = ("The fictional group was formed in 2010 and has fought several rivals since then, "
            "according to reports that could not be verified.\n")
    doc = read_bytes(text.encode(), "prose.txt")[0]
    assert doc.title is None and doc.author is None


def test_markdown_and_wiki_headings_in_plain_text():
    text = "Title Here\n\n# First Part\nBody one.\n\n== Second Part ==\nBody two.\n"
    doc = read_bytes(text.encode(), "mixed.txt")[0]
    assert [(s.title, s.level) for s in doc.sections] == [("First Part", 1), ("Second Part", 2)]
    assert doc.text[doc.sections[0].start:doc.sections[0].end] == "Body one.\n\n== Second Part ==\nBody two."
    assert_offsets(doc)


def test_crlf_text_is_kept_and_offsets_hold():
    text = "A Title\r\n\r\nBy Ann Lee | 2019\r\n\r\nAllegiance is not a row here.\r\n"
    doc = read_bytes(text.encode(), "crlf.txt")[0]
    assert doc.text == text
    assert (doc.title, doc.author, doc.published) == ("A Title", "Ann Lee", "2019")
