"""Grades for ties, in the Admiralty style: source reliability (A-F) x information credibility (1-6).

Support is counted in independent voices (see dedup): one document, one source, or one syndicated
sentence is one voice. Each voice weighs by its stance (asserted more than reported) and its source's
reliability; voices combine as independent chances, `1 - prod(1 - w)`. Denials combine the same way
and discount the support. The 0-100 confidence then gives the credibility digit through the bands
that STIX 2.1 uses for the Admiralty scale (1 -> 90, 2 -> 70, 3 -> 50, 4 -> 30, 5 -> 10).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from ..model import TieStatus
from . import dedup

# STIX 2.1 maps the Admiralty credibility scale onto confidence like this.
CREDIBILITY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: 0}
RELIABILITY = "ABCDEF"
DEFAULT_RELIABILITY = "F"  # cannot be judged
_STANCE_WEIGHT = {"asserted": 0.45, "reported": 0.25, "denied": 0.45}
_RELIABILITY_FACTOR = {"A": 1.6, "B": 1.4, "C": 1.2, "D": 0.9, "E": 0.6, "F": 1.0}


@dataclass(frozen=True)
class Grade:
    reliability: str
    credibility: int
    independent: int  # independent voices in support
    confidence: int  # 0-100
    denials: int = 0  # independent voices denying

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"


def credibility_of(confidence: int) -> int:
    """The Admiralty credibility digit of a 0-100 confidence (STIX bands)."""
    if confidence >= 80:
        return 1
    if confidence >= 60:
        return 2
    if confidence >= 40:
        return 3
    if confidence >= 20:
        return 4
    return 5


def best(letters: Iterable[str]) -> str:
    """The most reliable of some reliability letters (F when none)."""
    return min(letters, default=DEFAULT_RELIABILITY, key=RELIABILITY.index)


def _combined(voices: list[tuple[str, str, float]]) -> float:
    """Chance that at least one voice is right; each voice is (stance, reliability letter, the
    extractor's confidence that it read the voice right)."""
    miss = 1.0
    for stance, letter, read in voices:
        miss *= 1 - min(0.9, _STANCE_WEIGHT[stance] * _RELIABILITY_FACTOR[letter]) * read
    return 1 - miss


def _read(row: Mapping[str, Any]) -> float:
    value = row.get("confidence") if hasattr(row, "get") else None
    return 1.0 if value is None else max(0.0, min(1.0, float(value)))


def _voices(rows: Sequence[Mapping[str, Any]], letters: Sequence[str]) -> list[tuple[str, str, float]]:
    labels = dedup.clusters([(r["doc_id"], r["source"], r["fingerprint"]) for r in rows])
    voices: dict[int, tuple[str, str, float]] = {}
    for label, row, letter in zip(labels, rows, letters):
        stance, read = row["stance"], _read(row)
        old = voices.get(label)
        if old is None:
            voices[label] = (stance, letter, read)
        else:  # the strongest member speaks for the voice
            voices[label] = ("asserted" if "asserted" in (old[0], stance) else stance, best([old[1], letter]),
                             max(old[2], read))
    return list(voices.values())


def grade(rows: Sequence[Mapping[str, Any]], status: TieStatus, reliability_of: Callable[[Mapping[str, Any]], str]) -> Grade:
    """Grade one tie from its assertion rows (stance, doc_id, source, fingerprint, publisher, author)."""
    support = [r for r in rows if r["stance"] != "denied"]
    against = [r for r in rows if r["stance"] == "denied"]
    pro = _voices(support, [reliability_of(r) for r in support]) if support else []
    con = _voices(against, [reliability_of(r) for r in against]) if against else []
    p, d = _combined(pro), _combined(con)
    if status is TieStatus.DENIED:
        confidence = round(19 * (1 - d))
        letter = best(letter for _s, letter, _r in con)
    else:
        confidence = round(100 * p * (1 - d))
        letter = best(letter for _s, letter, _r in pro)
    return Grade(letter, credibility_of(confidence), len(pro), confidence, len(con))


def parse_min_grade(code: str) -> tuple[str, int]:
    """'B3' -> ('B', 3): ties at least as reliable as B and at least as credible as 3."""
    code = code.strip().upper()
    if len(code) != 2 or code[0] not in RELIABILITY or not code[1].isdigit() or not 1 <= int(code[1]) <= 6:
        raise ValueError(f"grade {code!r}: expected a letter A-F and a digit 1-6, e.g. B3")
    return code[0], int(code[1])
