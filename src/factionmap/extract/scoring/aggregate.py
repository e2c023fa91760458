"""The tie-level stage: a tie's probability from every pair of the document that states it.

The pair model scores each candidate pair (a sentence, a list item, an infobox line) on its own. A
document's tie (subject, relation, object, stance) is stated by one pair or several; taking the best
pair's score drops a tie stated three times in middling wordings. This stage reads, per tie, the
scores and kinds of all its pairs (the best and second-best score, how many pairs pass a few cut-offs,
a noisy-or, how many sentences, list items and infobox lines, how many distinct trigger wordings,
whether a frame read it, whether an end is the document's subject, how often each end is mentioned, the
ends' kinds, the relation and, per relation, the best score, frame support and sentence count, the stance)
and gives the tie's probability with a small logistic regression. The calibration and the threshold
then work on that probability.

It is fitted by stacking (`training.fit`): the pair scores it learns from are those of pair models
fitted on other documents of the training data (inner document folds), since a pair model's scores of
its own training pairs are optimistic. Stored in the model's meta.json (`TieModel.to_json`).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ... import relations as vocab
from ...model import Assertion
from ..state import Annotated
from ..ties.candidate import Scored
from .features import kind

CUTS = (0.1, 0.2, 0.35, 0.5)  # pair scores whose counts are features
KINDS = ("G", "S", "P", "L", "M", "C", "N")
_FLOOR = 0.01  # the score of a pair that is not there (second best of a tie stated once)


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


def _pair_key(sc: Scored) -> tuple:
    """One pair of mentions (a frame-read pair carries one candidate per frame that read it)."""
    c = sc.cand
    return (c.sentence, *sorted((c.subject.start, c.object.start)))


def _via(ann: Annotated, sc: Scored) -> str:
    rule = sc.cand.rule
    if rule == "model-list" or ann.sentences[sc.cand.sentence].kind == "list":
        return "list"
    if rule == "model-infobox" or ann.sentences[sc.cand.sentence].kind == "infobox":
        return "infobox"
    return "sentence"


def _pair_scores(support: Sequence[Scored]) -> dict[tuple, float]:
    """Each pair of the tie (`_pair_key`) with its best candidate's score."""
    best: dict[tuple, float] = {}
    for sc in support:
        k = _pair_key(sc)
        best[k] = max(best.get(k, 0.0), sc.confidence or 0.0)
    return best


def _noisy_or(scores, cap: float = 1.0) -> float:
    """1 - the product of the pairs' misses (each score capped at `cap`)."""
    miss = 1.0
    for p in scores:
        miss *= 1.0 - min(p, cap)
    return 1.0 - miss


def tie_features(ann: Annotated, a: Assertion, support: Sequence[Scored]) -> dict[str, float]:
    """What the tie stage reads of one tie: its pairs' scores and kinds, its ends and relation."""
    best = _pair_scores(support)
    via: dict[tuple, str] = {}
    frames = set()
    for sc in support:
        via.setdefault(_pair_key(sc), _via(ann, sc))
        if not sc.cand.rule.startswith("model"):
            frames.add(sc.cand.rule)
    scores = sorted(best.values(), reverse=True)
    top = scores[0] if scores else _FLOOR
    second = scores[1] if len(scores) > 1 else _FLOOR
    f: dict[str, float] = {
        "max": _logit(top),
        "second": _logit(second),
        "noisy_or": _logit(_noisy_or(scores, 0.999)),
        "pairs": math.log1p(len(scores)),
        "sentences": math.log1p(len({k[0] for k in best})),
    }
    for cut in CUTS:
        f[f"n>={cut}"] = math.log1p(sum(p >= cut for p in scores))
    for v in ("list", "infobox"):
        n = sum(x == v for x in via.values())
        if n:
            f[f"via:{v}"] = math.log1p(n)
    if frames:
        f["frame"] = 1.0
        f["frames"] = math.log1p(len(frames))
        f[f"rel:{a.relation}*frame"] = 1.0
    f["wordings"] = math.log1p(len(_wordings(ann, support)))
    f[f"rel:{a.relation}*sentences"] = f["sentences"]
    c = support[0].cand
    s_key, o_key = a.subject.key, a.object.key
    ks, ko = kind(ann, c.subject), kind(ann, c.object)
    if c.subject.key != s_key:
        ks, ko = ko, ks
    if a.relation in vocab.SYMMETRIC:
        ks, ko = sorted((ks, ko))
    for side, key in (("subject", s_key), ("object", o_key)):
        if ann.subject is not None and key == ann.subject:
            f[f"{side}:doc"] = 1.0
        f[f"{side}:mentions"] = math.log1p(_mentions(ann).get(key, 0))
    f[f"kinds:{ks}{ko}"] = 1.0
    f[f"rel:{a.relation}"] = 1.0
    f[f"rel:{a.relation}*max"] = f["max"]
    f[f"stance:{a.stance.value}"] = 1.0
    family = vocab.family_of(a.relation)
    if family in FAMILY_FEATURES:
        f[f"fam:{family}"] = 1.0
        f[f"fam:{family}*max"] = f["max"]
        f[f"fam:{family}*sentences"] = f["sentences"]
        if frames:
            f[f"fam:{family}*frame"] = 1.0
    return f


