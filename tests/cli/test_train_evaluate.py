"""`factionmap train`, then `extract`/`evaluate` with --model, --min-confidence and --plot."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factionmap.cli import main

TRAIN = Path(__file__).resolve().parents[1] / "fixtures" / "train"


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("model")
    result = CliRunner().invoke(main, ["train", "--gold", str(TRAIN / "gold.jsonl"), str(TRAIN / "docs"),
                                       "-o", str(out), "--folds", "3", "--min-precision", "0.5"])
    assert result.exit_code == 0, result.output
    assert "cross-validated at threshold" in result.output
    return out


def test_train_writes_a_model_with_its_figures(model_dir):
    meta = json.loads((model_dir / "meta.json").read_text())
    assert meta["documents"] == 6 and meta["gold_ties"] == 18
    assert 0 <= meta["ece"] <= 1 and meta["digest"]
    assert {"vocab.txt", "weights.npz", "meta.json"} <= {p.name for p in model_dir.iterdir()}


def test_extract_with_the_model_gives_confidences_and_min_confidence_filters(model_dir):
    doc = str(TRAIN / "docs" / "bravo.txt")
    run = CliRunner().invoke(main, ["extract", doc, "--format", "jsonl", "--model", str(model_dir)])
    rows = [json.loads(line) for line in run.output.splitlines()]
    assert rows and all(0 <= r["confidence"] <= 1 for r in rows)
    strict = CliRunner().invoke(main, ["extract", doc, "--format", "jsonl", "--model", str(model_dir),
                                       "--min-confidence", "1.0"])
    assert len(strict.output.splitlines()) <= len(rows)
    assert all(json.loads(line)["confidence"] >= 1.0 for line in strict.output.splitlines())


def test_evaluate_prints_the_tradeoff_and_draws_it(model_dir, tmp_path):
    png = tmp_path / "curve.png"
    run = CliRunner().invoke(main, ["evaluate", "--gold", str(TRAIN / "gold.jsonl"), "--model", str(model_dir),
                                    "--plot", str(png), *map(str, sorted((TRAIN / "docs").glob("*.txt")))])
    assert run.exit_code == 0, run.output
    assert "confidence   precision  recall  F1" in run.output and "micro P=" in run.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_frames_alone_and_a_missing_model_folder(tmp_path):
    doc = str(TRAIN / "docs" / "bravo.txt")
    run = CliRunner().invoke(main, ["extract", doc, "--format", "jsonl", "--model", "none"])
    assert run.exit_code == 0 and all(json.loads(x)["confidence"] is None for x in run.output.splitlines())
    bad = CliRunner().invoke(main, ["extract", doc, "--model", str(tmp_path / "nowhere")])
    assert bad.exit_code != 0 and "no such folder" in bad.output


def test_train_without_gold_or_reviews_says_what_to_give(tmp_path):
    run = CliRunner().invoke(main, ["train", "-o", str(tmp_path / "m")])
    assert run.exit_code != 0 and "--gold" in run.output


def test_build_serve_and_export_honour_min_confidence(model_dir, tmp_path):
    from factionmap.graph import Graph
    from factionmap.store import Store

    db = str(tmp_path / "m.db")
    run = CliRunner().invoke(main, ["build", str(TRAIN / "docs"), "--db", db, "--model", str(model_dir),
                                    "--min-confidence", "0.05"])
    assert run.exit_code == 0, run.output
    store = Store(db)
    confidences = [a.confidence for a in store.assertions()]
    assert confidences and all(c is not None and c >= 0.05 for c in confidences)
    cut = sorted(confidences)[len(confidences) // 2]
    every, sure = Graph(store).ties(), Graph(store, min_confidence=cut).ties()
    assert 0 < len(sure) < len(every) or cut == max(confidences)
    by_id = {a.id: a.confidence for a in store.assertions()}
    kept_ids = {t.id for t in sure}
    for tie in every:
        best = max(by_id[c.assertion_id] for c in tie.citations)
        assert (best >= cut) == (tie.id in kept_ids)
    out = tmp_path / "ties.jsonl"
    run = CliRunner().invoke(main, ["export", "--db", db, "--format", "jsonl", "-o", str(out),
                                    "--min-confidence", str(cut)])
    assert run.exit_code == 0, run.output
    assert f"{len(sure)} ties" in run.output


def test_train_command_defaults_to_the_trainers_precision_floor():
    """The command's --min-precision default is a literal (the CLI does not import the trainer at
    start-up): it must stay the trainer's own DEFAULT_MIN_PRECISION, or `make model` and
    `training.train` would choose different thresholds."""
    from factionmap.extract.scoring.training import DEFAULT_MIN_PRECISION

    option = next(p for p in main.commands["train"].params if p.name == "min_precision")
    assert option.default == DEFAULT_MIN_PRECISION
