"""The readers take linear time on long runs of the tokens that made them quadratic (ratio tests)."""
from __future__ import annotations

import json

import pytest

from factionmap.ingest import read_bytes
from factionmap.ingest.header import read_header
from factionmap.ingest.markdown import strip_markdown
from factionmap.ingest.sections import find_sections, sections_from_headings

from tests.timing import LINEAR, growth


def _markdown(text: str):
    return strip_markdown(text)


@pytest.mark.parametrize("token, n", [
    ("**a ", 400),  # an emphasis opener never closed (64 KB of it took 84 s)
    ("*a ", 400),
    ("_a ", 400),
    ("~~a ", 400),
    ("[a ", 400),  # a link text never closed
    ("[a](", 400),
    ("<a ", 400),  # a tag never closed
    ("`a ", 400),
    ("<!-- ", 3000),
])
def test_markdown_inline_marks(token, n):
    assert growth(_markdown, token, n) < LINEAR


@pytest.mark.parametrize("token, n", [
    ("line of prose\n", 5000),  # find_sections copied the rest of the lines for every line
    ("\n", 10000),
    ("Heading\n\n" + "x" * 130 + "\n", 1000),  # every line a plain heading
    ("= a " + " " * 40 + "b\n", 1000),  # heading patterns with whitespace runs
])
def test_sections(token, n):
    assert growth(find_sections, token, n) < LINEAR


def test_nested_headings():
    def sections(text: str):
        heads = [(i, i + 1, "h", 1 + i % 6) for i in range(0, len(text), 2)]
        return sections_from_headings(text, heads)

    assert growth(sections, "a\n", 5000) < LINEAR


@pytest.mark.parametrize("token, n", [("a" + " " * 50, 2000), ("Allegiance | " + " " * 30, 1000)])
def test_header_on_one_long_line(token, n):
    assert growth(read_header, token, n) < LINEAR


@pytest.mark.parametrize("fmt, token, n", [
    ("txt", "A sentence about the group.\n", 1000),
    ("txt", "word ", 10000),  # one long line
    ("md", "# Heading\n\nSome **bold** prose [link](http://x).\n", 500),
    ("wikitext", "{|\n|-\n| a\n", 300),  # unclosed tables: mwparserfromhell backtracks over each
    ("wikitext", "{{a|", 300),
    ("wikitext", "[http://x ", 300),
])
def test_whole_readers(fmt, token, n):
    assert growth(lambda text: read_bytes(text.encode(), f"x.{fmt}", fmt=fmt), token, n) < LINEAR


def test_one_long_jsonl_record():
    def read(text: str):
        return read_bytes(json.dumps({"text": text, "title": "T"}).encode(), "x.jsonl", fmt="jsonl")

    assert growth(read, "A sentence about the group.\n", 1000) < LINEAR
