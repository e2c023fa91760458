"""Lifespans from infobox fields: "Active: October 2007 – c. 2016", "Dates of operation: July 2019–Present",
"Founded: 1987", "Dissolved: 2018". The group is the one the document is about (see DocContext)."""
from __future__ import annotations

import re
from typing import Iterator

from ..model import LifespanEvent, LifespanKind
from ..namefold import fold
from .context import DocContext
from .dates import end_of

# folded field name -> (kind of its first date, kind of its second date)
FIELDS: dict[str, tuple[LifespanKind, LifespanKind | None]] = {
    **dict.fromkeys(["active", "dates of operation", "years active", "dates active", "active years",
                     "period of activity", "operational"], (LifespanKind.FIRST_ACTIVE, LifespanKind.LAST_ACTIVE)),
    **dict.fromkeys(["founded", "foundation", "formation", "formed", "established", "founding", "creation",
                     "date founded"], (LifespanKind.FOUNDED, None)),
    **dict.fromkeys(["dissolved", "disbanded", "defunct", "dissolution", "date dissolved"],
                    (LifespanKind.DISSOLVED, None)),
}
_OPEN = re.compile(r"(?i)\b(present|ongoing|today|now)\b")


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    return a, len(text) if b < 0 else b


def read_infobox(ctx: DocContext) -> Iterator[LifespanEvent]:
    doc = ctx.extraction.document
    fields = [(f, FIELDS[fold(f.name)]) for f in doc.infobox if fold(f.name) in FIELDS]
    if not fields:
        return
    key = ctx.subject_key()
    if key is None:
        return
    for f, (first, second) in fields:
        found = ctx.dates_in(f.start, f.end)
        if not found:
            continue
        a, b = _line(doc.text, f.start, f.end)
        ev = ctx.evidence(a, b, "infobox", f.name)
        yield LifespanEvent(key, first, found[0].date, ev)
        if second is None:
            continue
        until = end_of(found[0]) or (found[1].date if len(found) > 1 else None)
        if until is not None and until.earliest >= found[0].date.earliest:
            yield LifespanEvent(key, second, until, ev)
