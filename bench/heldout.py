#!/usr/bin/env python3
"""Held-out score: the extractor on the sample corpus against its hand annotation.

    .venv/bin/python bench/heldout.py [--misses] [--json]

The extraction rules are tuned on the dev set (/work/shared/eval/dev/); samples/gold.jsonl is a
second, independent annotation of samples/corpus/ (made by hand under eval/SPEC.md's rules, never
used to tune rules), so this measures how the rules generalise. It is what
`factionmap evaluate --gold samples/gold.jsonl samples/corpus/*` would print, through the Python API
(factionmap.evaluate.evaluate), except that the corpus's README.md and the `.meta.json` sidecar (read
with the document it describes) are not documents and are left out. Prints the per-relation table,
date and stance accuracy and micro P/R/F1; --misses first lists missed gold ties (MISS) and false
positives (FALSE); --json prints the report as one JSON object instead.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "samples" / "gold.jsonl"
CORPUS = ROOT / "samples" / "corpus"


def corpus_documents(folder: Path = CORPUS) -> list[Path]:
    """The corpus's documents: every file but the README and sidecar metadata."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.name != "README.md" and not p.name.endswith(".meta.json")
                  and not p.name.startswith("."))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold file (default: samples/gold.jsonl)")
    parser.add_argument("--misses", action="store_true", help="also list missed gold ties and false positives")
    parser.add_argument("--json", dest="as_json", action="store_true", help="print the report as JSON")
    args = parser.parse_args(argv)

    from factionmap.evaluate import evaluate

    docs = corpus_documents()
    report = evaluate(args.gold, docs)
    if args.as_json:
        data = report.to_dict()
        if not args.misses:
            data.pop("misses"), data.pop("false_positives")
        print(json.dumps(data, indent=1, ensure_ascii=False))
        return 0
    print(f"held-out: {args.gold.relative_to(ROOT) if args.gold.is_relative_to(ROOT) else args.gold} "
          f"against {len(docs)} files of samples/corpus/")
    if args.misses and (report.misses or report.false_positives):
        print(report.format_errors())
        print()
    print(report.format_table())
    return 0


if __name__ == "__main__":
    sys.exit(main())
