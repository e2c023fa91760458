"""`factionmap evaluate`: score extraction against a gold file (the evaluation spec's format)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import FactionmapError


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
def evaluate(gold: Path, docs: tuple[Path, ...], system: Path | None, as_json: bool, misses: bool) -> None:
    """Extract ties from DOCS and score them against GOLD: per-relation and micro P/R/F1,
    date accuracy and stance accuracy on matched ties.

    With no DOCS, the documents the gold file names are looked for beside it (and in docs/).
    """
    from .. import evaluate as scorer

    try:
        paths = list(docs) or _docs_beside(gold)
        if not paths and system is None:
            raise click.UsageError("no documents: give DOCS, or put the gold file's documents beside it")
        if system is not None:
            rows = _read_rows(system)
            report = scorer.score(scorer.load_gold(gold), rows, docs=[str(p) for p in paths] or None)
        else:
            report = scorer.evaluate(gold, paths)
    except FactionmapError as exc:
        raise click.ClickException(str(exc)) from None
    except ImportError as exc:
        raise click.ClickException(f"the extraction pipeline is not available ({exc})") from None
    if as_json:
        data = report.to_dict()
        if not misses:
            data.pop("misses"), data.pop("false_positives")
        click.echo(json.dumps(data, indent=1, ensure_ascii=False))
        return
    if misses and (report.misses or report.false_positives):
        click.echo(report.format_errors())
        click.echo()
    click.echo(report.format_table())
