"""`factionmap evaluate`: score extraction against a gold file (the evaluation spec's format)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import FactionmapError
from .common import extractor_config, extractor_options


def _docs_beside(gold: Path) -> list[Path]:
    """With no DOCS given: the gold file's documents, looked for beside it and in its docs/ folder."""
    from ..evaluate import load_gold

    found = []
    for name in sorted({Path(r["doc"]).name for r in load_gold(gold)}):
        for folder in (gold.parent / "docs", gold.parent):
            if (folder / name).is_file():
                found.append(folder / name)
                break
    return found


def _read_rows(path: Path) -> list[dict]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise click.ClickException(f"{path}:{number}: not a JSON object ({exc.msg})") from None
    return rows


@click.command("evaluate")
@click.option("--gold", "gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold relations, one JSON object a line (eval/SPEC.md).")
@click.argument("docs", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--system", "system", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score these assertion rows (JSONL) instead of running the extractor.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
@click.option("--misses", is_flag=True, help="Also list missed gold ties and false positives.")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path),
              help="Draw the precision/recall trade-off over confidence thresholds into this PNG file.")
@extractor_options
def evaluate(gold: Path, docs: tuple[Path, ...], system: Path | None, as_json: bool, misses: bool,
             plot: Path | None, model: str | None, min_confidence: float | None) -> None:
    """Extract ties from DOCS and score them against GOLD: per-relation and micro P/R/F1,
    date accuracy and stance accuracy on matched ties.

    With no DOCS, the documents the gold file names are looked for beside it (and in docs/).
    """
    from .. import evaluate as scorer

    try:
        paths = list(docs) or _docs_beside(gold)
        if not paths and system is None:
            raise click.UsageError("no documents: give DOCS, or put the gold file's documents beside it")
        gold_rows = scorer.load_gold(gold)
        doc_names = [str(p) for p in paths] or None
        if system is not None:
            rows = _read_rows(system)
            threshold = min_confidence or 0.0
        else:
            config = extractor_config(model, 0.0)  # every candidate the model keeps, then the threshold
            threshold = min_confidence if min_confidence is not None else _model_threshold(config)
            rows = scorer.extract_rows(paths, scorer._default_extractor(config))
        report = scorer.score(gold_rows, [r for r in rows if scorer.confidence_of(r) >= threshold], docs=doc_names)
        curve = scorer.tradeoff(gold_rows, rows, doc_names)
        if plot is not None:
            scorer.plot_tradeoff(curve, plot, title=f"{gold.name}: precision / recall by confidence", mark=threshold)
    except FactionmapError as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError as exc:
        raise click.ClickException(f"the extraction pipeline is not available ({exc})") from None
    if as_json:
        data = report.to_dict()
        data["threshold"], data["tradeoff"] = threshold, curve
        if not misses:
            data.pop("misses"), data.pop("false_positives")
        click.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    if misses and (report.misses or report.false_positives):
        click.echo(report.format_errors())
        click.echo()
    click.echo(f"at confidence >= {threshold:.2f}:")
    click.echo(report.format_table())
    if any(r.get("confidence") is not None for r in rows):
        click.echo("\nconfidence   precision  recall  F1")
        for p in curve:
            mark = "  <-" if abs(p["threshold"] - threshold) < 0.025 else ""
            click.echo(f"  >= {p['threshold']:.2f}     {p['precision']:.3f}    {p['recall']:.3f}  {p['f1']:.3f}{mark}")
    if plot is not None:
        click.echo(f"trade-off drawn in {plot}")


def _model_threshold(config) -> float:
    from ..extract.pipeline import get_pipeline

    model = get_pipeline(config).model
    return model.threshold if model is not None else 0.0
