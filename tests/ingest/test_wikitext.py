"""Wikitext: infobox parameters rendered as lines at the top, sections from headings, markup dropped."""
from __future__ import annotations

from factionmap.ingest import read_bytes, read_file
from factionmap.model import SourceKind

from .conftest import FIXTURES, assert_offsets


def test_infobox_fields_are_real_lines_of_the_text():
    doc = read_file(FIXTURES / "group.wiki")[0]
    assert doc.title == "Lake Coast Movement"
    fields = {f.name: f.value for f in doc.infobox}
    assert fields == {
        "Active": "2012-05-01–present",
        "Allegiance": "Northern Ridge Front (since 2016)",
        "Leaders": "Ada Reed (2012–2016), Ben Ortiz (2016–)",
        "Opponents": "Examplia, Valley Brigade",
        "Predecessor": "Lake Shore Committee, Bay Islands Militia",
        "Area": "Northern lake shore",
    }
    assert doc.text.startswith("Lake Coast Movement\nActive: 2012-05-01–present\nAllegiance: Northern Ridge Front")
    assert doc.source_kind is SourceKind.ENCYCLOPEDIA
    assert doc.format == "wikitext"
    assert_offsets(doc)


def test_links_refs_files_comments_and_categories():
    doc = read_file(FIXTURES / "group.wiki")[0]
    assert "The Lake Coast Movement (LCM) is a fictional armed group used in the factionmap tests." in doc.text
    assert "In 2016 the movement pledged allegiance to the Northern Ridge Front." in doc.text
    assert "- The pledge was announced by Ben Ortiz." in doc.text
    for gone in ("[[", "{{", "<ref", "cite web", "A caption that should vanish", "editor's comment",
                 "Category", "'''"):
        assert gone not in doc.text


def test_sections_from_headings():
    doc = read_file(FIXTURES / "group.wiki")[0]
    assert [(s.title, s.level) for s in doc.sections] == [("History", 2), ("Leadership", 3), ("See also", 2)]
    assert doc.text[doc.sections[1].start:doc.sections[1].end] == "Ada Reed was killed in 2016."
    assert_offsets(doc)


def test_page_without_infobox_takes_its_title_from_the_first_bold_term():
    doc = read_bytes(b"The '''[[Hill Guard]]''' is a fictional group.\n\n== Origins ==\nIt began in 2001.\n",
                     "h.wiki")[0]
    assert doc.title == "Hill Guard"
    assert doc.infobox == []
    assert doc.text == "Hill Guard\n\nThe Hill Guard is a fictional group.\n\nOrigins\n\nIt began in 2001.\n"