# The families of relations (`relations.RELATIONS`' family) whose ties also read what their family shares:
# the relation and its best score, its sentences and whether a frame read it, pooled over the family's
# relations, so that a rare relation (split_from, merged_into, successor_of: a few dozen ties each) learns
# from its family's ties what it cannot learn from its own.
FAMILY_FEATURES: frozenset[str] = frozenset({"lineage"})


def _wordings(ann: Annotated, support: Sequence[Scored]) -> set[str]:
    """The tie's distinct trigger words (lower case): one wording repeated, or several saying the same."""
    return {ann.text[sc.cand.trigger[0]:sc.cand.trigger[1]].lower() for sc in support}


def _mentions(ann: Annotated) -> dict[str, int]:
    cached = getattr(ann, "_mention_counts", None)
    if cached is None or cached[0] != len(ann.spans):
        counts: dict[str, int] = {}
        for s in ann.spans:
            counts[s.key] = counts.get(s.key, 0) + 1
        cached = (len(ann.spans), counts)
        ann._mention_counts = cached  # type: ignore[attr-defined]
    return cached[1]


@dataclass
class TieModel:
    """How a tie's pairs combine into its probability: "max" (the best pair's score, the stage's
    absence), "noisy-or" (1 - the product of the pairs' misses), or "linear" (a logistic regression
    over `tie_features`, weights by feature name)."""

    kind: str = "max"
    weights: dict[str, float] | None = None
    bias: float = 0.0

    def __call__(self, ann: Annotated, a: Assertion, support: Sequence[Scored]) -> float:
        scores = [sc.confidence or 0.0 for sc in support]
        if self.kind == "max" or not scores:
            return max(scores, default=0.0)
        if self.kind == "noisy-or":
            return _noisy_or(_pair_scores(support).values())
        w = self.weights or {}
        z = self.bias + sum(w.get(name, 0.0) * v for name, v in tie_features(ann, a, support).items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        out: dict = {"kind": self.kind}
        if self.kind == "linear":
            out |= {"bias": self.bias, "weights": dict(sorted((self.weights or {}).items()))}
        return out

    @classmethod
    def from_json(cls, data: dict | None) -> "TieModel":
        data = data or {}
        k = data.get("kind", "max")
        if k not in ("max", "noisy-or", "linear"):
            raise ValueError(f"unknown tie stage {k!r}")
        return cls(k, {str(n): float(v) for n, v in (data.get("weights") or {}).items()} or None,
                   float(data.get("bias", 0.0)))


def fit_tie_model(rows: list[dict[str, float]], y: list[bool], weights: list[float] | None = None,
                  c: float = 1.0) -> TieModel:
    """A logistic regression of a tie's correctness on its `tie_features` (deterministic: lbfgs, features
    in sorted order, weights rounded)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    if not rows or all(y) or not any(y):
        return TieModel("max")
    names = sorted({n for r in rows for n in r})
    col = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    for i, r in enumerate(rows):
        for n, v in r.items():
            x[i, col[n]] = v
    lr = LogisticRegression(C=c, solver="lbfgs", max_iter=2000)
    lr.fit(x, np.array(y, dtype=int), sample_weight=None if weights is None else np.array(weights, dtype=float))
    w = {n: round(float(v), 6) for n, v in zip(names, lr.coef_[0]) if round(float(v), 6) != 0.0}
    return TieModel("linear", w, round(float(lr.intercept_[0]), 6))

