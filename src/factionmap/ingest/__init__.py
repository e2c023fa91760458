"""Ingestion: files to `Document`s, one reader module per format.

Public surface::

    read_file(path, *, on_error=None) -> list[Document]
    read_bytes(data, path, *, fmt=None, on_error=None) -> list[Document]
    iter_documents(inputs, on_error=None) -> Iterator[Document]
    expand_inputs(inputs, on_error=None) -> list[str]
    detect_format(path, data) -> str

A Document's id is the SHA-256 of the bytes it was read from (of the record's line, for JSONL);
its `path` is the path as given and `format` the reader's name. A `<file>.meta.json` sidecar
supplies or overrides metadata. Errors are `IngestError`s (`UnsupportedFormat` for types factionmap
does not read) whose message names the file, and the line where there is one. Without an
`on_error` callback errors are raised; with one, they are reported and the rest goes on (a bad
JSONL line skips only that record).
"""
from __future__ import annotations

import os
from typing import Callable, Iterable, Iterator

from ..errors import IngestError, UnsupportedFormat
from ..model import Document, content_id
from .detect import FORMATS, detect_format
from .html import read_html
from .jsonl import read_jsonl
from .markdown import read_markdown
from .metadata import apply
from .pdf import read_pdf
from .sidecar import is_sidecar, load_sidecar
from .text import read_text
from .walk import expand_inputs, iter_files
from .wikitext import read_wikitext

ErrorHandler = Callable[[IngestError], None]
Reader = Callable[[bytes, str], list[Document]]
READERS: dict[str, Reader] = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
    "wikitext": read_wikitext,
    "pdf": read_pdf,
}


def read_file(path: str | os.PathLike, *, on_error: ErrorHandler | None = None) -> list[Document]:
    """The documents in one file (several for JSONL), with its sidecar's metadata applied."""
    given = os.fspath(path)
    if is_sidecar(given):
        raise IngestError(given, "this is a sidecar metadata file, not a document; read the file it describes")
    try:
        with open(given, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise IngestError(given, "no such file") from None
    except IsADirectoryError:
        raise IngestError(given, "is a folder; use iter_documents() to read a folder") from None
    except OSError as exc:
        raise IngestError(given, f"cannot read the file ({exc.strerror or exc})") from None
    docs = read_bytes(data, given, on_error=on_error)
    meta = load_sidecar(given)
    if meta:
        for doc in docs:
            apply(doc, meta, override=doc.format != "jsonl")
    return docs


def read_bytes(data: bytes, path: str, *, fmt: str | None = None,
               on_error: ErrorHandler | None = None) -> list[Document]:
    """The documents in `data`, read as `fmt` (detected from `path` and the bytes when not given)."""
    if not data.strip():
        raise IngestError(path, "empty file")
    fmt = fmt or detect_format(path, data)
    if fmt == "jsonl":
        docs = read_jsonl(data, path, on_error)
    elif fmt in READERS:
        docs = READERS[fmt](data, path)
        for doc in docs:
            doc.id = content_id(data)
    else:
        raise UnsupportedFormat(path, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    for doc in docs:
        doc.path = path
        doc.format = fmt
    return docs


def iter_documents(inputs: str | os.PathLike | Iterable[str | os.PathLike],
                   on_error: ErrorHandler | None = None) -> Iterator[Document]:
    """Every document in the files, folders and globs given, in order.

    A bad file (or path, or JSONL line) goes to `on_error` and is skipped; the rest continue.
    Without `on_error`, the first error is raised.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    for path in iter_files(inputs, on_error):
        try:
            docs = read_file(path, on_error=on_error)
        except IngestError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        yield from docs


__all__ = ["READERS", "detect_format", "expand_inputs", "iter_documents", "read_bytes", "read_file"]
