"""Plain text (.txt): the whole text is kept as it is; metadata and structure are read from it.

The header (title line, by-line, revision and publication notes, infobox rows) is read by
`header.read_header`; headings below it by `sections.find_sections`. Offsets point into the
unchanged text.
"""
from __future__ import annotations

from ..errors import IngestError
from ..model import Document
from .detect import decode
from .header import read_header
from .sections import find_sections


def read_text(data: bytes, path: str) -> list[Document]:
    """One Document from the bytes of a plain-text file."""
    return [document_from_text(decode(data, path), path, fmt="txt")]


def document_from_text(text: str, path: str, *, fmt: str) -> Document:
    """A Document whose metadata and structure are read from plain `text` (also used for PDF text)."""
    if not text.strip():
        raise IngestError(path, "no text (the file is empty or only whitespace)")
    head = read_header(text)
    return Document(
        text=text,
        title=head.title,
        author=head.author,
        publisher=head.publisher,
        published=head.published,
        url=head.url,
        source_kind=head.source_kind,
        path=path,
        format=fmt,
        sections=find_sections(text, head.body_start),
        infobox=head.infobox,
    )
