#!/usr/bin/env python3
"""What reviewing a few dozen ties teaches the extractor: one document set, before and after.

    .venv/bin/python bench/review_effect.py [--reviews 40]

A document set (the training corpus's Syrian-war documents) is split in two: REVIEWED documents and
HELD-BACK ones. The baseline model is trained on every other annotated document. The REVIEWED
documents are built into a store with it, and the first --reviews ties of the review queue are
reviewed through the review editor, the analyst's judgement played by the hand annotation (a tie the
annotation states is confirmed, one it does not is rejected). `train --from-reviews` then trains a
second model on the same documents plus those reviews. Both models are scored on the HELD-BACK
documents, which neither saw: precision, recall and F1 at each model's own threshold and at the best
threshold.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

SET = ["news-cnn-syria-western-backed-opposition.txt", "news-dm-nusra-pressure-to-ally-with-islamic-state.txt",
       "wiki-battle-of-al-bab.txt", "wiki-hawar-kilis-operations-room.txt",
       "wiki-idlib-governorate-clashes-january-march-2017.txt", "wiki-inter-rebel-conflict-during-the-syrian-civil-war.txt",
       "wiki-rojava-islamist-conflict.txt", "wiki-syrian-liberation-front-tahrir-al-sham-conflict.txt"]
REVIEWED = SET[0::2]
HELD_BACK = SET[1::2]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reviews", type=int, default=40)
    args = ap.parse_args(argv)

    from train_cv import training_inputs

    from factionmap.evaluate import score, to_tie, tradeoff
    from factionmap.extract.pipeline import ExtractorConfig
    from factionmap.extract.scoring import training as T
    from factionmap.extract.scoring.corpus import load_training_set
    from factionmap.graph import Graph
    from factionmap.review.editor import Editor, local_actor
    from factionmap.review.training import training_material
    from factionmap.store import Store
    from factionmap import builder

    gold_paths, doc_inputs = training_inputs()
    docs, rows = load_training_set(gold_paths, doc_inputs)
    others = [(n, d) for n, d in docs if n not in SET]
    base_rows = [r for r in rows if Path(str(r["doc"])).name not in SET]
    data = T.prepare(others, base_rows)
    baseline, _ = T.train(data)

    with tempfile.TemporaryDirectory() as tmp:
        base_dir = Path(tmp) / "baseline"
        baseline.save(base_dir)
        store = Store(Path(tmp) / "reviewed.db")
        paths = [str(p) for d in doc_inputs for p in Path(d).glob("*") if p.name in REVIEWED]
        builder.build(store, paths, extractor=ExtractorConfig(model_dir=str(base_dir)))
        gold = {}
        for r in rows:
            gold.setdefault(Path(str(r["doc"])).name, []).append(to_tie(r))
        graph, editor = Graph(store), Editor(store, local_actor("bench"))
        queue = graph.review_queue(limit=args.reviews)
        confirmed = rejected = 0
        for item in queue.items[: args.reviews]:
            tie = item.tie
            names = {c.doc_id for c in tie.citations}
            row = {"doc": "", "subject": [tie.subject.name] + [a.name for a in tie.subject.aliases],
                   "relation": tie.relation, "object": [tie.object.name] + [a.name for a in tie.object.aliases],
                   "stance": "asserted"}
            files = {Path(d["path"] or "").name for d in store.documents() if d["id"] in names}
            right = any(to_tie(dict(row, doc=f)).matches(g) for f in files for g in gold.get(f, []))
            (editor.confirm if right else editor.reject)(tie.id, note="bench: the annotation's judgement")
            confirmed += right
            rejected += not right
        material = training_material(store)
        docs2, rows2 = material.merged_with(others, base_rows)
        data2 = T.prepare(docs2, rows2)
        reviewed_model, _ = T.train(data2)

    held = [(n, d) for n, d in docs if n in HELD_BACK]
    held_gold = [r for r in rows if Path(str(r["doc"])).name in HELD_BACK]
    test = T.prepare(held, held_gold)
    print(f"document set: {len(SET)} documents; reviewed {len(REVIEWED)}, held back {len(HELD_BACK)} "
          f"({len(held_gold)} gold ties); {confirmed} ties confirmed and {rejected} rejected from the review queue")
    for label, model in (("baseline (no reviews)", baseline), ("with the reviews", reviewed_model)):
        out = [r for d in test for r in T.doc_rows(d, model, calibrated=True)]
        at = score(held_gold, [r for r in out if r["confidence"] >= model.threshold], HELD_BACK).micro
        best = max(tradeoff(held_gold, out, HELD_BACK, [x / 20 for x in range(1, 20)]), key=lambda p: p["f1"])
        print(f"{label:<24} at its threshold {model.threshold:.2f}: P {at.precision:.3f} R {at.recall:.3f} "
              f"F1 {at.f1:.3f}   best F1 {best['f1']:.3f} (threshold {best['threshold']:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
