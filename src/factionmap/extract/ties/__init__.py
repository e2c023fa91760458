"""Stage `relations` (package `extract.ties`: reading ties from text; `factionmap.relations` is the
vocabulary of what a relation is): ties from infobox fields and sentence frames, scored by the learned model,
with stance and dates.

The frames (`lexical`, `infobox`, `discourse`, `denials`) propose candidates; with a model, every
candidate pair of mentions is scored (the frames' hits are among its features) and a tie is kept
when its calibrated confidence reaches the model's threshold (or the caller's). Each kept candidate
becomes an `Assertion` carrying its evidence (the sentence's offsets, the rule, the trigger words).
One (subject, relation, object, stance) is kept once per document, with the most precise dates any
of its sentences gave and the highest confidence.
"""
from __future__ import annotations

from collections.abc import Callable

from ..state import Annotated
from .denials import carried_denials
from .discourse import discourse_relations, distribute_pairs
from .infobox import infobox_relations
from .assembly import assemble, tie_dates
from .candidate import Candidate, Scored
from .lexical import lexical_relations
from .structure import structure_relations

__all__ = ["relations", "frame_candidates", "assemble", "tie_dates", "Candidate", "Scored"]


#: The readers of candidate ties, by name, in the order their candidates are taken: a new reader is one
#: entry (a function from the annotated document to its candidates).
CANDIDATE_SOURCES: dict[str, Callable[[Annotated], list[Candidate]]] = {
    "infobox": infobox_relations,
    "frames": lexical_relations,
    "discourse": discourse_relations,
    "structure": structure_relations,
}


def frame_candidates(ann: Annotated) -> list[Candidate]:
    """What the hand-written readers read (CANDIDATE_SOURCES: infobox lines, sentence frames,
    discourse), "the two groups" distributed over its pair, and the denials carried over."""
    cands = distribute_pairs(ann, [c for source in CANDIDATE_SOURCES.values() for c in source(ann)])
    return cands + carried_denials(ann, cands)


def relations(ann: Annotated, version: str = "", model=None, min_confidence: float | None = None) -> Annotated:
    cands = frame_candidates(ann)
    if model is None:
        return assemble(ann, [Scored(c) for c in cands], version)
    from ..scoring.scorer import model_ties

    return model_ties(ann, cands, model, version, min_confidence)


