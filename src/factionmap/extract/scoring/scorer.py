"""Scoring a document's candidate pairs with the model: frame candidates and model candidates, each
with its calibrated confidence."""
from __future__ import annotations

import re

import numpy as np

from ..ties.assembly import assemble
from ..ties.candidate import Candidate, Scored
from ..state import Annotated, Span
from .aggregate import TieModel
from .features import Featurizer, kind
from .labels import TARGETS, split_target
from .model import RelationModel
from .pairs import Pair, candidate_pairs

_LAST_WORD = re.compile(r"[\w'’-]+(?=[^\w]*$)")


def _trigger(ann: Annotated, a: Span, b: Span) -> tuple[int, int]:
    """Where the stance reader looks: the last word between the two mentions (the object's own span
    when nothing stands between them)."""
    if a.end < b.start:
        found = last_word(ann.text, a.end, b.start)
        if found:
            return found
    return b.start, b.end


def last_word(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where `_LAST_WORD` first matches in text[start:end]: the run of word characters, apostrophes and
    hyphens holding the last word character, read from the end (the regex tries every position from the
    start, each reading on to the end: quadratic in a long gap). With no word character, the regex."""
    last = end - 1
    while last >= start and not _word_char(text[last]):
        last -= 1
    if last < start:
        m = _LAST_WORD.search(text, start, end)
        return (m.start(), m.end()) if m else None
    first, stop = last, last + 1
    while first > start and _run_char(text[first - 1]):
        first -= 1
    while stop < end and _run_char(text[stop]):
        stop += 1
    return first, stop


def _word_char(ch: str) -> bool:
    """Whether `ch` is a word character as the regular expressions' \\w reads one."""
    return ch.isalnum() or ch == "_"


def _run_char(ch: str) -> bool:
    return _word_char(ch) or ch in "'’-"


SYNTAX = False  # dependency-path features (the parser runs on sentences holding a pair)


def pair_features(ann: Annotated, pairs: list[Pair]) -> tuple[list[list[str]], list[tuple[str, str]]]:
    fz = Featurizer(ann, syntax=SYNTAX)
    return [fz(p) for p in pairs], [(kind(ann, p.a), kind(ann, p.b)) for p in pairs]


def candidates_from_scores(ann: Annotated, pairs: list[Pair], raw, keep: float, calibrate=None) -> list[Scored]:
    """Every (pair, relation, direction) whose raw score reaches `keep`, as a candidate: the frame's own
    candidate when a frame read the same tie (its trigger, rule and stance), a model candidate otherwise."""
    out: list[Scored] = []
    rows, cols = np.nonzero(np.asarray(raw) >= keep)  # row by row, each row's targets in order
    for i, j in zip(rows.tolist(), cols.tolist()):
        pair = pairs[i]
        rel, d = split_target(TARGETS[j])
        conf = float(raw[i][j])
        frames = [c for c in pair.frames if c.relation == rel and (
            d == "=" or (c.subject.key == (pair.a.key if d == ">" else pair.b.key)))]
        rule = "model" if pair.via in ("sentence", "frame") else f"model-{pair.via}"
        if calibrate is not None:
            conf = calibrate(conf, "frame" if frames else rule, rel)
        if frames:
            out.extend(Scored(c, conf) for c in frames)
            continue
        s, o = (pair.b, pair.a) if d == "<" else (pair.a, pair.b)
        out.append(Scored(Candidate(s, rel, o, pair.sentence, _trigger(ann, pair.a, pair.b), rule), conf))
    return out


def scored_ties(ann: Annotated, pairs: list[Pair], raw, model: RelationModel, version: str = "",
                calibrated: bool = True, keep: float | None = None, floor: float | None = None) -> Annotated:
    """The document's ties under `model`: every (pair, target) whose raw score reaches the model's `keep`
    becomes a candidate, the candidates of one tie are combined by the model's tie stage (the best pair's
    score when it has none), and the tie's confidence is calibrated by the group of what read it
    (`group_of`). Extraction and cross-validation (`training.doc_rows`, uncalibrated) both come here,
    so the figures measure what extraction ships. With `floor`, only ties whose (calibrated) confidence
    reaches it are kept, and only they are dated."""
    scored = candidates_from_scores(ann, pairs, raw, model.keep if keep is None else keep)
    stage = model.combine or TieModel("max")

    def combine(ann: Annotated, a, support: list) -> float:
        p = stage(ann, a, support)
        return model.calibration(p, group_of(a), a.relation) if calibrated else p

    return assemble(ann, scored, version, combine=combine,
                    keep_tie=None if floor is None else (lambda a: (a.confidence or 0.0) >= floor))


def model_ties(ann: Annotated, frames: list[Candidate], model: RelationModel, version: str = "",
               min_confidence: float | None = None) -> Annotated:
    """Extraction's ties with a model: those whose calibrated confidence reaches the model's threshold
    (or `min_confidence`)."""
    pairs = candidate_pairs(ann, frames)
    feats, kinds = pair_features(ann, pairs)
    floor = model.threshold if min_confidence is None else min_confidence
    return scored_ties(ann, pairs, model.scores(feats, kinds), model, version, floor=floor)


def group_of(assertion) -> str:
    """"frame" when a hand-written frame read the tie; else how the model's pair was found: "model" (a
    sentence), "model-list" (a list item and what it hangs under), "model-infobox" (an infobox line)."""
    rules = [e.extractor for e in assertion.evidence]
    if any(not r.startswith("model") for r in rules):
        return "frame"
    return min(rules, key=len) if rules else "model"
