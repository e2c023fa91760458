#!/usr/bin/env python3
"""Does a change leave extraction's output as it was? `factionmap extract --format jsonl` over the shared
evaluation documents (../shared/eval/dev/docs and ../shared/eval/train/docs), compared byte for byte.

    .venv/bin/python bench/same_output.py --save /tmp/before.jsonl     # on the code before the change
    .venv/bin/python bench/same_output.py --check /tmp/before.jsonl    # on the code after it

--save writes the output; --check writes it again (to --out, by default a temporary file) and exits 1,
naming the first line that differs and the counts of lines, when the two are not identical. A speed
change (issue #9) must pass --check: it may make extraction faster, never different.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
FOLDERS = (EVAL / "dev" / "docs", EVAL / "train" / "docs")


def documents() -> list[Path]:
    paths = [p for folder in FOLDERS if folder.is_dir() for p in sorted(folder.glob("*.txt"))]
    if not paths:
        sys.exit(f"same_output: no documents under {' or '.join(map(str, FOLDERS))}")
    return paths


def extract(paths: list[Path], out: Path) -> float:
    """`factionmap extract --format jsonl` over `paths` into `out` (one process); its wall time."""
    command = ROOT / ".venv" / "bin" / "factionmap"
    started = time.perf_counter()
    subprocess.run([str(command), "extract", "--format", "jsonl", "-o", str(out), *map(str, paths)],
                   check=True, cwd=ROOT)
    return time.perf_counter() - started


def first_difference(a: bytes, b: bytes) -> str:
    left, right = a.splitlines(), b.splitlines()
    for number, (x, y) in enumerate(zip(left, right), 1):
        if x != y:
            return f"line {number} differs:\n  before {x[:300]!r}\n  after  {y[:300]!r}"
    return f"one output is a prefix of the other ({len(left)} lines before, {len(right)} after)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, help="write the output here (the reference)")
    mode.add_argument("--check", type=Path, help="compare the output with this reference")
    parser.add_argument("--out", type=Path, help="with --check: where to write the new output")
    args = parser.parse_args(argv)

    paths = documents()
    if args.save:
        seconds = extract(paths, args.save)
        lines = args.save.read_bytes().count(b"\n")
        print(f"same_output: {len(paths)} documents, {lines} lines written to {args.save} ({seconds:.1f} s)")
        return 0
    out = args.out or Path(tempfile.mkstemp(prefix="same_output-", suffix=".jsonl")[1])
    seconds = extract(paths, out)
    before, after = args.check.read_bytes(), out.read_bytes()
    if before == after:
        lines = after.count(b"\n")
        print(f"same_output: identical ({len(paths)} documents, {lines} lines, {seconds:.1f} s)")
        return 0
    print(f"same_output: DIFFERENT from {args.check} (new output in {out})\n{first_difference(before, after)}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
