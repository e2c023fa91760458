"""Grades for ties, in the Admiralty style: source reliability (A-F) x information credibility (1-6).

Credibility comes from independent confirmation: evidence from distinct documents counts once per
source. Reliability is F ("cannot be judged") until sources are graded in configuration.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import TieStatus

# STIX 2.1 maps the Admiralty credibility scale onto confidence like this.
CREDIBILITY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: 0}


@dataclass(frozen=True)
class Grade:
    reliability: str
    credibility: int
    independent: int

    @property
    def code(self) -> str:
        return f"{self.reliability}{self.credibility}"

    @property
    def confidence(self) -> int:
        return CREDIBILITY_CONFIDENCE[self.credibility]


def grade(rows, status: TieStatus) -> Grade:
    supporting = [r for r in rows if r["stance"] != "denied"]
    sources = {(r["publisher"] or r["author"] or r["doc_id"]) for r in supporting}
    independent = len(sources)
    asserted = any(r["stance"] == "asserted" for r in supporting)
    if status is TieStatus.DENIED:
        credibility = 5
    elif status is TieStatus.CONTESTED:
        credibility = 4
    elif independent >= 3:
        credibility = 1
    elif independent == 2:
        credibility = 2
    elif asserted:
        credibility = 3
    else:
        credibility = 4
    return Grade("F", credibility, independent)
