"""`DateContext`: scans a document's sentences in order for date expressions, resolving the ones
that lean on what came before ("the following day", "in September") against the latest date seen.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import replace

from ...model import FuzzyDate
from ...lang import LanguagePack, english
from .lexicon import Months, months_of
from .rules import Found, Rule, rules_for
from .span import YEAR, DateSpan, precision

_RANGE_GAP = re.compile(r"\s*(?:[\u2013\u2014\u2012\-]|to|until|till|through|and)\s*\Z", re.I)
_PREFIX = re.compile(r"\b(?P<w>since|until|till|up\s+to|through|by|before|after|prior\s+to|from|between)\s+\Z",
                     re.I)
_ONGOING = re.compile(r"\s*(?:[\u2013\u2014\u2012\-]\s*|to\s+|until\s+)(?:the\s+)?(?:present|now|date|today)\b"
                      r"|\s+onwards?\b", re.I)
_BOUNDS = {"since": "start", "from": "start", "after": "start", "until": "end", "till": "end",
           "up to": "end", "through": "end", "before": "end", "prior to": "end", "by": "by"}
_OFFSET_BEFORE = re.compile(r"\b(?:days?|weeks?|months?|years?)\s+(?:after|before)\Z", re.I)
_WHITESPACE = re.compile(r"\s*\Z")
_CLAUSE_END = re.compile(r"[.;!?]\s")


class _Candidate:
    __slots__ = ("start", "end", "rule", "match")

    def __init__(self, rule: int, match: re.Match):
        self.rule, self.match = rule, match
        self.start, self.end = match.span("body") if "body" in match.re.groupindex else match.span()


# What a rule's matches must hold: most forms a digit; the rest a month name or a unit word.
_NEEDS = {"fuzzy_month": "month", "month_after_word": "month", "month_of_year": "month", "offset": "unit",
          "the_unit_after": "unit", "next": "unit", "same": "unit", "this": "unit", "subsequently": "unit"}
_GATES = {"digit": re.compile(r"\d"), "unit": re.compile(r"(?i:day|week|month|year)|[Ss]ubsequently")}


@functools.lru_cache(maxsize=8)
def _month_gate(months: Months) -> re.Pattern[str]:
    return re.compile(months.pattern)


def _candidates(text: str, rules: list[Rule], months: Months) -> list[_Candidate]:
    open_ = {need for need, gate in _GATES.items() if gate.search(text)}
    if _month_gate(months).search(text):
        open_.add("month")
    found = [_Candidate(i, m) for i, (name, rx, _) in enumerate(rules)
             if _NEEDS.get(name, "digit") in open_ for m in rx.finditer(text)]
    found.sort(key=lambda c: (c.start - c.end, c.rule))
    chosen: list[_Candidate] = []
    starts: list[int] = []  # the chosen spans' starts and ends, sorted (chosen spans never overlap)
    ends: list[int] = []
    for c in found:
        k = bisect_left(starts, c.end)  # only the chosen span starting last before c.end can overlap c
        if k and ends[k - 1] > c.start:
            continue
        chosen.append(c)
        starts.insert(k, c.start)
        ends.insert(k, c.end)
    chosen.sort(key=lambda c: c.start)
    return chosen


class DateContext:
    """The date state of one document: its anchor (published date) and the latest date read."""

    def __init__(self, anchor: dt.date | None = None, pack: LanguagePack | None = None):
        self.months = months_of(pack or english())  # the month names of the document's language pack
        self._rules = rules_for(self.months)
        self._anchor = FuzzyDate(anchor, anchor, anchor.isoformat(), "") if anchor else None
        self.last: FuzzyDate | None = None

    @property
    def anchor(self) -> FuzzyDate | None:
        return self._anchor

    @property
    def reference(self) -> FuzzyDate | None:
        return self.last or self._anchor

    def scan(self, text: str, base_offset: int = 0) -> list[DateSpan]:
        """Every date expression in `text`, in order; relative ones resolved and the state moved on."""
        cands = _candidates(text, self._rules, self.months)
        self._hints = {}
        for c in cands:
            if self._rules[c.rule][0] in ("day_month_year", "month_day_year"):
                g = c.match.groupdict()
                key = (self.months.number(g["m"]), int(re.match(r"\d+", g["d"]).group()))
                self._hints.setdefault(key, int(g["y"]))
        spans: list[tuple[int, int, Found]] = []
        i = 0
        while i < len(cands):
            c = cands[i]
            if _OFFSET_BEFORE.search(c.match.group()) and i + 1 < len(cands) \
                    and _WHITESPACE.match(text, c.end, cands[i + 1].start):
                # "four months after 23 June 2015": the base is the date right behind it
                saved, nxt = self.last, self._read(cands[i + 1])
                if nxt and nxt.kind != "relative":
                    self.last = nxt.until or nxt.date
                    found = self._read(c)
                    if found:
                        spans.append((c.start, cands[i + 1].end, found))
                        self._advance(found)
                        i += 2
                        continue
                self.last = saved
            if _OFFSET_BEFORE.search(c.match.group()):
                # "four months after the death of X on 27 October 2019": the base is the date that
                # dates the event named after it in the clause; with none, the latest date read
                found = self._offset_from_later(text, cands, i) or self._read(c)
                if found:
                    spans.append((c.start, c.end, found))
                    self._advance(found)
                i += 1
                continue
            found = self._read(c)
            if found:
                spans.append((c.start, c.end, found))
                self._advance(found)
            i += 1
        return [self._finish(text, s, e, f, base_offset) for s, e, f in _combine(text, spans)]

    def year_hint(self, month: int, day: int) -> int | None:
        """The year of the first "<day> <month> <year>" in the text being scanned, for a year-less
        "<day> <month>" read before any other date."""
        return getattr(self, "_hints", {}).get((month, day))

    def _offset_from_later(self, text: str, cands: list[_Candidate], i: int) -> Found | None:
        c = cands[i]
        for j in range(i + 1, len(cands)):  # no slice: a copy of the rest for every offset is quadratic
            nxt = cands[j]
            if nxt.start - c.end > 100 or _CLAUSE_END.search(text, c.end, nxt.start):
                return None
            saved = self.last
            base = self._read(nxt)
            if base is None or base.kind == "relative":
                self.last = saved
                continue
            self.last = base.until or base.date
            found = self._read(c)
            self.last = saved
            return found
        return None

    def _advance(self, found: Found) -> None:
        """Move the state to a date just read, unless it only names a thing or blurs the state."""
        new = found.until or found.date
        if not found.moves_state or found.bound == "start" and found.kind == "relative":
            return
        last = self.last
        if last and found.kind != "relative" and precision(new) == YEAR and precision(last) > YEAR \
                and new.earliest <= last.earliest and last.latest <= new.latest:
            return  # "2019" after "early January 2019": keep the finer date
        self.last = new

    def _read(self, c: _Candidate) -> Found | None:
        return self._rules[c.rule][2](c.match, self)

    @staticmethod
    def _finish(text: str, start: int, end: int, f: Found, base: int) -> DateSpan:
        words = text[start:end]
        until = replace(f.until, text=words) if f.until else None
        return DateSpan(start + base, end + base, replace(f.date, text=words), until, f.kind, words, f.bound)


def _combine(text: str, spans: list[tuple[int, int, Found]]) -> list[tuple[int, int, Found]]:
    """Join "from A to B", "between A and B", "A–B" into ranges; mark "since A", "until B", "A–present"."""
    out: list[tuple[int, int, Found]] = []
    i = 0
    while i < len(spans):
        start, end, f = spans[i]
        prefix = _PREFIX.search(text, max(0, start - 12), start)
        word = re.sub(r"\s+", " ", prefix.group("w").lower()) if prefix else ""
        if i + 1 < len(spans) and f.kind != "relative" and f.until is None:
            nstart, nend, nf = spans[i + 1]
            gap = _RANGE_GAP.match(text, end, nstart)
            joins = gap and nf.kind != "relative" and nf.until is None and (
                word == "between" if gap.group().strip().lower() == "and" else word in ("", "from", "between"))
            if joins and nf.date.earliest > f.date.earliest:
                begin = prefix.start() if prefix and word in ("from", "between") else start
                out.append((begin, nend, Found(f.date, until=nf.date, kind="range")))
                i += 2
                continue
        ongoing = _ONGOING.match(text, end)
        if ongoing and f.until is None and f.kind != "relative":
            f, end = Found(f.date, kind="open_end", bound="start"), ongoing.end()
        elif word in _BOUNDS and f.until is None and f.kind != "relative":
            f, start = Found(f.date, kind="open_end", bound=_BOUNDS[word]), prefix.start()
        out.append((start, end, f))
        i += 1
    return out
