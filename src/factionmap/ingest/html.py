"""HTML (.html, .htm): the page's main text and metadata, found by trafilatura (no network).

The main content (boilerplate such as menus and footers removed) is rendered as plain text: one
block a paragraph, headings on their own lines (recorded as sections), list items as "- item", table
rows as "cell | cell |". Title, author, date, canonical URL and site name come from the page's
metadata; the site name becomes the publisher.
"""
from __future__ import annotations

import re

import trafilatura
from lxml import etree
from trafilatura.utils import load_html

from ..errors import IngestError, first_line
from ..model import Document
from .header import read_header
from .logs import named_warnings
from .metadata import kind_for_publisher, normalize_date
from .sections import sections_from_headings

_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})\b", re.I)
_SITE_NAME = re.compile(rb"<meta\s+[^>]*?property\s*=\s*[\"']og:site_name[\"'][^>]*?content\s*=\s*[\"']([^\"']+)", re.I)
_NOT_TEXT = ("script", "style", "noscript", "template", "object", "embed", "iframe", "svg", "math")
_DATE_OPTIONS = {"extensive_search": False, "original_date": True}


def read_html(data: bytes, path: str) -> list[Document]:
    """One Document from the bytes of an HTML page."""
    if b"\x00" in data[:4096]:
        raise IngestError(path, "binary content (NUL bytes); not an HTML page")
    try:
        with named_warnings(path, "trafilatura"):
            tree = load_html(data)  # our own size limit applies (files.read_limited), not trafilatura's 20 MB
            if tree is None:
                raise IngestError(path, "not an HTML page (no document tree could be parsed)")
            etree.strip_elements(tree, *_NOT_TEXT, with_tail=False)  # script text is never a title or prose
            page = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False,
                                               include_tables=True, include_formatting=False,
                                               date_extraction_params=_DATE_OPTIONS)
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted parser errors on broken input
        raise IngestError(path, f"could not parse the HTML page ({type(exc).__name__}: {first_line(exc)})") from None
    body = getattr(page, "body", None)
    text, heads = ("", []) if body is None else render(body)
    if not text.strip():
        raise IngestError(path, "no main text found in the HTML page (an index, menu or script-only page?)")
    head = read_header(text)
    site = _SITE_NAME.search(data[:16384])
    publisher = (site.group(1).decode("utf-8", "replace").strip() if site else None) or page.sitename or None
    lang = _LANG.search(data[:4096])
    doc = Document(
        text=text,
        title=page.title or head.title,
        author=page.author or head.author,
        publisher=publisher,
        published=normalize_date(page.date) if page.date else head.published,
        url=page.url or None,
        language=lang.group(1).decode().lower() if lang else "en",
        source_kind=kind_for_publisher(publisher) or head.source_kind,
        path=path,
        format="html",
        sections=sections_from_headings(text, heads),
        infobox=head.infobox,
    )
    return [doc]


def render(body) -> tuple[str, list[tuple[int, int, str, int]]]:
    """Plain text from trafilatura's XML body, and its headings as (start, end, title, level)."""
    blocks: list[str] = []
    heads: list[tuple[int, int, str, int]] = []
    offset = 0
    for element in body:
        tag = element.tag
        if tag == "head":
            block = _words(element)
            rend = element.get("rend", "")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            if block:
                heads.append((offset, offset + len(block), block, level))
        elif tag == "list":
            block = "\n".join(f"- {_words(item)}" for item in element.iter("item") if _words(item))
        elif tag == "table":
            rows = (" | ".join(_words(c) for c in row.iter("cell")) for row in element.iter("row"))
            block = "\n".join(f"{row} |" for row in rows if row.strip(" |"))
        else:
            block = _words(element)
        if block:
            blocks.append(block)
            offset += len(block) + 2
    return "\n\n".join(blocks), heads


def _words(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()
