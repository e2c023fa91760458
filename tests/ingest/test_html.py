"""HTML: main text and metadata with trafilatura; no main text is an error."""
from __future__ import annotations

import pytest

from factionmap.errors import IngestError
from factionmap.ingest import read_bytes, read_file

from .conftest import FIXTURES, assert_offsets


def test_metadata_from_the_page():
    doc = read_file(FIXTURES / "page.html")[0]
    assert doc.title == "The Lake Coast Movement"
    assert doc.author == "Rita Moss"
    assert doc.published == "2018-11-05"
    assert doc.url == "https://news.example.org/lake-coast-movement"
    assert doc.publisher == "Example News"
    assert doc.language == "en"
    assert doc.format == "html"


def test_main_text_without_boilerplate_and_headings_as_sections():
    doc = read_file(FIXTURES / "page.html")[0]
    assert "formed a joint operations room with the Valley Brigade" in doc.text
    assert "About us" not in doc.text and "newsletter" not in doc.text
    assert [s.title for s in doc.sections if s.level == 2] == ["Alliances", "Designation"]
    designation = doc.sections[-1]
    assert doc.text[designation.start:designation.end].startswith("The fictional Republic of Examplia designated")
    assert_offsets(doc)


def test_a_page_without_main_text_is_an_error():
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(IngestError, match=r"menu\.html: no main text found"):
        read_bytes(page, "menu.html")
