"""The learners the relation model can be fitted with: one binary classifier per target, each on the
pairs whose kinds allow that target, over the same sparse 0/1 features (`training.fit` builds them).

    linear   L2 logistic regression (liblinear); optionally class-weighted, and optionally its C chosen
             per target among `c_grid` by inner document folds of the training data only
    boosted  gradient-boosted trees (LightGBM), single-threaded and seeded: the same data give the same
             trees, byte for byte

`bench/learners.py` compares them by document-level cross-validation.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import numpy as np

SEED = 20261202


@dataclass(frozen=True)
class Learner:
    kind: str = "linear"  # "linear" or "boosted"
    c: float = 0.3  # linear: inverse regularisation strength
    balanced: bool = False  # linear: weigh the classes inversely to their frequency
    c_grid: tuple[float, ...] = ()  # linear: choose C per target among these by inner document folds
    leaves: int = 15  # boosted: leaves per tree
    rate: float = 0.05  # boosted: learning rate
    rounds: int = 300  # boosted: trees per target
    min_child: int = 10  # boosted: fewest pairs in a leaf

    def __post_init__(self):
        if self.kind not in ("linear", "boosted"):
            raise ValueError(f"unknown learner {self.kind!r} (linear or boosted)")

    @property
    def label(self) -> str:
        if self.kind == "boosted":
            return f"boosted leaves={self.leaves} rate={self.rate} rounds={self.rounds} min_child={self.min_child}"
        grid = f" C in {list(self.c_grid)} (inner folds)" if self.c_grid else f" C={self.c}"
        return f"linear{grid}{' balanced' if self.balanced else ''}"

    def to_json(self) -> dict:
        out = asdict(self)
        out["c_grid"] = list(self.c_grid)
        return out

    @classmethod
    def from_json(cls, data: dict | None) -> "Learner":
        data = dict(data or {})
        data["c_grid"] = tuple(data.get("c_grid") or ())
        return cls(**data)


def fit_linear(x, y: np.ndarray, sw: np.ndarray, learner: Learner, groups: list[str]) -> tuple[np.ndarray, float, float]:
    """(coefficients, intercept, the C used) of a logistic regression of y on x."""
    c = choose_c(x, y, sw, learner, groups) if learner.c_grid else learner.c
    clf = _logistic(c, learner.balanced)
    clf.fit(x, y, sample_weight=sw)
    return clf.coef_[0], float(clf.intercept_[0]), c


def _logistic(c: float, balanced: bool):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, solver="liblinear", max_iter=2000, random_state=SEED,
                              class_weight="balanced" if balanced else None)


def inner_folds(groups: list[str], k: int) -> np.ndarray:
    """Each row's inner fold, by a hash of its document's name (whole documents held out)."""
    names = sorted(set(groups), key=lambda n: hashlib.sha256(f"inner:{SEED}:{n}".encode()).hexdigest())
    fold = {n: i % k for i, n in enumerate(names)}
    return np.array([fold[g] for g in groups])


def choose_c(x, y: np.ndarray, sw: np.ndarray, learner: Learner, groups: list[str], k: int = 3) -> float:
    """The C of `learner.c_grid` with the best average precision on held-out documents of the
    training data (ties to the smaller C); `learner.c` when the folds cannot measure it."""
    from sklearn.metrics import average_precision_score

    fold = inner_folds(groups, k)
    best, best_c = -1.0, learner.c
    for c in sorted(learner.c_grid):
        held_scores, held_y = [], []
        for f in range(k):
            tr, te = fold != f, fold == f
            if not te.any() or y[tr].sum() == 0 or y[tr].sum() == tr.sum():
                continue
            clf = _logistic(c, learner.balanced)
            clf.fit(x[tr], y[tr], sample_weight=sw[tr])
            held_scores.append(clf.decision_function(x[te]))
            held_y.append(y[te])
        if not held_y or np.concatenate(held_y).sum() == 0:
            return learner.c
        ap = average_precision_score(np.concatenate(held_y), np.concatenate(held_scores))
        if ap > best + 1e-9:
            best, best_c = ap, c
    return best_c


def fit_boosted(x, y: np.ndarray, sw: np.ndarray, learner: Learner):
    """A LightGBM booster of y on x (binary log-loss), deterministic."""
    import lightgbm as lgb

    params = {
        "objective": "binary", "num_leaves": learner.leaves, "learning_rate": learner.rate,
        "min_child_samples": learner.min_child, "min_child_weight": 1e-3, "lambda_l2": 1.0,
        "num_threads": 1, "deterministic": True, "force_row_wise": True, "seed": SEED,
        "feature_pre_filter": False, "verbose": -1,
    }
    ds = lgb.Dataset(x.astype(np.float32), label=y.astype(np.float32), weight=sw.astype(np.float32),
                     free_raw_data=True, params={"verbose": -1})
    return lgb.train(params, ds, num_boost_round=learner.rounds)
