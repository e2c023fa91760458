"""How well the lifespan reader agrees with hand annotations (annotations/lifespans.jsonl).

A system event matches a gold line of the same document when they bound the same end of a life
(founded/first_active: start; dissolved/last_active: end; renamed) and share a name (folded). Counts
are over distinct (document, kind, date, group) facts, both sides deduplicated the same way. On matched
pairs, the date is right when the system's interval lies inside the gold's (exact to gold's precision).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import LifespanEvent, LifespanKind
from ..namefold import fold
from .annotations import interval


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    date_ok: int = 0
    kind_ok: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [tp, fp, fn]
    misses: list[dict] = field(default_factory=list)
    false: list[tuple[str, list[str], LifespanEvent]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.tp if self.tp else 0.0


def _bound(kind: str) -> str:
    return LifespanKind(kind).bound


def _gold_key(row: dict) -> tuple:
    return row["doc"], row["kind"], row["date"], frozenset(fold(n) for n in row["entity"]["names"])


def score(gold: list[dict], system: dict[str, list[tuple[list[str], LifespanEvent]]]) -> Score:
    """`system`: per document name, (names of the event's group, event) pairs."""
    out = Score()
    unique = list({_gold_key(r): r for r in gold}.values())
    for doc in sorted({r["doc"] for r in unique} | set(system)):
        rows = [r for r in unique if r["doc"] == doc]
        found = list(system.get(doc, []))
        used: set[int] = set()
        for row in rows:
            names = {fold(n) for n in row["entity"]["names"]}
            lo, hi = interval(row["date"])
            best, rank = None, None
            for i, (sys_names, ev) in enumerate(found):
                if i in used or ev.kind.bound != _bound(row["kind"]) or not names & {fold(n) for n in sys_names}:
                    continue
                r = (ev.kind.value == row["kind"], lo <= ev.date.earliest and ev.date.latest <= hi)
                if rank is None or r > rank:
                    best, rank = i, r
            counts = out.by_kind.setdefault(row["kind"], [0, 0, 0])
            if best is None:
                out.fn += 1
                counts[2] += 1
                out.misses.append(row)
                continue
            used.add(best)
            out.tp += 1
            counts[0] += 1
            out.kind_ok += rank[0]
            out.date_ok += rank[1]
        for i, (sys_names, ev) in enumerate(found):
            if i not in used:
                out.fp += 1
                out.by_kind.setdefault(ev.kind.value, [0, 0, 0])[1] += 1
                out.false.append((doc, sys_names, ev))
    return out
