#!/usr/bin/env python3
"""The matched ties whose dates are wrong, with the evidence they were dated from.

    .venv/bin/python bench/date_errors.py [--show] [--doc NAME ...] [--json FILE]

Same inputs as bench/train_cv.py. Each document runs through the extraction pipeline with the shipped
model (in-sample on the documents the model was trained on: a quick reading aid, not a measurement;
bench/train_cv.py's "dates right" is the judge). Prints dates right in all and on the 42 training
documents, then one line per matched tie whose start or end differs from gold's: document, tie, gold
start/end, extracted start/end, and the character offsets and frame of each evidence sentence, plus
the offset of gold's quote. `--show` adds the sentences themselves (for reading in the terminal,
never for copying into the project).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cv import SHARED, training_inputs  # noqa: E402


def _span(text: str, a: int, b: int) -> str:
    return " ".join(text[a:b].split())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print the evidence sentences too")
    ap.add_argument("--doc", nargs="*", help="only these documents (file names)")
    ap.add_argument("--json", type=Path, help="write the errors (offsets only) here")
    args = ap.parse_args(argv)

    from factionmap.evaluate import score
    from factionmap.extract.output import assertion_rows
    from factionmap.extract.pipeline import default_pipeline
    from factionmap.extract.scoring.corpus import load_training_set

    docs, gold = load_training_set(*training_inputs())
    if args.doc:
        docs = [(n, d) for n, d in docs if n in set(args.doc)]
    pipeline = default_pipeline()
    rows, texts = [], {}
    for name, doc in docs:
        ex = pipeline(doc)
        texts[name] = doc.text
        for row, a in zip(assertion_rows(ex, name), ex.assertions):
            row["evidence_all"] = [(e.start_char, e.end_char, e.extractor) for e in a.evidence]
            rows.append(row)
    names = sorted(texts)
    train = [n for n in names if (SHARED / "train" / "docs" / n).exists()]
    rep = score(gold, rows, names)
    print(f"dates right, all {rep.dates}; training documents {score(gold, rows, train).dates}")
    out = []
    for s, g in sorted(rep.date_errors, key=lambda sg: sg[0]["doc"]):
        text = texts[s["doc"]]
        quote = g.get("quote") or ""
        q = text.find(quote) if quote else -1
        out.append({"doc": s["doc"], "tie": [s["subject"], s["relation"], s["object"]],
                    "gold": [g.get("start"), g.get("end")], "got": [s["start"], s["end"]],
                    "evidence": s["evidence_all"], "quote_at": q})
        ev = " ".join(f"{a}-{b}:{rule}" for a, b, rule in s["evidence_all"])
        print(f"{s['doc']} | {s['subject']} | {s['relation']} | {s['object']} | gold {g.get('start')}..{g.get('end')}"
              f" | got {s['start']}..{s['end']} | ev {ev} | quote@{q}")
        if args.show:
            for a, b, _ in s["evidence_all"][:3]:
                print(f"    > {_span(text, a, b)[:400]}")
            if q >= 0 and not any(a <= q < b for a, b, _ in s["evidence_all"]):
                print(f"    gold> {_span(text, q, q + len(quote))[:300]}")
    if args.json:
        args.json.write_text(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
