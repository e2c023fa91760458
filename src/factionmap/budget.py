"""A per-document budget of size and time for extraction, and long documents read piece by piece.

A document longer than `Budget.piece_chars` is cut into pieces at paragraph breaks (else line
breaks, sentence ends, spaces) and each piece is extracted on its own; the pieces' mentions and
evidence are shifted back to the document's offsets and their entities joined by key. So a 1.6 MB
report with few line breaks is extracted, in time that grows with its length, never with its square.

A document whose text is longer than `max_chars`, or whose extraction runs over `seconds`, is not
extracted: `OverBudget` (an ExtractionError) says which limit, which stage and which piece, in one
line. The time limit interrupts a stage where it can (a signal timer, in a process's main thread)
and is checked after every stage elsewhere.
"""
from __future__ import annotations

import dataclasses
import os
import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from .errors import ExtractionError, first_line
from .model import Document, Evidence, Extraction

ENV_SECONDS = "FACTIONMAP_TIME_BUDGET"
ENV_CHARS = "FACTIONMAP_MAX_CHARS"
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"[.!?][\"”’')\]]*\s+"),
           re.compile(r"\s+"))


@dataclass(frozen=True)
class Budget:
    piece_chars: int = 100_000  # a longer document is extracted piece by piece
    max_chars: int = 25_000_000  # a longer text is not extracted (0: no limit)
    seconds: float = 900.0  # per document, all pieces together (0: no limit)

    @classmethod
    def from_env(cls, **given) -> "Budget":
        """The defaults, overridden by $FACTIONMAP_TIME_BUDGET / $FACTIONMAP_MAX_CHARS, then by `given`."""
        values: dict = {}
        for name, env, cast in (("seconds", ENV_SECONDS, float), ("max_chars", ENV_CHARS, int)):
            if os.environ.get(env):
                try:
                    values[name] = cast(os.environ[env])
                except ValueError:
                    raise ExtractionError(f"${env}: {os.environ[env]!r} is not a number") from None
        values.update({k: v for k, v in given.items() if v is not None})
        return cls(**values)


class OverBudget(ExtractionError):
    """A document's extraction went over its size or time budget; it is stored, not extracted."""


class _Deadline(BaseException):
    """Raised inside a stage when time is up (a BaseException, so no stage's `except Exception` eats it)."""


