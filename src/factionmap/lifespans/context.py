"""What the lifespan reader knows of one document: its text, sentences, dates, and group mentions."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import EntityType, Evidence, Extraction, Mention
from ..namefold import fold

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“‘'(]?[A-Z0-9])")
_HEADING = re.compile(r"^\s*(=+).*\1\s*$|^#+\s")
_TITLE_SUFFIX = re.compile(r"\s*\((?:wikipedia|[^)]*encyclop[^)]*)\)\s*$", re.I)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: lines cut at sentence stops; headings left out."""
    out = []
    for line in re.finditer(r"[^\n]+", text):
        if _HEADING.match(line.group(0)):
            continue
        start = line.start()
        for stop in _SENTENCE_END.finditer(line.group(0)):
            end = line.start() + stop.start()
            if end > start:
                out.append((start, end))
            start = line.start() + stop.end()
        if line.end() > start:
            out.append((start, line.end()))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in out if text[a:b].strip()]


@dataclass
class DocContext:
    extraction: Extraction
    version: str
    orgs: list[Mention] = field(default_factory=list)  # mentions of ORG entities (coreference included)
    dates: list = field(default_factory=list)  # DateSpans over the whole text, in order
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, extraction: Extraction, version: str) -> "DocContext":
        from .dates import scan

        org_keys = {e.key for e in extraction.entities if e.type == EntityType.ORG}
        orgs = sorted((m for m in extraction.mentions if m.entity_key in org_keys),
                      key=lambda m: (m.start, -m.end))
        ctx = cls(extraction, version, orgs, scan(extraction.document))
        ctx._starts = [m.start for m in orgs]
        return ctx

    @property
    def text(self) -> str:
        return self.extraction.document.text

    def orgs_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._starts, start)
        out = []
        while i < len(self.orgs) and self.orgs[i].start < end:
            if self.orgs[i].end <= end:
                out.append(self.orgs[i])
            i += 1
        return out

    def dates_in(self, start: int, end: int) -> list:
        return [d for d in self.dates if start <= d.start and d.end <= end]

    def evidence(self, start: int, end: int, rule: str, trigger: str) -> Evidence:
        return Evidence(self.extraction.document.id, start, end, f"lifespan:{rule}", self.version, trigger)

    def subject_key(self) -> str | None:
        """The group the document is about: named by its title, else the most-mentioned group up front."""
        doc = self.extraction.document
        if doc.title:
            want = fold(_TITLE_SUFFIX.sub("", doc.title))
            for e in self.extraction.entities:
                if e.type == EntityType.ORG and any(fold(n) == want for n in e.names):
                    return e.key
        counts: dict[str, int] = {}
        for m in self.orgs:
            if m.start < 1500:
                counts[m.entity_key] = counts.get(m.entity_key, 0) + 1
        return max(counts, key=lambda k: (counts[k], -self._first(k)), default=None)

    def _first(self, key: str) -> int:
        return next(m.start for m in self.orgs if m.entity_key == key)
