"""An upload's multipart body read as it streams in, with its limits enforced while it streams.

Each file part goes straight to a file of our own in a fresh temporary folder, named by `safe_name`
(the client's name only lends a cleaned stem and its extension), and the moment a file passes
`max_file` bytes, the body `max_total`, or the form `max_files` files, reading stops with a 413: no
more than the limits ever reaches the disk. Text fields are held in memory, up to `max_field`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import AsyncIterator, BinaryIO
from urllib.parse import parse_qs

from fastapi import HTTPException
from python_multipart.multipart import MultipartParser, parse_options_header

from ..errors import printable

_STEM = re.compile(r"[^A-Za-z0-9._-]+")
_SUFFIX = re.compile(r"\.[a-z0-9]{1,10}")
MB = 1024 * 1024


@dataclass
class Upload:
    path: Path  # where the bytes were saved
    name: str  # the client's file name without folders, printable (kept as the document's path)


@dataclass
class Form:
    files: list[Upload] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


def safe_name(client_name: str | None, index: int) -> str:
    """`../../etc/x.TXT` -> `003-x.txt`: a cleaned stem and a lower-case extension, never a path."""
    base = Path((client_name or "").replace("\\", "/")).name
    suffix = Path(base).suffix.lower()
    if not _SUFFIX.fullmatch(suffix or ""):
        suffix = ""
    stem = _STEM.sub("_", Path(base).stem).strip("._")[:60] or "upload"
    return f"{index:03d}-{stem}{suffix}"


def shown_name(client_name: str | None, fallback: str) -> str:
    """The client's file name as a document's path: its last part, printable, at most 200 characters."""
    base = Path((client_name or "").replace("\\", "/")).name.strip()
    return printable(base, 200) if base and base not in (".", "..") else fallback


def too_large(what: str, limit: int) -> HTTPException:
    return HTTPException(413, f"{what} is larger than {limit / MB:g} MB; nothing was added")


async def read_form(headers, stream: AsyncIterator[bytes], folder: Path, *, max_file: int, max_total: int,
                    max_files: int, max_field: int) -> Form:
    """Parse a multipart/form-data body from `stream` into `folder` (see the module docstring)."""
    kind, options = parse_options_header(headers.get("content-type", ""))
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_total:
        raise too_large("the upload", max_total)
    if kind == b"application/x-www-form-urlencoded":  # text fields only (pasted text from a script)
        return await _urlencoded(stream, max_field * 2)
    if kind != b"multipart/form-data" or not options.get(b"boundary"):
        raise HTTPException(415, "send the files as multipart/form-data (a form with enctype=multipart/form-data)")
    reader = _Reader(folder, max_file, max_files, max_field)
    parser = MultipartParser(options[b"boundary"], reader.callbacks())
    total = 0
    try:
        async for chunk in stream:
            total += len(chunk)
            if total > max_total:
                raise too_large("the upload", max_total)
            parser.write(chunk)
            if reader.error:
                raise reader.error
        parser.finalize()
    finally:
        reader.close()
    if reader.error:
        raise reader.error
    return reader.form


async def _urlencoded(stream: AsyncIterator[bytes], limit: int) -> Form:
    body = bytearray()
    async for chunk in stream:
        body += chunk
        if len(body) > limit:
            raise too_large("the form", limit)
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return Form(fields={name: values[-1] for name, values in fields.items()})


class _Reader:
    """python-multipart callbacks: each part's headers, then its data to a file or a field."""

    def __init__(self, folder: Path, max_file: int, max_files: int, max_field: int):
        self.folder, self.max_file, self.max_files, self.max_field = folder, max_file, max_files, max_field
        self.form = Form()
        self.error: HTTPException | None = None
        self._header, self._value = b"", b""
        self._headers: dict[bytes, bytes] = {}
        self._out: BinaryIO | None = None
        self._field: bytearray | None = None
        self._name = ""
        self._size = 0

    def callbacks(self) -> dict:
        return {"on_part_begin": self._begin, "on_header_field": self._header_field,
                "on_header_value": self._header_value, "on_header_end": self._header_end,
                "on_headers_finished": self._headers_done, "on_part_data": self._data, "on_part_end": self._end}

    def _begin(self) -> None:
        self._headers, self._size = {}, 0

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._header += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._header.strip().lower()] = self._value.strip()
        self._header, self._value = b"", b""

    def _headers_done(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b""))
        self._name = options.get(b"name", b"").decode("utf-8", "replace")
        filename = options.get(b"filename")
        if filename is None:
            self._field = bytearray()
            return
        client = filename.decode("utf-8", "replace")
        if not client:  # an empty file input sends a part without a name
            self._out = None
            self._field = None
            return
        if len(self.form.files) >= self.max_files:
            self.error = HTTPException(413, f"at most {self.max_files} files at a time")
            return
        path = self.folder / safe_name(client, len(self.form.files) + 1)
        self._out = path.open("wb")
        self.form.files.append(Upload(path, shown_name(client, path.name)))

    def _data(self, data: bytes, start: int, end: int) -> None:
        if self.error:
            return
        self._size += end - start
        if self._out is not None:
            if self._size > self.max_file:
                self.error = too_large(self.form.files[-1].name, self.max_file)
                return
            self._out.write(data[start:end])
        elif self._field is not None:
            if self._size > self.max_field:
                self.error = too_large(f"the field {self._name!r}", self.max_field)
                return
            self._field += data[start:end]

    def _end(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None
        if self._field is not None:
            self.form.fields[self._name] = self._field.decode("utf-8", "replace")
            self._field = None

    def close(self) -> None:
        if self._out is not None:
            self._out.close()
