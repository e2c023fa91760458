"""What the relation readers hand on: a candidate tie read from one sentence, and the same with the
model's confidence. Every reader (frames, infobox lines, discourse, denials) and the scorer share them."""
from __future__ import annotations

from dataclasses import dataclass

from ..state import Span


@dataclass
class Candidate:
    """One tie read from one sentence, before stance and dates."""

    subject: Span
    relation: str
    object: Span
    sentence: int
    trigger: tuple[int, int]  # document offsets of the trigger words
    rule: str
    stance: str | None = None
    nominal: bool = False


@dataclass
class Scored:
    """A candidate with the model's confidence in it (None: read by a frame, no model)."""

    cand: Candidate
    confidence: float | None = None
