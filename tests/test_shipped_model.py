"""The shipped relation model is what `factionmap train` makes from the annotated corpus (needs the
shared evaluation folder beside the checkout, which CI has)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from factionmap.extract.scoring.training import FIXED_ARITHMETIC

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "eval"
SHIPPED = ROOT / "src" / "factionmap" / "data" / "model"


def test_the_shipped_model_is_small_and_loads():
    from factionmap.extract.scoring.model import load_model

    size = sum(p.stat().st_size for p in SHIPPED.iterdir())
    assert size < 50 * 1024 * 1024
    model = load_model(SHIPPED)
    assert 0 < model.threshold < 1 and model.meta["ece"] <= 0.08


@pytest.mark.skipif(not (SHARED / "train" / "docs").is_dir(),
                    reason="needs ../shared/eval (the annotated corpus's documents), which CI has")
def test_train_on_the_corpus_reproduces_the_shipped_model(tmp_path):
    gold = [ROOT / "annotations" / "train.jsonl", SHARED / "dev" / "gold.jsonl", ROOT / "samples" / "gold.jsonl"]
    docs = [SHARED / "train" / "docs", SHARED / "dev" / "docs", ROOT / "samples" / "corpus"]
    args = ["train", *[x for g in gold for x in ("--gold", str(g))], *map(str, docs), "-o", str(tmp_path / "m")]
    # a new process, under the arithmetic `make model` fits with (training.FIXED_ARITHMETIC: the same on
    # every x86-64 machine, which numpy and OpenBLAS already loaded in this one would not be)
    result = subprocess.run([sys.executable, "-c", "from factionmap.cli import main; main()", *args],
                            env=os.environ | FIXED_ARITHMETIC, capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout + result.stderr
    made = json.loads((tmp_path / "m" / "meta.json").read_text())
    shipped = json.loads((SHIPPED / "meta.json").read_text())
    assert made["digest"] == shipped["digest"], "retrain with `make model` and commit the model"
