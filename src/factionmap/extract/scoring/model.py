"""The trained relation model: one output per relation and direction, calibrated per tie.

Stored as a folder (shipped in the package under `data/model/`, or written by `factionmap train`):

    meta.json     targets, threshold, calibration knots, the tie stage's weights (`aggregate.TieModel`), the
                  learner, what it was trained on, its figures
    vocab.txt     one feature a line (line n is column n of the features)
    weights.npz   linear and backoff learners: `w` (features x targets, float16) and `b` (targets); the
                  twostage learner adds the gate, `g` (features, float16) and `gb` (one value)
    trees.txt     boosted learner (instead of weights.npz): per target, "=== target NAME" and the
                  LightGBM booster's own text model over the vocabulary's columns (no pickle)

A linear model scores with a sum of weight rows (no learning library needed); a two-stage one with
two such sums, the gate's probability times a softmax over the targets the pair's kinds allow; a
boosted one with LightGBM's predictor, single-threaded.
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ConfigError
from .aggregate import TieModel
from .labels import TARGETS, split_target

DEFAULT_DIR = Path(__file__).resolve().parents[2] / "data" / "model"
# kinds: G group or body, S state, P person, L place, M news outlet (a group's media wing at most: part of
# it, led by someone), C no actor with a place of its own (a think tank, a monitoring group, a coalition of
# states: any tie but a place to operate in), N no actor (an event, a common noun: extract/non_actors.py): no tie
_TYPES = {"G": {"ORG"}, "S": {"ORG", "PLACE"}, "P": {"PERSON"}, "L": {"PLACE"}, "M": {"MEDIA"}, "C": {"ORG"},
          "N": set()}
_ALLOWED = {
    "allegiance_to": ({"ORG", "PERSON"}, {"ORG", "PERSON"}),
    "part_of": ({"ORG", "MEDIA"}, {"ORG"}),
    "ally_of": ({"ORG", "PERSON"}, {"ORG", "PERSON"}),
    "opposes": ({"ORG", "PERSON"}, {"ORG", "PERSON"}),
    "split_from": ({"ORG"}, {"ORG"}),
    "merged_into": ({"ORG"}, {"ORG"}),
    "successor_of": ({"ORG"}, {"ORG"}),
    "leader_of": ({"PERSON"}, {"ORG", "MEDIA"}),
    "member_of": ({"PERSON"}, {"ORG", "MEDIA"}),
    "defected_to": ({"ORG", "PERSON"}, {"ORG"}),
    "designated_by": ({"ORG", "PERSON"}, {"ORG"}),
    "operates_in": ({"ORG"}, {"PLACE"}),
}


def allowed(t: str, ka: str, kb: str) -> bool:
    """Whether target `t` may join a mention of kind `ka` (first on the page) and one of kind `kb`."""
    rel, d = split_target(t)
    subj, obj = _ALLOWED[rel]
    s_kind, o_kind = (kb, ka) if d == "<" else (ka, kb)
    ok = bool(_TYPES[s_kind] & subj and _TYPES[o_kind] & obj)
    if d == "=" and not ok:
        ok = bool(_TYPES[o_kind] & subj and _TYPES[s_kind] & obj)
    if rel in ("ally_of", "opposes") and "L" in (ka, kb):
        return False
    if rel == "operates_in" and s_kind == "C":
        return False
    return ok


@functools.lru_cache(maxsize=None)
def allowed_mask(ka: str, kb: str) -> np.ndarray:
    return np.array([allowed(t, ka, kb) for t in TARGETS], dtype=bool)


@dataclass
class Calibration:
    """Monotone maps from the model's raw score to the probability that the tie is right, one per
    group of candidates: "frame" (a hand-written frame read the same tie), "model" (the model alone,
    from a sentence), "model-list" and "model-infobox" (from a list item or an infobox line), and
    optionally per relation within a group ("part_of:model"). The frames are right more often than
    their raw score says, and list items more than sentences."""

    curves: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)

    def __call__(self, p: float, group: str = "model", relation: str | None = None) -> float:
        curve = (self.curves.get(f"{relation}:{group}") if relation else None) or self.curves.get(group) \
            or self.curves.get("model")
        if curve is None:
            return float(p)
        return float(np.interp(p, curve[0], curve[1]))

    def to_json(self) -> dict:
        return {g: {"x": xs, "y": ys} for g, (xs, ys) in sorted(self.curves.items())}

    @classmethod
    def from_json(cls, data: dict) -> "Calibration":
        return cls({g: (list(v["x"]), list(v["y"])) for g, v in (data or {}).items()})


@dataclass
class RelationModel:
    vocab: dict[str, int]
    w: np.ndarray  # (features, targets); (features, 0) when trees score
    b: np.ndarray  # (targets,)
    threshold: float = 0.5  # calibrated confidence a tie needs to be output
    keep: float = 0.05  # raw score below which a pair's target is not considered at all
    calibration: Calibration = field(default_factory=Calibration)
    meta: dict = field(default_factory=dict)
    trees: dict[int, Any] | None = None  # target index -> LightGBM booster, when boosted (w is then unused)
    gate: tuple[np.ndarray, float] | None = None  # twostage: "states some tie" weights and intercept
    ties: TieModel | None = None  # the tie stage (aggregate.py); None: a tie takes its best pair's score

    @property
    def combine(self) -> TieModel | None:
        """How a tie's pairs make its raw confidence: the tie stage, or None (the best pair's score)."""
        return self.ties if self.ties is not None and self.ties.kind != "max" else None

    @property
    def version(self) -> str:
        return self.meta.get("digest", "untrained")[:12]

    def scores(self, feature_lists: list[list[str]], kinds: list[tuple[str, str]]) -> np.ndarray:
        """Raw probabilities (pairs x targets); targets the kinds do not allow are 0."""
        if not feature_lists:
            return np.zeros((0, len(TARGETS)), dtype=np.float32)
        from scipy.sparse import csr_matrix

        vocab = self.vocab
        indptr, indices = [0], []
        for feats in feature_lists:
            known = set(map(vocab.get, feats))
            known.discard(None)
            indices.extend(sorted(known))  # one order: the same sums
            indptr.append(len(indices))
        x = csr_matrix((np.ones(len(indices), dtype=np.float32), np.array(indices, dtype=np.int64),
                        np.array(indptr, dtype=np.int64)), shape=(len(feature_lists), len(vocab)))
        mask = np.array([allowed_mask(*k) for k in kinds])
        if self.trees is not None:
            p = np.zeros((len(feature_lists), len(TARGETS)), dtype=np.float64)
            for j, booster in self.trees.items():
                rows = mask[:, j].nonzero()[0]
                if len(rows):
                    p[rows, j] = booster.predict(x[rows], num_threads=1)
            return p.astype(np.float32)
        z = np.asarray(x @ self.w) + self.b
        if self.gate is not None:
            g = np.asarray(x @ self.gate[0]).reshape(-1) + self.gate[1]
            tie = 1.0 / (1.0 + np.exp(-np.clip(g, -30, 30)))
            z = np.where(mask, z, -np.inf)
            top = np.max(z, axis=1, keepdims=True)
            e = np.exp(z - np.where(np.isfinite(top), top, 0.0))
            total = e.sum(axis=1, keepdims=True)
            which = np.divide(e, total, out=np.zeros_like(e), where=total > 0)
            return (tie[:, None] * which).astype(np.float32)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return np.where(mask, p, 0.0).astype(np.float32)

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocab, key=self.vocab.get)
        (folder / "vocab.txt").write_text("\n".join(names) + "\n", encoding="utf-8")
        if self.trees is not None:
            (folder / "weights.npz").unlink(missing_ok=True)
            (folder / TREES).write_text(_trees_text(self.trees), encoding="utf-8")
            files = ("vocab.txt", TREES)
        else:
            (folder / TREES).unlink(missing_ok=True)
            arrays = {"w": self.w.astype(np.float16), "b": self.b.astype(np.float32)}
            if self.gate is not None:
                arrays.update(g=self.gate[0].astype(np.float16), gb=np.array([self.gate[1]], dtype=np.float32))
            _write_npz(folder / "weights.npz", **arrays)
            files = ("vocab.txt", "weights.npz")
        meta = dict(self.meta)
        meta.update(targets=TARGETS, threshold=self.threshold, keep=self.keep,
                    calibration=self.calibration.to_json())
        meta.pop("ties", None)
        if self.ties is not None:
            meta["ties"] = self.ties.to_json()
        h = hashlib.sha256()
        for p in files:
            h.update((folder / p).read_bytes())
        h.update(json.dumps({k: meta[k] for k in ("targets", "threshold", "keep", "calibration", "ties") if k in meta},
                            sort_keys=True).encode())
        meta["digest"] = h.hexdigest()
        (folder / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        self.meta = meta


TREES = "trees.txt"
_SECTION = "=== target "


def _trees_text(trees: dict[int, Any]) -> str:
    """The boosters as LightGBM's own text format, one section per target: "=== target NAME" and
    the booster's model text."""
    return "".join(f"{_SECTION}{TARGETS[j]}\n{trees[j].model_to_string(num_iteration=-1)}\n" for j in sorted(trees))


