"""Build a corpus into one store, export it as STIX 2.1 and validate the bundle with stix2-validator.

    python bench/validate_stix.py                       # the development set (eval/dev/docs)
    python bench/validate_stix.py samples/corpus        # or any files/folders
    python bench/validate_stix.py --db map.db           # an existing store, no build

Prints the figures: documents, entities, ties and objects exported; validator errors and warnings
(by code) in the default mode and in strict mode (see factionmap.export.validate); and timings.
Exit status 1 if the validator reports any error.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from factionmap import build
from factionmap.export import stix
from factionmap.export.source import load
from factionmap.export.validate import DOCUMENTED_WARNINGS, validate
from factionmap.store import Store

ROOT = Path(__file__).resolve().parent.parent
DEV_CANDIDATES = [ROOT / "eval" / "dev" / "docs", ROOT.parent / "shared" / "eval" / "dev" / "docs",
                  Path("/work/shared/eval/dev/docs")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", help="files or folders to build (default: the development set)")
    parser.add_argument("--db", help="validate this existing store instead of building one")
    parser.add_argument("--clock", default="2024-01-31T00:00:00Z", help="frozen clock for the export")
    parser.add_argument("--out", help="also write the bundle here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        if args.db:
            store = Store(args.db)
        else:
            inputs = args.inputs or [str(next(p for p in DEV_CANDIDATES if p.is_dir()))]
            store = Store(Path(tmp) / "bench.db")
            t0 = time.perf_counter()
            report = build(store, inputs)
            print(f"built {', '.join(inputs)}: {report.extracted} documents extracted, "
                  f"{report.assertions} assertions, {len(report.errors)} errors in {time.perf_counter() - t0:.1f}s")
        t0 = time.perf_counter()
        snap = load(store, clock=args.clock)
        text = stix.to_json(snap)
        export_s = time.perf_counter() - t0
        if args.out:
            Path(args.out).write_text(text, encoding="utf-8")
        types = Counter(o["type"] for o in json.loads(text)["objects"])
        print(f"exported {len(snap.documents)} documents, {len(snap.entities)} entities, {len(snap.ties)} ties "
              f"in {export_s:.2f}s: {sum(types.values())} STIX objects ({', '.join(f'{n} {t}' for t, n in sorted(types.items()))})")
        failed = False
        for strict in (False, True):
            t0 = time.perf_counter()
            result = validate(text, strict=strict)
            codes = dict(sorted(result.warning_codes.items()))
            print(f"stix2-validator 3.2.0 {'strict ' if strict else 'default'}: valid={result.valid} "
                  f"errors={len(result.errors)} warnings={len(result.warnings)} {codes} "
                  f"({time.perf_counter() - t0:.1f}s)")
            for error in result.errors[:10]:
                print(f"  error: {error}")
            for code in codes:
                print(f"  warning {code}: {DOCUMENTED_WARNINGS.get(code, 'undocumented')}")
            failed |= bool(result.errors) or not result.valid
        store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
