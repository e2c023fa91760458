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
from typing import Callable, Iterable, Iterator, TypeVar

from ..errors import IngestError, UnsupportedFormat, first_line, printable
from ..model import Document, content_id
from .detect import EXTENSIONS, FORMATS, detect_format
from .files import read_limited
from .html import read_html
from .jsonl import read_jsonl
from .markdown import read_markdown
from .metadata import apply
from .pdf import read_pdf
from .sidecar import is_sidecar, load_sidecar, sidecar_path
from .text import read_text
from .walk import expand_inputs, iter_files
from .wikitext import read_wikitext

ErrorHandler = Callable[[IngestError], None]
T = TypeVar("T")
Reader = Callable[[bytes, str], list[Document]]
READERS: dict[str, Reader] = {
    "txt": read_text,
    "md": read_markdown,
    "html": read_html,
    "wikitext": read_wikitext,
    "pdf": read_pdf,
}


def register_reader(fmt: str, reader: Reader, extensions: Iterable[str] = ()) -> None:
    """Add a document format: `reader(data, path)` gives the documents in a file's bytes (raising
    IngestError for a bad file); files ending in one of `extensions` (".ext") are read with it."""
    if fmt in FORMATS:
        raise IngestError(fmt, f"format {fmt!r} already has a reader")
    READERS[fmt] = reader
    FORMATS.append(fmt)
    EXTENSIONS.update({ext.lower(): fmt for ext in extensions})


def read_file(path: str | os.PathLike, *, on_error: ErrorHandler | None = None,
              max_bytes: int | None = None) -> list[Document]:
    """The documents in one file (several for JSONL), with its sidecar's metadata applied.

    Only regular files are read, up to `max_bytes` (see `files.read_limited`). A document's `path`
    is the path as given, made printable (a name that is not valid UTF-8 shows its bytes as \\xNN).
    """
    given = os.fspath(path)
    if is_sidecar(given):
        raise IngestError(given, "this is a sidecar metadata file, not a document; read the file it describes")
    data = read_limited(given, max_bytes)
    shown = printable(given, 1000)
    docs = read_bytes(data, shown, on_error=on_error)
    meta = guarded(lambda: load_sidecar(given), sidecar_path(shown), "sidecar")
    if meta:
        for doc in docs:
            apply(doc, meta, override=doc.format != "jsonl")
    return docs


def read_bytes(data: bytes, path: str, *, fmt: str | None = None,
               on_error: ErrorHandler | None = None) -> list[Document]:
    """The documents in `data`, read as `fmt` (detected from `path` and the bytes when not given).

    Whatever goes wrong inside a reader (a parser's own error, a missing optional dependency, a
    recursion or memory error on a hostile file) becomes an IngestError naming the file.
    """
    if not data.strip():
        raise IngestError(path, "empty file")
    fmt = fmt or guarded(lambda: detect_format(path, data), path, "a document")
    if fmt == "jsonl":
        docs = guarded(lambda: read_jsonl(data, path, on_error), path, "JSON Lines")
    elif fmt in READERS:
        docs = guarded(lambda: READERS[fmt](data, path), path, fmt)
        for doc in docs:
            doc.id = content_id(data)
    else:
        raise UnsupportedFormat(path, f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
    for doc in docs:
        doc.path = path
        doc.format = fmt
    return docs


def guarded(read: Callable[[], T], path: object, what: str) -> T:
    """Run a reader; any failure but our own IngestError becomes one naming `path`."""
    try:
        return read()
    except IngestError:
        raise
    except RecursionError:
        raise IngestError(path, f"nested too deeply to read as {what}") from None
    except MemoryError:
        raise IngestError(path, f"too large to read as {what} in memory") from None
    except Exception as exc:  # noqa: BLE001 - a parser's failure on one file must not stop the run
        raise IngestError(path, f"cannot be read as {what} ({type(exc).__name__}: {first_line(exc)})") from None


def iter_documents(inputs: str | os.PathLike | Iterable[str | os.PathLike],
                   on_error: ErrorHandler | None = None, *, max_bytes: int | None = None) -> Iterator[Document]:
    """Every document in the files, folders and globs given, in order.

    A bad file (or path, or JSONL line) goes to `on_error` and is skipped; the rest continue.
    Without `on_error`, the first error is raised.
    """
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    for path in iter_files(inputs, on_error):
        try:
            docs = read_file(path, on_error=on_error, max_bytes=max_bytes)
        except IngestError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        yield from docs


__all__ = ["READERS", "detect_format", "expand_inputs", "iter_documents", "read_bytes", "read_file", "register_reader"]
