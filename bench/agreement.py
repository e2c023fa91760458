#!/usr/bin/env python3
"""Agreement between the two independent annotation passes of the training documents (all 42).

    .venv/bin/python bench/agreement.py

Turns annotations/second-pass/pass1.jsonl and pass2.jsonl into the evaluation spec's gold format
(quotes read from ../shared/eval/train/docs at run time) and scores pass 2 against pass 1 with the
spec's own scorer (../shared/eval/score.py): F1 of one pass against the other, per document and in all.
The settled annotation of these documents (every disagreement decided from the text) is the one in
annotations/train.jsonl (annotator "settled").
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "eval" / "train" / "docs"
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def main() -> int:
    if not DOCS.is_dir() or not SCORE.is_file():
        sys.exit(f"agreement: needs {DOCS} and {SCORE}")
    from factionmap import annotation as ann

    corpus = ann.Corpus([DOCS])
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name in ("pass1", "pass2"):
            rows = ann.load([ROOT / "annotations" / "second-pass" / f"{name}.jsonl"], corpus)
            paths[name] = Path(tmp) / f"{name}.jsonl"
            ann.dump([ann.to_gold(r, corpus) for r in rows], paths[name])
        docs = sorted({r["doc"] for r in ann.load([ROOT / "annotations" / "second-pass" / "pass2.jsonl"], corpus)})
        run = [sys.executable, str(SCORE), str(paths["pass1"]), str(paths["pass2"])]
        for d in docs:
            last = subprocess.run(run + [f"--docs={d}"], capture_output=True, text=True, check=True).stdout
            print(f"{d:<58} {last.strip().splitlines()[-1]}")
        print()
        print(subprocess.run(run + ["--docs=" + ",".join(docs)], capture_output=True, text=True, check=True).stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
