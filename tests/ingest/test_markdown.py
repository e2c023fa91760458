"""Markdown: front matter to metadata, headings to sections, markup stripped."""
from __future__ import annotations

import pytest

from factionmap.errors import IngestError
from factionmap.ingest import read_bytes, read_file
from factionmap.model import SourceKind

from .conftest import FIXTURES, assert_offsets


def test_front_matter_metadata():
    doc = read_file(FIXTURES / "page.md")[0]
    assert doc.title == "The Eastern Ridge Battalion"
    assert doc.author == "Ann Lee, Bo Chen"
    assert doc.published == "2016-03-03"
    assert doc.url == "https://example.org/eastern-ridge"
    assert doc.publisher == "Example Analysis Review"
    assert doc.source_kind is SourceKind.ANALYSIS
    assert doc.format == "md"


def test_markup_is_stripped_and_sections_point_into_the_stripped_text():
    doc = read_file(FIXTURES / "page.md")[0]
    assert "The Eastern Ridge Battalion is a fictional group that split from the Northern Ridge Front in June 2014." \
        in doc.text
    for mark in ("**", "](", "`", "---", "[^1]", "https://example.org/nrf"):
        assert mark not in doc.text
    assert [(s.title, s.level) for s in doc.sections] == [
        ("The Eastern Ridge Battalion", 1), ("Leadership", 2), ("Relations", 2)]
    leadership = doc.sections[1]
    assert doc.text[leadership.start:leadership.end] == (
        "- Omar Field led the battalion from 2014 until 2018.\n- He was reportedly replaced by Dana Cole.")
    assert_offsets(doc)


def test_without_front_matter_the_first_heading_is_the_title():
    doc = read_bytes(b"Intro line.\n\n# A Fictional Group\n\nSome *text* here.\n", "x.md")[0]
    assert doc.title == "A Fictional Group"
    assert doc.text == "Intro line.\n\nA Fictional Group\n\nSome text here."


def test_setext_headings_and_fenced_code():
    src = b"Part One\n========\n\nText.\n\n```\n# not a heading\n```\n\nPart Two\n--------\nMore.\n"
    doc = read_bytes(src, "s.md")[0]
    assert [(s.title, s.level) for s in doc.sections] == [("Part One", 1), ("Part Two", 2)]
    assert "# not a heading" in doc.text
    assert_offsets(doc)


def test_invalid_front_matter_names_the_line():
    src = b"---\ntitle: ok\nauthor: [unclosed\n---\n\nBody.\n"
    with pytest.raises(IngestError, match=r"bad\.md: front matter line \d+: invalid YAML"):
        read_bytes(src, "bad.md")


def test_bad_front_matter_value_is_left_out_with_a_warning_and_the_text_is_kept(caplog):
    src = b"---\ntitle: A Fictional Front\nsource_kind: blog\ndate: last spring\n---\nBody text.\n"
    with caplog.at_level("WARNING", logger="factionmap.ingest"):
        doc = read_bytes(src, "k.md")[0]
    assert doc.title == "A Fictional Front" and doc.text == "Body text."
    assert doc.published is None and doc.source_kind is None
    said = caplog.text
    assert "k.md (front matter)" in said
    assert "'blog' is not one of" in said and "'last spring' is not a date" in said


def test_a_bad_value_in_a_sidecar_is_still_an_error(tmp_path):
    (tmp_path / "n.txt").write_text("Body of a fictional note.\n", encoding="utf-8")
    (tmp_path / "n.txt.meta.json").write_text('{"date": "sometime"}', encoding="utf-8")
    with pytest.raises(IngestError, match="'published'.*'sometime' is not a date"):
        read_file(tmp_path / "n.txt")
