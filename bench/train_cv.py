#!/usr/bin/env python3
"""Document-level cross-validation of the learned relation scorer, and the figures of the shipped model.

    .venv/bin/python bench/train_cv.py [--folds 5] [--learner linear|boosted|backoff|twostage] [--c 0.3] [--min-precision 0.80]
                                       [--json FILE] [--by-rule] [--frame-dropout P] [--seen-weight W]
                                       [--unseen-calibration GROUP ...] [--relation-curves GROUP ...] [--curve-families yes|no]
                                       [--threshold-on-unseen yes|no] [--tie-stage linear|noisy-or|max]
                                       [--false-positives]

Training set: annotations/train.jsonl over ../shared/eval/train/docs (42 documents), the development
set's gold (../shared/eval/dev), and the sample corpus's gold (samples/). Each document is held out
in exactly one fold; every figure below is on held-out documents. Prints, per subset and in all:
per-relation P/R/F1, micro P/R/F1, dates and stance on matched ties, at the threshold chosen on the
cross-validated curve; the precision/recall curve; expected calibration error and the reliability
table (each fold calibrated by curves fitted on the other folds only), and the same error on the
training documents alone; time to prepare, cross-validate and fit.

The frames were written against the development and sample documents ("seen" below): there their hits
are in-sample. `--by-rule` prints, per frame relation and rule, the held-out frame ties and their
precision on the 42 training documents against the seen ones. `--false-positives` lists the ties kept on the
training documents that gold does not hold, each with the sentence it was read from. `--frame-dropout`, `--seen-weight`,
`--unseen-calibration`, `--relation-curves`, `--curve-families` and `--threshold-on-unseen` override training's
defaults (see training.py).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"


def training_inputs() -> tuple[list[Path], list[Path]]:
    gold = [ROOT / "annotations" / "train.jsonl", SHARED / "dev" / "gold.jsonl", ROOT / "samples" / "gold.jsonl"]
    docs = [SHARED / "train" / "docs", SHARED / "dev" / "docs", ROOT / "samples" / "corpus"]
    missing = [p for p in gold + docs if not p.exists()]
    if missing:
        sys.exit(f"train_cv: missing {', '.join(map(str, missing))} (the shared evaluation folder is needed)")
    return gold, docs


def by_rule(cv, unseen: frozenset[str]) -> str:
    """Held-out frame ties (raw scores, any threshold) and their precision per frame relation and rule:
    on the training documents against the documents the frames were written for."""
    from collections import defaultdict

    tabs: dict[str, dict[str, list[int]]] = {"relation": defaultdict(lambda: [0, 0, 0, 0]),
                                             "rule": defaultdict(lambda: [0, 0, 0, 0])}
    for r, ok in zip(cv.rows, cv.correct):
        if r.get("group") != "frame":
            continue
        o = 0 if r["doc"] in unseen else 2
        for tab, keys in (("relation", [r["relation"]]), ("rule", r.get("rules") or ["?"])):
            for k in keys:
                tabs[tab][k][o] += 1
                tabs[tab][k][o + 1] += ok
    lines = []
    for tab, counts in tabs.items():
        lines.append(f"\nframe ties by {tab}: held out, on the {len(unseen)} training documents | on the others")
        for k, (n, right, n2, right2) in sorted(counts.items(), key=lambda kv: (-kv[1][0] - kv[1][2], kv[0])):
            p = f"{right / n:.2f}" if n else " -  "
            p2 = f"{right2 / n2:.2f}" if n2 else " -  "
            lines.append(f"  {k:28s} {n:5d} {p}  | {n2:5d} {p2}")
    return "\n".join(lines)


def false_positives(kept: list[dict], gold: list[dict], unseen: frozenset[str]) -> str:
    """The held-out ties kept on the training documents that no gold tie matches, one line each with
    its confidence, the frames that read it and the sentence of its first evidence, by document."""
    from factionmap.evaluate import score

    rep = score(gold, kept, sorted(unseen))
    lines = [f"\nfalse positives on the {len(unseen)} training documents: {len(rep.false_positives)}"]
    for r in sorted(rep.false_positives, key=lambda r: (r["doc"], -r["confidence"])):
        ev = " ".join(r["evidence"]["text"].split())
        lines.append(f"  {r['doc']} {r['confidence']:.2f} {r['subject']} | {r['relation']}"
                     f"{' (denied)' if r['stance'] == 'denied' else ''} | {r['object']}"
                     f" [{', '.join(r.get('rules') or ['model'])}]\n      {ev[:300]}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--c", type=float, default=None, help="C of the linear learner (default 0.3)")
    ap.add_argument("--learner", choices=["linear", "boosted", "backoff", "twostage"],
                    help="default: training.DEFAULT_LEARNER")
    ap.add_argument("--min-precision", type=float, default=0.80)  # training.DEFAULT_MIN_PRECISION
    ap.add_argument("--json", type=Path)
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--false-positives", action="store_true",
                    help="the training documents' false positives at the threshold, with their sentence")
    ap.add_argument("--dev-weight", type=float, default=1.0, help="weight of the development documents' pairs")
    ap.add_argument("--by-rule", action="store_true", help="frame ties' precision by rule, training vs seen documents")
    ap.add_argument("--frame-dropout", type=float, default=None, help="training.DEFAULT_FRAME_DROPOUT")
    ap.add_argument("--seen-weight", type=float, default=None, help="training.DEFAULT_SEEN_WEIGHT")
    ap.add_argument("--unseen-calibration", nargs="*", default=None, metavar="GROUP",
                    help="groups calibrated on unseen documents only (\"*\" every group; none: no group); "
                         "default training.DEFAULT_UNSEEN_GROUPS")
    ap.add_argument("--relation-curves", nargs="*", default=None, metavar="GROUP",
                    help="groups calibrated per relation too (default training.RELATION_CURVES)")
    ap.add_argument("--curve-families", choices=["yes", "no"], default=None,
                    help="the --relation-curves per family of relations (default training.CURVE_FAMILIES)")
    ap.add_argument("--tie-stage", choices=["linear", "noisy-or", "max"], default=None,
                    help="how a tie's pairs combine (default training.DEFAULT_TIE_STAGE; max: the best pair's score)")
    ap.add_argument("--threshold-on-unseen", choices=["yes", "no"], default=None,
                    help="choose the threshold on the training documents' curve (default "
                         "training.DEFAULT_THRESHOLD_ON_UNSEEN)")
    args = ap.parse_args(argv)

    from factionmap.evaluate import score, tradeoff
    from factionmap.extract.scoring import training as T
    from factionmap.extract.scoring.corpus import load_training_set

    gold_paths, doc_inputs = training_inputs()
    t0 = time.perf_counter()
    docs, rows = load_training_set(gold_paths, doc_inputs)
    data = T.prepare(docs, rows)
    for d in data:
        if (SHARED / "dev" / "docs" / d.name).exists():
            d.weight = args.dev_weight
        d.seen = not (SHARED / "train" / "docs" / d.name).exists()  # the frames were written against it
    t_prep = time.perf_counter() - t0
    from factionmap.extract.scoring.learners import PRESETS

    unseen = frozenset(d.name for d in data if not d.seen)
    cv = T.cross_validate(data, args.folds, args.c, learner=PRESETS[args.learner] if args.learner else None,
                          frame_dropout=args.frame_dropout, seen_weight=args.seen_weight, tie_stage=args.tie_stage)
    groups = None if args.unseen_calibration is None else tuple(args.unseen_calibration)
    per_relation = None if args.relation_curves is None else tuple(args.relation_curves)
    families = None if args.curve_families is None else args.curve_families == "yes"
    cal_rows = T.cross_calibrated(cv, args.folds, groups, per_relation, families)  # each fold calibrated by curves fitted on the others
    grid = [round(0.05 * i, 2) for i in range(1, 20)]
    curve = tradeoff(cv.gold, cal_rows, cv.docs, grid)
    on_unseen = None if args.threshold_on_unseen is None else args.threshold_on_unseen == "yes"
    best = T.choose_threshold(tradeoff(cv.gold, cal_rows, T.threshold_docs(cv, on_unseen),
                                       [round(x / 100, 2) for x in range(5, 96)]), args.min_precision)
    ece, table = T.reliability([r["confidence"] for r in cal_rows], cv.correct)
    inside = [i for i, r in enumerate(cal_rows) if r["doc"] in unseen]
    ece_unseen, _ = T.reliability([cal_rows[i]["confidence"] for i in inside], [cv.correct[i] for i in inside])
    thr = best["threshold"]
    kept = [r for r in cal_rows if r["confidence"] >= thr]
    subsets = {
        "train (42 docs)": sorted({d.name for d in data if (SHARED / "train" / "docs" / d.name).exists()}),
        "dev (7 docs)": sorted({d.name for d in data if (SHARED / "dev" / "docs" / d.name).exists()}),
        "sample (14 files)": sorted({d.name for d in data if (ROOT / "samples" / "corpus" / d.name).exists()}),
    }
    out = {"threshold": thr, "ece": round(ece, 4), "ece_train": round(ece_unseen, 4), "reliability": table,
           "curve": curve,
           "prepare_seconds": round(t_prep, 1), "cv_seconds": round(cv.seconds, 1), "subsets": {}}
    print(f"{len(data)} documents, {sum(len(d.pairs) for d in data)} candidate pairs, {len(rows)} gold ties; "
          f"prepare {t_prep:.0f} s, {args.folds}-fold CV {cv.seconds:.0f} s")
    for label, names in [("all", sorted({d.name for d in data}))] + list(subsets.items()):
        rep = score(cv.gold, kept, names)
        out["subsets"][label] = rep.to_dict() | {"misses": None, "false_positives": None, "date_errors": None}
        print(f"\n== {label}, held out, threshold {thr}")
        if args.misses and label == "all":
            print(rep.format_errors())
        print(rep.format_table())
    print("\nthreshold  precision  recall  f1")
    for p in curve:
        print(f"  {p['threshold']:.2f}     {p['precision']:.3f}    {p['recall']:.3f}  {p['f1']:.3f}")
    print(f"\nbest F1 on the curve {max(p['f1'] for p in curve):.3f}")
    print(f"\nexpected calibration error {ece:.3f}; on the training documents alone {ece_unseen:.3f} "
          f"({len(inside)} ties)")
    for row in table:
        print(f"  {row['bin']}  n={row['n']:<5} confidence {row['confidence']:.3f}  right {row['accuracy']:.3f}")
    if args.by_rule:
        print(by_rule(cv, unseen))
    if args.false_positives:
        print(false_positives(kept, cv.gold, unseen))
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
