#!/usr/bin/env python3
"""The candidate ceiling of the learned relation scorer: how many gold ties have a pair that states them.

    .venv/bin/python bench/ceiling.py [--json FILE] [--show CATEGORY] [--limit N]

Same inputs as bench/train_cv.py (annotations/train.jsonl over ../shared/eval/train/docs, the
development set's gold, the sample corpus's gold). Each document runs through the pipeline up to
`relations`; its candidate pairs are labelled against its gold ties exactly as training labels them
(scoring.labels). A gold tie is *covered* when some pair is labelled positive for it. Every other tie
is put in the first category that fits:

    no-quote            its evidence quote is not found in the document
    absent              one end is no entity of the document (no mention carries its names)
    not-here:WHAT       one end is named in the document but not in the evidence sentence(s); WHAT
                        says what stands for it there: a pronoun ("it", "its", "they", "he" ...),
                        group-np ("the group", "the militia" ...), pair-np ("both groups", "the two"),
                        nothing (and the end is the document's subject: subj-nothing), or the pronoun /
                        noun phrase is there but resolved to another entity (wrong-coref:WHAT)
    same-entity         both ends are one entity of the document
    split               both ends are in the evidence but never in one sentence
    no-pair             both ends in one evidence sentence, yet no pair joins them (kinds, distance)

Prints the covered share in all and per relation, and the categories per relation.
`--show CATEGORY` prints the evidence of up to `--limit` ties of that category (for reading, not for
copying into the project).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cv import training_inputs  # noqa: E402

_PRONOUN = re.compile(r"(?i)\b(?:it|its|itself|they|their|them|themselves|he|his|him|she|her|who|which)\b")
_GROUP_NP = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)\s+(?:[a-z][\w\-]*\s+)?(?:group|organi[sz]ation|"
                       r"movement|militia|faction|network|party|front|insurgents|militants|rebels|fighters|jihadists|"
                       r"coalition|alliance|wing|branch|affiliate|outfit|guerrillas?|emirate|leader|founder|commander|"
                       r"emir|chief)s?\b")
_PAIR_NP = re.compile(r"(?i)\b(?:both|the\s+two|these\s+two|those\s+two)\b")


def _sentences_over(ann, spans: list[tuple[int, int]]) -> list[int]:
    out: set[int] = set()
    for s, e in spans:
        a, b = ann.sentence_at(s), ann.sentence_at(max(s, e - 1))
        out.update(range(a, b + 1))
    return sorted(out)


def _what(ann, text: str, other: set[str], lo: int, hi: int) -> str:
    """What stands for a missing end in [lo, hi): a pronoun or noun phrase resolved to no entity, or to an
    entity that is neither end (wrong-coref); "nothing" when none is there. A phrase resolved to the
    other end (`other`) is that end's, not the missing one's."""
    body = text[lo:hi]
    coref = [sp for sp in ann.spans_in(lo, hi) if sp.source == "coref"]
    for rx, name in ((_PAIR_NP, "pair-np"), (_GROUP_NP, "group-np"), (_PRONOUN, "pronoun")):
        for m in rx.finditer(body):
            at = lo + m.start()
            sp = next((s for s in coref if s.start <= at < s.end), None)
            if sp is None:
                return name
            if sp.key not in other:
                return f"wrong-coref:{name}"
    return "nothing"


def _joins(sa, sb, g) -> bool:
    return bool(sa & g.subject and sb & g.object or sb & g.subject and sa & g.object)


def classify(ann, pairs, labels, gold) -> list[tuple[object, str]]:
    from factionmap.extract.scoring.labels import entity_names, target

    names = {k: entity_names(ann, k) for k in ann.entities}
    text = ann.text
    out = []
    for g in gold:
        if g.negative:
            continue
        tset = {target(g.relation, True), target(g.relation, False)}
        if any(any(lab.get(t) == 1 for t in tset) and _joins(names[p.a.key], names[p.b.key], g)
               for p, lab in zip(pairs, labels)):
            out.append((g, "covered"))
            continue
        if not g.evidence:
            out.append((g, "no-quote"))
            continue
        ks = {k for k, n in names.items() if n & g.subject}
        ko = {k for k, n in names.items() if n & g.object}
        if not ks or not ko:
            out.append((g, "absent"))
            continue
        sents = _sentences_over(ann, g.evidence)
        lo, hi = ann.sentences[sents[0]].start, ann.sentences[sents[-1]].end
        here = ann.spans_in(lo, hi)
        hs = [sp for sp in here if sp.key in ks]
        ho = [sp for sp in here if sp.key in ko]
        if not hs or not ho:
            miss, other = (ks, ko) if not hs else (ko, ks)
            what = _what(ann, text, other, lo, hi)
            if what == "nothing" and ann.subject in miss:
                what = "subj-nothing"
            out.append((g, f"not-here:{what}"))
            continue
        if ks & ko and all(sp.key in ks & ko for sp in hs + ho):
            out.append((g, "same-entity"))
            continue
        together = any(ann.sentence_at(x.start) == ann.sentence_at(y.start) for x in hs for y in ho if x.key != y.key)
        out.append((g, "no-pair" if together else "split"))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", type=Path)
    ap.add_argument("--show", help="print the evidence of ties in this category (prefix match)")
    ap.add_argument("--limit", type=int, default=30)
    args = ap.parse_args(argv)

    from factionmap.extract.pipeline import ExtractorConfig, get_pipeline
    from factionmap.extract.scoring.corpus import load_training_set
    from factionmap.extract.scoring.labels import gold_ties, label_pairs
    from factionmap.extract.scoring.pairs import candidate_pairs
    from factionmap.extract.ties import frame_candidates

    gold_paths, doc_inputs = training_inputs()
    t0 = time.perf_counter()
    docs, rows = load_training_set(gold_paths, doc_inputs)
    pipeline = get_pipeline(ExtractorConfig(model_dir="none"))
    by_doc = defaultdict(list)
    for r in rows:
        by_doc[Path(str(r.get("doc", ""))).name].append(r)
    table: dict[str, Counter] = defaultdict(Counter)
    shown = 0
    n_pairs = 0
    via = Counter()
    for name, doc in docs:
        ann = pipeline.annotate(doc)
        pairs = candidate_pairs(ann, frame_candidates(ann))
        n_pairs += len(pairs)
        gold = gold_ties(by_doc.get(name, []), doc.text)
        labels = label_pairs(ann, pairs, gold)
        for p, lab in zip(pairs, labels):
            if any(v == 1 for v in lab.values()):
                via[p.via] += 1
        for g, cat in classify(ann, pairs, labels, gold):
            table[g.relation][cat] += 1
            table["all"][cat] += 1
            if args.show is not None and cat != "covered" and cat.startswith(args.show) and shown < args.limit:
                shown += 1
                sents = _sentences_over(ann, g.evidence) if g.evidence else []
                ev = " ".join(doc.text[ann.sentences[i].start:ann.sentences[i].end] for i in sents)
                subj = ann.entities[ann.subject].name if ann.subject else None
                print(f"[{cat}] {name} (subject {subj}): {sorted(g.subject)[:2]} {g.relation} "
                      f"{sorted(g.object)[:2]}\n    {' '.join(ev.split())[:400]}\n")
    seconds = time.perf_counter() - t0
    cats = sorted({c for cnt in table.values() for c in cnt}, key=lambda c: (c != "covered", -table["all"][c], c))
    rels = ["all"] + sorted(r for r in table if r != "all")
    print(f"{len(docs)} documents, {n_pairs} candidate pairs, {sum(table['all'].values())} gold ties; {seconds:.0f} s")
    print(f"positive pairs by how they were made: {dict(sorted(via.items()))}")
    print(f"\n{'relation':<14}{'ties':>6}{'covered':>9}")
    for r in rels:
        n = sum(table[r].values())
        print(f"{r:<14}{n:>6}{table[r]['covered'] / max(n, 1):>9.3f}")
    print(f"\n{'category':<28}" + "".join(f"{r[:11]:>12}" for r in rels))
    for c in cats:
        print(f"{c:<28}" + "".join(f"{table[r][c]:>12}" for r in rels))
    if args.json:
        args.json.write_text(json.dumps({r: dict(table[r]) for r in rels}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
