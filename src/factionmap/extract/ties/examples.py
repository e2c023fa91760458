"""A frame's examples and traps, read: what one frame alone reads from a sentence, and which of its
examples it misses or traps it falls into (the generated frame tests, and anyone trying a new frame)."""
from __future__ import annotations

from ... import relations as vocab
from ...model import Document
from ..frame_loader import Frame
from .lexical import match_sentence

Tie = tuple[str, str, str]


def frame_reads(pipeline, fr: Frame, text: str) -> set[Tie]:
    """The ties frame `fr` alone reads from `text` (annotated by `pipeline`), by entity names."""
    ann = pipeline.annotate(Document(text))
    return {(ann.entities[c.subject.key].name, c.relation, ann.entities[c.object.key].name)
            for i in range(len(ann.sentences)) for c in match_sentence(ann, i, frames=[fr])}


def either_way(tie: Tie) -> set[Tie]:
    """The tie, and its mirror when the relation is symmetric (ally_of, opposes)."""
    return {tie, (tie[2], tie[1], tie[0])} if tie[1] in vocab.SYMMETRIC else {tie}


def example_failure(pipeline, fr: Frame, text: str, tie: Tie) -> str | None:
    found = frame_reads(pipeline, fr, text)
    return None if either_way(tie) & found else f"{fr.name} read {sorted(found)} from {text!r}, not {tie}"


def trap_failure(pipeline, fr: Frame, text: str, tie: Tie | None) -> str | None:
    found = frame_reads(pipeline, fr, text)
    if tie is None:
        return f"{fr.name} read {sorted(found)} from the trap {text!r}" if found else None
    return f"{fr.name} read {tie} from the trap {text!r}" if either_way(tie) & found else None


def failures(pipeline, fr: Frame) -> list[str]:
    """What is wrong with frame `fr` against its own examples and traps (empty: nothing)."""
    out = [example_failure(pipeline, fr, ex.text, ex.tie) for ex in fr.examples if ex.tie is not None]
    out += [trap_failure(pipeline, fr, ex.text, ex.tie) for ex in fr.traps]
    return [f for f in out if f]
