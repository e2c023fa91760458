#!/usr/bin/env python3
"""Per-stage growth of extraction time on long runs of trigger tokens (each at N and 2N copies).

    .venv/bin/python bench/bench_linear.py [--n 3000] [TOKEN ...]

Runs the pipeline's stages one by one on one document made of the token repeated (no pieces: the
whole text at once, as `factionmap.budget` would not cut it below its piece size) and prints each
stage's seconds at N and 2N and their ratio: about 2 is linear, about 4 quadratic. Stages whose
ratio is above 2.6 (and that take more than 0.15 s) are flagged. CPU time, best of two runs.
"""
from __future__ import annotations

import argparse
import gc
import time

TOKENS = ["Al-", "By Jane ", "January ", "2015, ", "- ", "the group ", "Islamic State ", "(ISIS) ",
          "Jaysh al-Islam, ", "Abu Bakr ", "said ", "Boko Haram and ISWAP ", "- Leaders: X\n",
          "Jabhat al-Nusra Front ", "according to ", "the two groups ", "pledged allegiance to ",
          "The Islamic State said so. "]  # many short sentences: state.sentence_at rebuilds its list per call


def stage_times(pipeline, text: str) -> dict[str, float]:
    from factionmap.extract.state import Annotated
    from factionmap.model import Document

    best: dict[str, float] = {}
    for _ in range(2):
        ann = Annotated(Document(text=text, path="bench.txt", format="txt", published="2020-01-01"))
        for st in pipeline.stages:
            gc.collect()
            start = time.process_time()
            ann = st.func(ann)
            best[st.name] = min(best.get(st.name, float("inf")), time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=3000)
    parser.add_argument("tokens", nargs="*")
    args = parser.parse_args()
    from factionmap.extract.pipeline import default_pipeline

    pipeline = default_pipeline()
    stage_times(pipeline, "The Islamic State pledged allegiance to al-Qaeda in 2015.")  # load models
    for token in args.tokens or TOKENS:
        a, b = stage_times(pipeline, token * args.n), stage_times(pipeline, token * args.n * 2)
        flags = [f"{k} {a[k]:.2f}->{b[k]:.2f} s (x{b[k] / max(a[k], 1e-3):.1f})" for k in a
                 if b[k] > 0.15 and b[k] / max(a[k], 1e-3) > 2.6]
        print(f"{token!r:26} {sum(a.values()):6.2f} s -> {sum(b.values()):6.2f} s"
              + ("   SUPERLINEAR: " + "; ".join(flags) if flags else ""), flush=True)


if __name__ == "__main__":
    main()
