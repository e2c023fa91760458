#!/usr/bin/env python3
"""Which learner scores candidate pairs best: each one measured by the document-level cross-validation
of `bench/train_cv.py`, on the same prepared corpus, in one run.

    .venv/bin/python bench/learners.py [--folds 5] [--only NAME ...] [--json FILE] [--save DIR]

Learners (`factionmap.extract.scoring.learners.Learner`): the shipped default, logistic regression
variants (C chosen per target by inner document folds of the training folds only, class weighting)
and gradient-boosted trees (LightGBM) over a small grid. For each, a table row:

    learner | F1 at P>=0.80 (all, held out; its P and R) | best F1 on the curve | train-docs subset F1 at
    the same threshold | ECE | seconds to fit on everything | model size on disk

The threshold is chosen as `train_cv.py` chooses it (best F1 with precision >= --min-precision on
the cross-calibrated curve, thresholds 0.05..0.95 by 0.01); "best F1" is the best over that grid.

Measured 2026-12-03 on 65 documents / 16,331 pairs (machine loaded by other jobs: seconds are wall
time under load 7-15, not comparable to each other):

    learner                     thr      P      R  F1@P.80  bestF1  trainF1    ECE  fit s   CV s     MB
    linear-unweighted (main)   0.74  0.801  0.172    0.283   0.447    0.243  0.022   15.4    162   1.98
    linear-balanced (shipped)  0.72  0.800  0.182    0.297   0.445    0.255  0.011  196.3    582   1.99
    boosted-15-0.05-300-10     0.73  0.802  0.170    0.280   0.446    0.234  0.014  532.1   2176  12.34

The other rows (C tuned by inner folds, the rest of the trees' grid) did not finish in that session.

Learners that share strength across relations (issue 9), measured 2026-12-03 on the same 65 documents
(main 31f000e, load ~10: seconds are not comparable between rows). Per relation, tp/fp/fn at the
row's threshold, "all" documents:

    learner                     thr      P      R  F1@P.80  bestF1  trainF1    ECE  fit s   CV s     MB  R@0.05
    linear-unweighted (default) 0.72  0.810  0.173    0.285   0.444    0.245  0.013   48.0    425   1.99  0.554
    backoff (share 1)           0.71  0.801  0.168    0.278   0.440    0.237  0.025  146.5    591   2.04  0.523
    twostage (gate C 0.3, which C 1)
                                0.73  0.801  0.172    0.283   0.431    0.235  0.013   51.1    256   1.65  0.591
    twostage-c1-0.3 (gate C 1, which C 0.3)
                                0.72  0.802  0.173    0.285   0.430    0.238  0.015   71.1    320   1.65  0.575
    backoff-share0.5            0.71  0.811  0.171    0.282   0.443    0.240  0.014   68.3    495   2.10  0.544

    rare relations      linear     backoff    backoff-share0.5  twostage   twostage-c1-0.3
    split_from          1/0/58     1/0/58     1/0/58            2/0/57     3/0/56
    successor_of        0/0/31     0/1/31     0/0/31            0/0/31     0/0/31
    merged_into         0/0/30     0/0/30     0/0/30            1/0/29     0/0/30
    defected_to         0/0/10     0/0/10     0/0/10            0/0/10     0/0/10

Neither beats `linear`: the F1 at P>=0.80 and the training documents' F1 are within noise or below,
the best F1 on the curve is lower (twostage -0.013), and the rare relations still stay under the
threshold. Two stages raise recall at 0.05 (0.554 -> 0.591) but with more false candidates; back-off
(with its shared copies at half scale too) changes nothing beyond noise and fits slower. Both stay `--learner` choices; the default stays linear.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cv import SHARED, training_inputs  # noqa: E402

LEARNERS = {
    "linear-unweighted": dict(kind="linear", c=0.3),  # the learner before class weighting
    "linear-rare-balanced": dict(kind="linear", c=0.3, balanced_below=80),  # the default: weights rare targets only
    "linear-tuned": dict(kind="linear", c=0.3, c_grid=(0.1, 0.3, 1.0)),
    "linear-balanced": dict(kind="linear", c=0.3, balanced=True),
    "linear-tuned-balanced": dict(kind="linear", c=0.3, balanced=True, c_grid=(0.03, 0.1, 0.3)),
    "backoff": dict(kind="backoff", c=0.3, share=1.0),  # (c) each feature also shared by family and by all
    "backoff-share0.5": dict(kind="backoff", c=0.3, share=0.5),
    "backoff-share2": dict(kind="backoff", c=0.3, share=2.0),
    "twostage": dict(kind="twostage", c=0.3, c_which=1.0),  # (a) any tie here x which relation, given a tie
    "twostage-c1-0.3": dict(kind="twostage", c=1.0, c_which=0.3),
    "boosted-15-0.05-300-10": dict(kind="boosted", leaves=15, rate=0.05, rounds=300, min_child=10),
    "boosted-31-0.05-300-10": dict(kind="boosted", leaves=31, rate=0.05, rounds=300, min_child=10),
    "boosted-15-0.1-300-5": dict(kind="boosted", leaves=15, rate=0.1, rounds=300, min_child=5),
    "boosted-15-0.05-600-20": dict(kind="boosted", leaves=15, rate=0.05, rounds=600, min_child=20),
    "boosted-7-0.1-400-10": dict(kind="boosted", leaves=7, rate=0.1, rounds=400, min_child=10),
    "boosted-31-0.03-800-5": dict(kind="boosted", leaves=31, rate=0.03, rounds=800, min_child=5),
}


def measure(data, learner, folds: int, min_precision: float, name: str = "", save: Path | None = None) -> dict:
    from factionmap.evaluate import score, tradeoff
    from factionmap.extract.scoring import training as T

    t0 = time.perf_counter()
    cv = T.cross_validate(data, folds, learner=learner,
                          progress=lambda f: print(f"  fold {f} done at {time.perf_counter() - t0:.0f} s",
                                                   file=sys.stderr, flush=True))
    cal_rows = T.cross_calibrated(cv, folds)
    curve = tradeoff(cv.gold, cal_rows, cv.docs, [round(x / 100, 2) for x in range(5, 96)])
    best = T.choose_threshold(curve, min_precision)
    ece, _ = T.reliability([r["confidence"] for r in cal_rows], cv.correct)
    kept = [r for r in cal_rows if r["confidence"] >= best["threshold"]]
    train_names = sorted({d.name for d in data if (SHARED / "train" / "docs" / d.name).exists()})
    sub = score(cv.gold, kept, train_names).to_dict()
    per_rel = score(cv.gold, kept, sorted({d.name for d in data})).to_dict()["per_relation"]
    rare_at_05 = score(cv.gold, [r for r in cal_rows if r["confidence"] >= 0.05],
                       sorted({d.name for d in data})).to_dict()
    model, report = T.train(data, cv=cv, folds=folds, min_precision=min_precision, learner=learner)
    fit_s = report["fit_seconds"]
    with tempfile.TemporaryDirectory() as tmp:
        folder = save / name if save else Path(tmp)
        model.save(folder)  # what `factionmap train` with this learner writes
        size = sum(p.stat().st_size for p in folder.iterdir())
    top = max(curve, key=lambda p: p["f1"])
    micro = sub.get("micro") or sub
    return {"threshold": best["threshold"], "precision": best["precision"], "recall": best["recall"],
            "f1": best["f1"], "best_f1": top["f1"], "best_at": top["threshold"],
            "train_f1": micro.get("f1"), "train_p": micro.get("precision"), "train_r": micro.get("recall"),
            "ece": round(ece, 4), "fit_seconds": round(fit_s, 1), "cv_seconds": round(cv.seconds, 1),
            "size_mb": round(size / 1e6, 2), "recall_at_0.05": rare_at_05["recall"],
            "per_relation": {k: [v["tp"], v["fp"], v["fn"]] for k, v in per_rel.items()},
            "per_relation_at_0.05": {k: [v["tp"], v["fp"], v["fn"]] for k, v in rare_at_05["per_relation"].items()}}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-precision", type=float, default=0.80)
    ap.add_argument("--only", nargs="*", help=f"learners to run, of: {', '.join(LEARNERS)}")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--save", type=Path, help="write each learner's trained model into SAVE/NAME")
    args = ap.parse_args(argv)

    from factionmap.extract.scoring import training as T
    from factionmap.extract.scoring.corpus import load_training_set
    from factionmap.extract.scoring.learners import Learner

    names = args.only or list(LEARNERS)
    unknown = [n for n in names if n not in LEARNERS]
    if unknown:
        sys.exit(f"learners: unknown {', '.join(unknown)} (known: {', '.join(LEARNERS)})")
    gold_paths, doc_inputs = training_inputs()
    t0 = time.perf_counter()
    docs, rows = load_training_set(gold_paths, doc_inputs)
    data = T.prepare(docs, rows)
    print(f"{len(data)} documents, {sum(len(d.pairs) for d in data)} candidate pairs, "
          f"{sum(len(T.positives(d.gold)) for d in data)} gold ties; "
          f"prepare {time.perf_counter() - t0:.0f} s", flush=True)
    head = (f"{'learner':<26} {'thr':>5} {'P':>6} {'R':>6} {'F1@P.80':>8} {'bestF1':>7} {'trainF1':>8} "
            f"{'ECE':>6} {'fit s':>6} {'CV s':>6} {'MB':>6}")
    print(head, flush=True)
    results = {}
    for name in names:
        r = measure(data, Learner(**LEARNERS[name]), args.folds, args.min_precision, name, args.save)
        results[name] = r
        print(f"{name:<26} {r['threshold']:>5.2f} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>8.3f} "
              f"{r['best_f1']:>7.3f} {r['train_f1']:>8.3f} {r['ece']:>6.3f} {r['fit_seconds']:>6.1f} "
              f"{r['cv_seconds']:>6.0f} {r['size_mb']:>6.2f}", flush=True)
        print(f"{'':<26} recall at 0.05 {r['recall_at_0.05']:.3f}; tp/fp/fn at the threshold (at 0.05): " + ", ".join(
            f"{k} {'/'.join(map(str, v))} ({'/'.join(map(str, r['per_relation_at_0.05'].get(k, [])))})"
            for k, v in sorted(r["per_relation"].items())), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