def _read_trees(text: str, folder: Path) -> dict[int, Any]:
    import lightgbm as lgb

    out: dict[int, Any] = {}
    for part in text.split(_SECTION)[1:]:
        name, _, body = part.partition("\n")
        if name not in TARGETS:
            raise ConfigError(f"{folder / TREES}: trees for an unknown target {name!r}; retrain the model")
        try:
            out[TARGETS.index(name)] = lgb.Booster(model_str=body)
        except lgb.basic.LightGBMError as exc:
            raise ConfigError(f"{folder / TREES}: unreadable trees for {name} ({exc})") from None
    return out


def _write_npz(path: Path, **arrays: np.ndarray) -> None:
    """`np.savez_compressed` with fixed entry dates, so the same weights give the same bytes."""
    import io
    import zipfile

    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in arrays.items():
            buf = io.BytesIO()
            np.save(buf, arr, allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, buf.getvalue())


def load_model(folder: str | Path | None = None) -> RelationModel:
    """The model in `folder` (the packaged one by default); ConfigError says what is missing or wrong."""
    folder = Path(folder) if folder else DEFAULT_DIR
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        names = (folder / "vocab.txt").read_text(encoding="utf-8").split("\n")
        if names and names[-1] == "":
            names.pop()
        trees, gate = None, None
        if (meta.get("learner") or {}).get("kind") == "boosted":
            trees = _read_trees((folder / TREES).read_text(encoding="utf-8"), folder)
            w = np.zeros((len(names), 0), dtype=np.float16)  # unused: the trees score
            b = np.full(len(TARGETS), -12.0, dtype=np.float32)
        else:
            with np.load(folder / "weights.npz", allow_pickle=False) as z:
                w, b = z["w"].astype(np.float32), z["b"].astype(np.float32)
                if "g" in z.files:
                    gate = (z["g"].astype(np.float32), float(z["gb"][0]))
    except FileNotFoundError as exc:
        raise ConfigError(f"{folder}: not a factionmap relation model ({Path(exc.filename).name} is missing); "
                          f"make one with `factionmap train`") from None
    except (ValueError, OSError, KeyError) as exc:
        raise ConfigError(f"{folder}: unreadable relation model ({exc})") from None
    if meta.get("targets") != TARGETS:
        raise ConfigError(f"{folder}: the model was trained for other relations ({meta.get('targets')}); retrain it")
    if w.shape != (len(names), 0 if trees is not None else len(TARGETS)) or b.shape != (len(TARGETS),):
        raise ConfigError(f"{folder}: weights of shape {w.shape} do not fit {len(names)} features")
    if gate is not None and gate[0].shape != (len(names),):
        raise ConfigError(f"{folder}: gate weights of shape {gate[0].shape} do not fit {len(names)} features")
    try:
        ties = TieModel.from_json(meta["ties"]) if meta.get("ties") else None
    except (ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{folder}: unreadable tie stage in meta.json ({exc}); retrain the model") from None
    return RelationModel({n: i for i, n in enumerate(names)}, w, b, float(meta.get("threshold", 0.5)),
                         float(meta.get("keep", 0.05)), Calibration.from_json(meta.get("calibration") or {}), meta,
                         trees, gate, ties)


@functools.lru_cache(maxsize=4)
def default_model(folder: str | None = None) -> RelationModel | None:
    """The packaged model, or None when the package has none (the frames alone then decide)."""
    path = Path(folder) if folder else DEFAULT_DIR
    if not (path / "meta.json").is_file():
        if folder:
            raise ConfigError(f"{folder}: not a factionmap relation model (no meta.json)")
        return None
    return load_model(path)


def logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return math.log(p / (1 - p))
