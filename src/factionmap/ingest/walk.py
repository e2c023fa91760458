"""The user's inputs (files, folders, globs) expanded into the files to read, in a stable order.

Folders are walked recursively in sorted order, skipping hidden files and folders (names starting
with "."), sidecar metadata files (`*.meta.json`) and a folder's README/LICENSE files. A file named
explicitly is always read (unless it is a sidecar). Globs (`corpus/**/*.txt`) are expanded sorted.
A path that does not exist, a glob that matches nothing and a folder without files are errors.
"""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..errors import IngestError
from .sidecar import is_sidecar

ErrorHandler = Callable[[IngestError], None]
_GLOB_CHARS = set("*?[")
_FOLDER_NOTES = ("readme", "license", "licence", "copying", "notice")


def expand_inputs(inputs: Iterable[str | os.PathLike], on_error: ErrorHandler | None = None) -> list[str]:
    """The files named by `inputs`, as paths in the form given; each error goes to `on_error` (or is raised)."""
    return list(iter_files(inputs, on_error))


def iter_files(inputs: Iterable[str | os.PathLike], on_error: ErrorHandler | None = None) -> Iterator[str]:
    """Like `expand_inputs`, lazily: one input is expanded (and its errors reported) at a time."""
    seen: set[str] = set()
    for given in inputs:
        try:
            found = _expand(os.fspath(given))
        except IngestError as exc:
            if on_error is None:
                raise
            on_error(exc)
            continue
        for path in found:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path


def _expand(given: str) -> list[str]:
    if os.path.isdir(given):
        files = _walk(given)
        if not files:
            raise IngestError(given, "the folder holds no files to read")
        return files
    if os.path.exists(given):
        return [] if is_sidecar(given) else [given]
    if _GLOB_CHARS & set(given):
        matches = sorted(glob.glob(given, recursive=True))
        files: list[str] = []
        for match in matches:
            files.extend(_walk(match) if os.path.isdir(match) else [] if is_sidecar(match) else [match])
        if not files:
            raise IngestError(given, "no files match this pattern")
        return files
    raise IngestError(given, "no such file or folder")


def _walk(top: str) -> list[str]:
    files: list[str] = []
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in sorted(names):
            if name.startswith(".") or is_sidecar(name) or Path(name).stem.lower() in _FOLDER_NOTES:
                continue
            files.append(os.path.join(folder, name))
    return files
