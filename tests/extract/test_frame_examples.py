"""The frames' own tests, generated from the language pack's frames.yaml: every frame reads the tie of
each of its examples, and reads nothing (or not the named tie) from each of its traps. The sentences
are read with the tests' knowledge base (tests/fixtures/kb) and the group-name grammar; each frame is
matched alone (`match_sentence(..., frames=[frame])`), so an example proves that frame, not another."""
from __future__ import annotations

import pytest

from factionmap import relations as vocab
from factionmap.extract.frame_loader import Example, Frame
from factionmap.extract.ties.lexical import match_sentence
from factionmap.extract.triggers import FRAMES
from factionmap.model import Document

EXAMPLES = [(fr, ex) for fr in FRAMES for ex in fr.examples]
TRAPS = [(fr, ex) for fr in FRAMES for ex in fr.traps]


def read(pipeline, fr: Frame, text: str) -> set[tuple[str, str, str]]:
    """The ties frame `fr` alone reads from `text`, by entity names."""
    ann = pipeline.annotate(Document(text))
    return {(ann.entities[c.subject.key].name, c.relation, ann.entities[c.object.key].name)
            for i in range(len(ann.sentences)) for c in match_sentence(ann, i, frames=[fr])}


def _either_way(tie: tuple[str, str, str]) -> set[tuple[str, str, str]]:
    return {tie, (tie[2], tie[1], tie[0])} if tie[1] in vocab.SYMMETRIC else {tie}


def test_every_frame_has_an_example():
    assert FRAMES and not [fr.name for fr in FRAMES if not fr.examples]


@pytest.mark.parametrize("fr,ex", EXAMPLES, ids=[f"{fr.name}-{i}" for i, (fr, _) in enumerate(EXAMPLES)])
def test_example(pipeline, fr: Frame, ex: Example):
    assert ex.tie is not None
    found = read(pipeline, fr, ex.text)
    assert _either_way(ex.tie) & found, f"{fr.name} read {sorted(found)} from {ex.text!r}, not {ex.tie}"


@pytest.mark.parametrize("fr,ex", TRAPS, ids=[f"{fr.name}-trap-{i}" for i, (fr, _) in enumerate(TRAPS)])
def test_trap(pipeline, fr: Frame, ex: Example):
    found = read(pipeline, fr, ex.text)
    if ex.tie is None:
        assert not found, f"{fr.name} read {sorted(found)} from the trap {ex.text!r}"
    else:
        assert not _either_way(ex.tie) & found, f"{fr.name} read {ex.tie} from the trap {ex.text!r}"
