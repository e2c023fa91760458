"""Stage `mentions`: names found by an Aho–Corasick automaton over the folded text.

One automaton holds every KB name (folded: case, diacritics, apostrophes, hyphens, the Arabic
article); a small one per document holds the names the document itself taught us (patterns, acronym
definitions, NER). Matches must sit on word boundaries; short all-capital names must match as written;
the longest match wins where matches overlap.
"""
from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from ..model import EntityType
from ..lang.fold import strip_diacritics
from .fold import fold, fold_with_map
from .kb import KnowledgeBase


@dataclass(frozen=True)
class Name:
    """One name the automaton knows: what it folds to, and the entity it names."""

    text: str  # as written in the KB or the document
    key: str  # entity key
    type: EntityType
    case_sensitive: bool = False
    defined_only: bool = False  # a KB acronym used only once the document defines it


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    name: Name


class Gazetteer:
    def __init__(self, names: list[Name]):
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[Name]] = {}
        for n in names:
            for key in {fold(n.text), fold(n.text, all_articles=True)}:
                if len(key) >= 2:
                    table.setdefault(key, []).append(n)
        for key, ns in table.items():
            self._auto.add_word(key, (len(key), tuple(ns)))
        self.size = len(table)
        if table:
            self._auto.make_automaton()

    @classmethod
    def from_kb(cls, kb: KnowledgeBase) -> "Gazetteer":
        names = []
        for e in kb.entries.values():
            for n in e.names:
                if n not in e.defined_only:
                    names.append(Name(n, e.id, e.type, e.is_case_sensitive(n)))
            for n in e.defined_only:
                names.append(Name(n, e.id, e.type, True, defined_only=True))
        return cls(names)

    def find(self, text: str, folded: tuple[str, list[int]] | None = None,
             defined: set[tuple[str, str]] | None = None) -> list[Match]:
        """Non-overlapping matches in `text`, longest first. `defined`: (key, acronym) the text defines."""
        if not self.size:
            return []
        ftext, idx = folded or fold_with_map(text)
        found: list[Match] = []
        for fend, (length, names) in self._auto.iter(ftext):
            fstart = fend - length + 1
            if fstart > 0 and ftext[fstart - 1].isalnum() or fend + 1 < len(ftext) and ftext[fend + 1].isalnum():
                continue
            start, end = idx[fstart], idx[fend] + 1
            while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
                end += 1  # a folded character that came from several original ones
            surface = text[start:end]
            for n in names:
                if n.case_sensitive and _as_written(surface) != _as_written(n.text) \
                        and not _same_caps(surface, n.text):
                    continue
                if n.defined_only and (defined is None or (n.key, n.text) not in defined
                                       and (n.key, "*") not in defined):
                    continue
                if n.case_sensitive and _in_capitals(text, start, end):
                    continue
                found.append(Match(start, end, n))
                break
        return longest_first(found)


def _as_written(name: str) -> str:
    """A name as written for a match that must keep its case: its letters and spaces, without diacritics or
    apostrophes ("Bamyan" and "Dara" are written as "Bāmyān" and "Dar'ā" are; "ISIS" is not "Isis")."""
    return "".join(c for c in strip_diacritics(name) if c.isalnum() or c == " ")


def _in_capitals(text: str, start: int, end: int) -> bool:
    """A headline in capitals: the words either side are capitals too, so case says nothing."""
    before = text[max(0, start - 30):start].split()[-1:]
    if not before or not _capital_word(before[0]):
        return False
    after = text[end:end + 30].split()[:1]
    return bool(after) and _capital_word(after[0])


def _capital_word(w: str) -> bool:
    return len(w) > 2 and w.isupper() and any(c.isalpha() for c in w)


def _same_caps(surface: str, name: str) -> bool:
    """'IS-CP' written 'IS CP' or 'ISCP' still counts when both are all capitals."""
    strip = lambda s: "".join(c for c in s if c.isalnum())  # noqa: E731
    return strip(surface) == strip(name) and strip(surface).isupper()


def longest_first(matches: list[Match]) -> list[Match]:
    out: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        cells = range(m.start, m.end)
        if not any(c in taken for c in cells):
            out.append(m)
            taken.update(cells)
    return sorted(out, key=lambda m: m.start)
