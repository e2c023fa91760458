"""Which reader a file needs: by its extension, and by sniffing its content when that is unclear.

Formats are named `txt`, `md`, `html`, `wikitext`, `pdf`, `jsonl`. Files with no extension (or a
generic one such as `.dat`) are sniffed: `%PDF-` magic, HTML tags, wikitext headings/templates,
JSON objects a line, YAML front matter; any other UTF-8 text is plain text. A `.txt` file that
plainly holds an HTML page or a PDF is read as what it holds.
"""
from __future__ import annotations

import re
from pathlib import PurePath

from .. import jsonsafe
from ..errors import IngestError, UnsupportedFormat

EXTENSIONS = {
    ".txt": "txt", ".text": "txt",
    ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".wiki": "wikitext", ".wikitext": "wikitext", ".mediawiki": "wikitext",
    ".pdf": "pdf",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}
SNIFFED = {"", ".dat", ".data", ".out"}  # extensions that say nothing about the content
FORMATS = ["txt", "md", "html", "wikitext", "pdf", "jsonl"]  # grows with ingest.register_reader

_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TAGS = re.compile(r"<(p|div|body|head|article|h[1-6]|span|a\s+href)[\s>]", re.I)
_WIKI_HEADING = re.compile(r"^(={2,6})[^=\n]+\1\s*$", re.M)
_WIKI_MARKUP = re.compile(r"\{\{\s*infobox|\[\[[^\]\n]+\]\]|'''[^'\n]+'''", re.I)
_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.S)


def decode(data: bytes, path: object, *, what: str = "text") -> str:
    """Bytes to str: UTF-8 (a BOM allowed) or UTF-16 with a BOM; binary or undecodable -> IngestError."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(path, f"not valid UTF-16 {what}: {exc.reason} at byte {exc.start}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise IngestError(path, f"binary content (NUL byte at offset {nul}); not a {what} file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise IngestError(
            path, f"line {line}: byte 0x{data[exc.start]:02x} at offset {exc.start} is not valid UTF-8 "
                  f"(save the file as UTF-8)") from None


def detect_format(path: str | PurePath, data: bytes) -> str:
    """The format of a file from its name and bytes; UnsupportedFormat when factionmap cannot read it."""
    suffix = PurePath(path).suffix.lower()
    if suffix in EXTENSIONS:
        fmt = EXTENSIONS[suffix]
        if fmt == "txt":
            if data.startswith(b"%PDF-"):
                return "pdf"
            if _HTML_START.match(data[:2048]):
                return "html"
        return fmt
    if suffix not in SNIFFED:
        known = ", ".join(sorted(EXTENSIONS))
        raise UnsupportedFormat(path, f"unsupported file type {suffix!r} (factionmap reads {known})")
    return sniff(path, data)


def sniff(path: str | PurePath, data: bytes) -> str:
    """Guess the format from content alone (for files without a telling extension)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if not data.strip():
        raise IngestError(path, "empty file")
    if _HTML_START.match(data[:2048]):
        return "html"
    try:
        text = decode(data, path)
    except IngestError as exc:
        raise UnsupportedFormat(path, f"cannot tell the file type: {exc.reason}") from None
    head = text[:20000]
    if len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if _looks_jsonl(head):
        return "jsonl"
    if _WIKI_HEADING.search(head) and _WIKI_MARKUP.search(head) or re.search(r"\{\{\s*infobox", head, re.I):
        return "wikitext"
    if _FRONT_MATTER.match(head) or re.search(r"^#{1,6} \S", head, re.M):
        return "md"
    return "txt"


def _looks_jsonl(head: str) -> bool:
    lines = [ln for ln in head.splitlines()[:5] if ln.strip()]
    if not lines or not lines[0].lstrip().startswith("{"):
        return False
    try:
        return isinstance(jsonsafe.loads(lines[0]), dict)
    except (ValueError, RecursionError):
        return False
