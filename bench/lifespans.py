#!/usr/bin/env python3
"""The lifespan reader against hand annotations: precision, recall, F1 and date accuracy.

    .venv/bin/python bench/lifespans.py [--gold annotations/lifespans.jsonl] [--docs DIR] [-v]

Extracts each annotated document with the current pipeline, reads its lifespans
(factionmap.lifespans.read) and scores them (factionmap.lifespans.score). -v lists misses and
false events by offsets.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_docs() -> Path:
    for base in (ROOT.parent / "shared", Path("/work/shared")):
        if (base / "eval" / "train" / "docs").is_dir():
            return base / "eval" / "train" / "docs"
    sys.exit("lifespans: the shared evaluation folder (shared/eval/train/docs) is missing")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", default=str(ROOT / "annotations" / "lifespans.jsonl"))
    ap.add_argument("--docs", help="folder of the annotated documents (default: shared/eval/train/docs)")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    import factionmap
    from factionmap import lifespans
    from factionmap.annotation import Corpus
    from factionmap.lifespans.annotations import load
    from factionmap.lifespans.score import score

    folder = Path(args.docs) if args.docs else shared_docs()
    corpus = Corpus([folder])
    gold = load([args.gold], corpus)
    docs = sorted({r["doc"] for r in gold})
    system = {}
    t0 = time.perf_counter()
    read_s = 0.0
    for name in docs:
        extraction = factionmap.extract_document(folder / name)
        t1 = time.perf_counter()
        events = lifespans.read(extraction)
        read_s += time.perf_counter() - t1
        names = {e.key: e.names for e in extraction.entities}
        system[name] = [(names.get(ev.entity_key, []), ev) for ev in events]
    s = score(gold, system)
    print(f"documents: {len(docs)}, gold facts: {s.tp + s.fn}, system events: {s.tp + s.fp} "
          f"(extract + read {time.perf_counter() - t0:.1f} s, of which reading {read_s * 1000:.0f} ms)")
    print(f"precision {s.precision:.2f}  recall {s.recall:.2f}  F1 {s.f1:.2f}  "
          f"date accuracy on matches {s.date_accuracy:.2f} ({s.date_ok}/{s.tp})  kind exact {s.kind_ok}/{s.tp}")
    for kind, (tp, fp, fn) in sorted(s.by_kind.items()):
        print(f"  {kind:13s} tp {tp:3d}  fp {fp:3d}  fn {fn:3d}")
    if args.verbose:
        for row in s.misses:
            print("miss ", row["doc"], row["kind"], row["date"], row["entity"]["names"][0], row["evidence"])
        for doc, names, ev in s.false:
            print("false", doc, ev.kind.value, ev.date.iso, names[:1], ev.evidence.extractor,
                  [ev.evidence.start_char, ev.evidence.end_char])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
