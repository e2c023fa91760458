"""Warnings that parsers (pypdf, trafilatura) log about a file, said once each with the file's name.

Left alone they print bare ("Multiple definitions in dictionary ...") or not at all, one per object;
`named_warnings` collects them while one file is read and logs each distinct message once, on the
"factionmap.ingest" logger, as "<file>: <parser>: <message> (N times)".
"""
from __future__ import annotations

import logging
from collections import Counter
from contextlib import contextmanager
from typing import Iterator

from ..errors import printable

log = logging.getLogger("factionmap.ingest")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed log call in a parser
            message = str(record.msg)
        self.messages[printable(message.strip().split("\n")[0] or "?", 200)] += 1


@contextmanager
def named_warnings(path: str, logger: str) -> Iterator[None]:
    """While the block reads `path`, `logger`'s warnings are collected, then said once each with the name."""
    source = logging.getLogger(logger)
    handler, propagate = _Collect(), source.propagate
    source.addHandler(handler)
    source.propagate = False
    try:
        yield
    finally:
        source.removeHandler(handler)
        source.propagate = propagate
        for message, count in handler.messages.items():
            log.warning("%s: %s: %s%s", path, logger, message, f" ({count} times)" if count > 1 else "")