def pieces(text: str, size: int) -> list[tuple[int, int]]:
    """(start, end) offsets cutting `text` into pieces of at most about `size` characters, at the
    strongest break (paragraph, line, sentence, space) found in the last third of each piece."""
    out, start, n = [], 0, len(text)
    while n - start > size:
        cut = start + size
        for pattern in _BREAKS:
            found = None
            for m in pattern.finditer(text, start + size * 2 // 3, cut):
                found = m
            if found is not None:
                cut = found.end()
                break
        out.append((start, cut))
        start = cut
    out.append((start, n))
    return out


def extract(doc: Document, budget: Budget | None = None, pipeline=None) -> Extraction:
    """The pipeline's extraction of `doc`, within `budget` (see the module docstring)."""
    from .extract.pipeline import default_pipeline

    from .lang import require_pack

    require_pack(doc)  # a document in a language with no pack is stored, not extracted (never read as English)
    budget = budget or Budget.from_env()
    pipeline = pipeline or default_pipeline()
    where = doc.path or doc.id[:12]
    if budget.max_chars and len(doc.text) > budget.max_chars:
        raise OverBudget(f"{where}: text of {len(doc.text):,} characters is over the extraction budget of "
                         f"{budget.max_chars:,} (raise it with --max-chars or ${ENV_CHARS}); stored, not extracted")
    spans = pieces(doc.text, budget.piece_chars) if budget.piece_chars else [(0, len(doc.text))]
    clock = _Clock(budget.seconds)
    parts = []
    try:
        with clock.armed():
            for number, (start, end) in enumerate(spans, 1):
                piece = doc if len(spans) == 1 else _piece(doc, start, end)
                label = f"piece {number} of {len(spans)}, characters {start:,}-{end:,}" if len(spans) > 1 else None
                parts.append((start, _run(pipeline, piece, clock, where, label)))
    except _Deadline:  # the timer rang between two stages
        raise clock.over(where, None) from None
    return parts[0][1] if len(parts) == 1 else _join(doc, parts)


def _piece(doc: Document, start: int, end: int) -> Document:
    inside = lambda x: start <= x.start and x.end <= end  # noqa: E731
    return dataclasses.replace(
        doc, text=doc.text[start:end],
        sections=[dataclasses.replace(s, start=s.start - start, end=s.end - start) for s in doc.sections if inside(s)],
        infobox=[dataclasses.replace(f, start=f.start - start, end=f.end - start) for f in doc.infobox if inside(f)],
    )


def _run(pipeline, doc: Document, clock: "_Clock", where: str, label: str | None) -> Extraction:
    stages = getattr(pipeline, "stages", None)
    if stages is None:  # a pipeline without named stages: the budget covers it as a whole
        return _timed(clock, where, label, "extraction", lambda: pipeline(doc))
    from .extract.pipeline import to_extraction
    from .extract.state import Annotated

    ann = Annotated(doc)
    for st in stages:
        ann = _timed(clock, where, label, st.name, lambda: st.func(ann))  # noqa: B023 (called at once)
    version = getattr(pipeline, "version", None)
    return to_extraction(ann, version) if version else to_extraction(ann)


def _timed(clock: "_Clock", where: str, label: str | None, stage: str, call):
    clock.stage = stage
    try:
        result = call()
    except _Deadline:
        raise clock.over(where, label) from None
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug in a stage: say which, and where
        raise ExtractionError(f"{where}: stage {stage!r} failed" + (f" ({label})" if label else "") +
                              f": {type(exc).__name__}: {first_line(exc)}") from exc
    if clock.expired():
        raise clock.over(where, label)
    return result


class _Clock:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.started = time.monotonic()
        self.stage = ""

    def expired(self) -> bool:
        return bool(self.seconds) and time.monotonic() - self.started > self.seconds

    def over(self, where: str, label: str | None) -> OverBudget:
        at = f" ({label})" if label else ""
        return OverBudget(f"{where}: extraction went over its time budget of {self.seconds:g} s in stage "
                          f"{self.stage!r}{at} (raise it with --time-budget or ${ENV_SECONDS}); stored, not extracted")

    @contextmanager
    def armed(self) -> Iterator[None]:
        """A timer that interrupts the running stage at the deadline (main thread only; else none)."""
        usable = self.seconds and threading.current_thread() is threading.main_thread() \
            and hasattr(signal, "setitimer")
        if not usable:
            yield
            return

        def ring(_signum, _frame):
            raise _Deadline()

        previous = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        try:
            yield
        finally:
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                signal.signal(signal.SIGALRM, previous)


def _join(doc: Document, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction from the pieces': offsets shifted back, entities joined by key."""
    entities, mentions, assertions = {}, [], []
    for offset, part in parts:
        for e in part.entities:
            kept = entities.setdefault(e.key, e)
            if kept is not e:
                names = {a.name for a in kept.aliases} | {kept.name}
                kept.aliases += [a for a in e.aliases if a.name not in names]
        mentions += [dataclasses.replace(m, start=m.start + offset, end=m.end + offset) for m in part.mentions]
        for a in part.assertions:
            a.subject = entities.get(a.subject.key, a.subject)
            a.object = entities.get(a.object.key, a.object)
            a.evidence = [_shift(e, offset) for e in a.evidence]
            assertions.append(a)
    version = parts[0][1].extractor_version
    return Extraction(document=doc, entities=list(entities.values()), mentions=mentions, assertions=assertions,
                      extractor_version=version)


def _shift(e: Evidence, offset: int) -> Evidence:
    return dataclasses.replace(e, start_char=e.start_char + offset, end_char=e.end_char + offset)


__all__ = ["Budget", "OverBudget", "extract", "pieces"]
