"""`factionmap train`: a relation model from gold ties and their documents."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import fail_cleanly


@click.command("train")
@click.option("--gold", "gold", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold ties: the evaluation spec's gold format, or annotation lines (`factionmap corpus`). "
                   "Repeatable.")
@click.argument("docs", nargs=-1, type=click.Path(exists=True))
@click.option("--from-reviews", "reviews_db", metavar="DB",
              help="Also learn from the analysts' reviews in this store (SQLite path or postgresql:// URL): "
                   "confirmed, corrected and hand-added ties as positives, rejected readings as negatives.")
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder to write the model into (meta.json, vocab.txt, and weights.npz or trees.txt).")
@click.option("--folds", default=5, show_default=True, help="Document-level cross-validation folds.")
@click.option("--learner", type=click.Choice(["linear", "boosted", "backoff", "twostage"]), default=None,
              help="linear: logistic regression per relation; boosted: gradient-boosted trees (LightGBM) per "
                   "relation; backoff: one logistic regression whose features are also shared by every relation "
                   "and by the relation's family; twostage: 'states some tie' times 'which relation' "
                   "(default: the one cross-validation chose, see bench/learners.py).")
@click.option("--c", "c", type=float, default=None,
              help="Inverse regularisation strength of the linear learner (default 0.3).")
@click.option("--min-precision", default=0.80, show_default=True,  # training.DEFAULT_MIN_PRECISION
              help="The threshold is the one with the best cross-validated F1 whose precision, less one standard error, reaches this.")
@fail_cleanly
def train(gold: tuple[Path, ...], docs: tuple[str, ...], reviews_db: str | None, output: Path, folds: int,
          learner: str | None, c: float | None, min_precision: float) -> None:
    """Train the relation scorer on GOLD ties and their DOCS (files or folders; documents are matched to
    the gold by file name), choose its threshold and calibration by document-level cross-validation,
    and write it to OUTPUT. Use it with `--model OUTPUT` on extract, build and evaluate.

    Example: factionmap train --gold my-gold.jsonl my-docs/ -o my-model/
             factionmap train --gold my-gold.jsonl my-docs/ --from-reviews map.db -o my-model/
    """
    from ..extract.scoring import training
    from ..extract.scoring.corpus import load_training_set

    if not gold and not reviews_db:
        raise click.UsageError("give --gold FILE (with its DOCS) or --from-reviews DB, or both")
    documents, rows = load_training_set(list(gold), list(docs)) if gold else ([], [])
    if reviews_db:
        from ..review.training import training_material
        from ..store import Store

        documents, rows = training_material(Store(reviews_db, create=False)).merged_with(documents, rows)
    click.echo(f"{len({n for n, _ in documents})} documents, {len(rows)} gold ties", err=True)
    with click.progressbar(length=len(documents), label="reading", file=sys.stderr) as bar:
        data = training.prepare(documents, rows, progress=lambda _name: bar.update(1))
    from ..extract.scoring.learners import PRESETS

    model, report = training.train(data, c=c, folds=folds, min_precision=min_precision,
                                   learner=PRESETS[learner] if learner else None)
    model.save(output)
    best = report["cv_threshold"]
    click.echo(json.dumps({k: report[k] for k in ("documents", "pairs", "gold_ties", "features", "ece",
                                                  "fit_seconds", "cv_seconds")}))
    click.echo(f"cross-validated at threshold {best['threshold']}: P {best['precision']:.3f} R {best['recall']:.3f} "
               f"F1 {best['f1']:.3f}; expected calibration error {report['ece']:.3f}; model {model.version} "
               f"written to {output}")
