"""Mention precision and recall of names the knowledge base does not know, on the annotated training corpus.

    python bench/mentions.py [--annotations annotations/train.jsonl] [--docs ../shared/eval/train/docs]

Gold: every subject/object span of annotations/train.jsonl (names of tied entities, by offsets) whose
text, folded, is no name of the hand-written knowledge base (`load_kb()`: the packaged YAML, without the
gazetteers' places, so that figures before and after a change of the gazetteer compare). System: the mentions the pipeline finds (stages up to
`resolve`, so coreference's own spans are counted) whose text is no KB name either.

Only the names of tied entities are annotated, so precision is measured where gold says something:
over system mentions that overlap a gold span, the share whose boundaries are exactly the gold span's.
Printed: recall (exact boundaries, and any overlap), that boundary precision, their F1, and the sorts
of misses (a gold name cut short, run long, or not found at all), with a few examples of each.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

from factionmap.extract.fold import fold
from factionmap.extract.kb import load_kb
from factionmap.extract.pipeline import default_pipeline
from factionmap.ingest import read_file

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ANN = ROOT / "annotations" / "train.jsonl"
DEFAULT_DOCS = ROOT.parent / "shared" / "eval" / "train" / "docs"


def gold_spans(path: Path) -> dict[str, set[tuple[int, int]]]:
    out: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        for side in ("subject", "object"):
            for a, b in row[side].get("spans") or []:
                out[row["doc"]].add((a, b))
    return out


def measure(ann_path: Path, docs_dir: Path, show: int = 8) -> dict:
    kb_names = set(load_kb().by_folded_name())
    pipeline = default_pipeline()

    def outside(text: str) -> bool:
        return bool(fold(text)) and fold(text) not in kb_names and fold(text, all_articles=True) not in kb_names

    gold = gold_spans(ann_path)
    n_gold = exact = overlap = 0
    sys_over = sys_exact = 0
    misses: dict[str, list[str]] = defaultdict(list)
    kinds: Counter = Counter()
    for doc_name, spans in sorted(gold.items()):
        path = docs_dir / doc_name
        if not path.exists():
            continue
        doc = read_file(path)[0]
        text = doc.text
        ann = pipeline.annotate(doc, stop_before="dates")
        system = {(s.start, s.end) for s in ann.spans if outside(text[s.start:s.end])}
        gspans = {(a, b) for a, b in spans if outside(text[a:b])}
        n_gold += len(gspans)
        for a, b in gspans:
            if (a, b) in system:
                exact += 1
                continue
            over = [(c, d) for c, d in system if c < b and a < d]
            if over:
                overlap += 1
                c, d = over[0]
                sort = "cut short" if (c >= a and d <= b) else "run long" if (c <= a and d >= b) else "shifted"
            else:
                sort = "not found"
            kinds[sort] += 1
            if len(misses[sort]) < show:
                got = f" -> {text[over[0][0]:over[0][1]]!r}" if over else ""
                misses[sort].append(f"{text[a:b]!r}{got}  ({doc_name})")
        for c, d in system:
            if any(c < b and a < d for a, b in gspans):
                sys_over += 1
                sys_exact += (c, d) in gspans
    recall = exact / n_gold if n_gold else 0.0
    precision = sys_exact / sys_over if sys_over else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": n_gold, "recall_exact": recall, "recall_overlap": (exact + overlap) / n_gold if n_gold else 0.0,
            "precision_boundary": precision, "f1": f1, "misses": dict(kinds), "examples": dict(misses)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annotations", type=Path, default=DEFAULT_ANN)
    ap.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    r = measure(args.annotations, args.docs)
    if args.json:
        print(json.dumps(r, indent=1))
        return
    print(f"gold names outside the KB: {r['gold']}")
    print(f"recall (exact) {r['recall_exact']:.3f}   recall (overlap) {r['recall_overlap']:.3f}   "
          f"precision (boundaries) {r['precision_boundary']:.3f}   F1 {r['f1']:.3f}")
    for sort, n in sorted(r["misses"].items(), key=lambda kv: -kv[1]):
        print(f"  {sort}: {n}")
        for ex in r["examples"][sort]:
            print(f"     {ex}")


if __name__ == "__main__":
    main()
