"""Format detection by extension and by content; unknown, binary and undecodable files are errors."""
from __future__ import annotations

import pytest

from factionmap.errors import IngestError, UnsupportedFormat
from factionmap.ingest import read_bytes, read_file
from factionmap.ingest.detect import detect_format

from .conftest import FIXTURES


@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "txt"), ("a.TEXT", "txt"), ("a.md", "md"), ("a.markdown", "md"), ("a.html", "html"),
    ("a.htm", "html"), ("a.wiki", "wikitext"), ("a.wikitext", "wikitext"), ("a.mediawiki", "wikitext"),
    ("a.pdf", "pdf"), ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"),
])
def test_by_extension(name, fmt):
    assert detect_format(name, b"some text") == fmt


@pytest.mark.parametrize("data, fmt", [
    (b"%PDF-1.7\n...", "pdf"),
    (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    (b"  <html lang='en'><body>x</body></html>", "html"),
    (b"{{Infobox militant organization\n| name = X\n}}\nText.", "wikitext"),
    (b"Lead with [[a link]].\n\n== History ==\nText.", "wikitext"),
    (b'{"text": "one"}\n{"text": "two"}\n', "jsonl"),
    (b"---\ntitle: X\n---\nBody.\n", "md"),
    (b"Intro.\n\n## Part\nBody.\n", "md"),
    (b"Just a few lines of plain prose.\n", "txt"),
])
def test_sniffing_files_without_an_extension(data, fmt):
    assert detect_format("inbox/document", data) == fmt


def test_a_txt_file_holding_an_html_page_is_read_as_html():
    assert detect_format("saved.txt", b"<!doctype html>\n<html><body><p>x</p></body></html>") == "html"


def test_unknown_extension_is_unsupported():
    with pytest.raises(UnsupportedFormat, match=r"photo\.png: unsupported file type '\.png'"):
        detect_format("photo.png", b"\x89PNG\r\n")


def test_binary_junk_without_extension():
    with pytest.raises(UnsupportedFormat, match=r"blob: cannot tell the file type: binary content"):
        read_bytes(b"\x00\x01\x02junk\x00", "blob")


def test_binary_junk_in_a_txt_file():
    with pytest.raises(IngestError, match=r"junk\.txt: binary content \(NUL byte at offset 3\)"):
        read_bytes(b"abc\x00def", "junk.txt")


def test_undecodable_text_names_the_line():
    with pytest.raises(IngestError, match=r"latin\.txt: line 2: byte 0xe9 at offset 14 is not valid UTF-8"):
        read_bytes(b"First line\nCaf\xe9 line\n", "latin.txt")


def test_utf8_bom_and_utf16_are_read():
    assert read_bytes("\ufeffA Title\n\nProse here.\n".encode("utf-8"), "bom.txt")[0].text == "A Title\n\nProse here.\n"
    assert read_bytes("A Title\n\nProse.\n".encode("utf-16"), "u16.txt")[0].title == "A Title"


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(IngestError, match=r"empty\.txt: empty file"):
        read_file(tmp_path / "empty.txt")


def test_unreadable_paths(tmp_path):
    with pytest.raises(IngestError, match=r"nope\.txt: no such file"):
        read_file(tmp_path / "nope.txt")
    with pytest.raises(IngestError, match="is a folder"):
        read_file(FIXTURES)
