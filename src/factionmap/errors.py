"""Every error factionmap raises on purpose. One module, so callers can catch what they mean.

Each error's message says what was wrong and where (a file, a line, an object id), in one line, so
the CLI can print it as it is.
"""
from __future__ import annotations

import os
import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(value: object, limit: int = 300) -> str:
    """`value` as one printable line: undecodable bytes of a file name as \\xNN, control characters
    escaped, and at most `limit` characters (longer values end in "…")."""
    text = os.fsdecode(value) if isinstance(value, (bytes, os.PathLike)) else str(value)
    try:
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file name decoding made
        text = text.encode("utf-8", "backslashreplace").decode("ascii")
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def first_line(exc: BaseException | str, limit: int = 200) -> str:
    """An exception's (or a message's) text, cut to its first line (no SQL, no quoted input after it)."""
    lines = str(exc).strip().splitlines()
    return printable(lines[0] if lines else type(exc).__name__, limit)


class FactionmapError(Exception):
    """Base of every error factionmap raises on purpose."""


class IngestError(FactionmapError):
    """A file could not be read as a document."""

    def __init__(self, path: object, reason: str):
        self.path = printable(path, 1000)
        self.reason = printable(reason, 1000)
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self):  # pickled as its parts (a Dask worker sends it back to the build)
        return type(self), (self.path, self.reason)


class UnsupportedFormat(IngestError):
    """The file's type is not one factionmap reads."""


class StoreError(FactionmapError):
    """The store could not be opened or written."""


class BadStoreURL(StoreError):
    """The --db value is neither a path nor a database URL that SQLAlchemy understands."""


class NotFound(FactionmapError):
    """A document, entity or tie asked for is not in the store."""


class AmbiguousName(FactionmapError):
    """A name given by the user matches more than one entity."""

    def __init__(self, name: str, candidates: list[str]):
        self.name = name
        self.candidates = candidates
        listed = "; ".join(candidates[:8])
        super().__init__(f"{name!r} matches {len(candidates)} entities ({listed}): give the full name or id")


class ExtractionError(FactionmapError):
    """The extraction pipeline could not run on a document."""


class NoLanguagePack(ExtractionError):
    """A document is in a language factionmap has no language pack for: stored, not extracted."""


class GoldFileError(FactionmapError):
    """A gold file for `factionmap evaluate` is malformed."""


class ImportFormatError(FactionmapError):
    """A bundle or file given to `factionmap import` is malformed; nothing was imported."""


class ExportError(FactionmapError):
    """An export could not be produced."""


class ConfigError(FactionmapError):
    """A configuration file (e.g. source reliability grades) is malformed."""


class WebAssetsMissing(FactionmapError):
    """The web app's vendor assets were not built (npm ci + scripts/build-web.sh, or `make setup`)."""


class AnnotationError(FactionmapError):
    """An annotation or draft line that cannot be used; the message names the file and line."""


class PermissionDenied(FactionmapError):
    """The person asking may not do this: not logged in, a role too low, or editing switched off."""


class AuthError(FactionmapError):
    """A user name or password that does not check out, or a user that cannot be added as asked."""


class ReviewError(FactionmapError):
    """A review that cannot be made as asked (unknown relation, a selection outside the text ...)."""


class ReviewConflict(ReviewError):
    """Someone reviewed the tie after the reviewer last saw it; `current` is that later review."""

    def __init__(self, message: str, current: object = None):
        self.current = current
        super().__init__(message)
