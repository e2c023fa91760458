"""`factionmap corpus`: the annotated corpus — drafts in, offset-only annotations kept, gold out."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .. import annotation as ann
from .common import fail_cleanly

DOCS_HELP = "Folder holding the annotated documents (repeatable)."


def _corpus(docs: tuple[Path, ...]) -> ann.Corpus:
    if not docs:
        raise click.UsageError("give --docs FOLDER: where the annotated documents are")
    return ann.Corpus(list(docs))


@click.group("corpus")
def corpus() -> None:
    """The annotated corpus: annotation lines point at their evidence by offsets, never copy it."""


@corpus.command("from-drafts")
@click.argument("drafts", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--docs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help=DOCS_HELP)
@click.option("--annotator", default="pass1", show_default=True, help="Who (which pass) annotated the drafts.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write annotation lines here (default: only check the drafts).")
@fail_cleanly
def from_drafts(drafts: tuple[Path, ...], docs: tuple[Path, ...], annotator: str, output: Path | None) -> None:
    """Check DRAFTS (SPEC gold lines with an exact quote) and turn them into offset-only annotations."""
    corpus_ = _corpus(docs)
    rows, problems = [], []
    for path in drafts:
        try:
            for where, row in ann.read_jsonl(path):
                try:
                    rows.append(ann.from_draft(row, corpus_, where=where, annotator=annotator))
                except ann.AnnotationError as exc:
                    problems.append(str(exc))
        except ann.AnnotationError as exc:
            problems.append(str(exc))
    for p in problems:
        click.echo(p, err=True)
    click.echo(f"{len(rows)} ties read, {len(problems)} problems", err=True)
    if output is not None and not problems:
        ann.dump(rows, output)
    if problems:
        sys.exit(1)


@corpus.command("to-gold")
@click.argument("annotations", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--docs", multiple=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help=DOCS_HELP)
@click.option("--annotator", help="Only the lines of this annotator (pass).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: standard output.")
@fail_cleanly
def to_gold(annotations: tuple[Path, ...], docs: tuple[Path, ...], annotator: str | None,
            output: Path | None) -> None:
    """Write ANNOTATIONS in the evaluation spec's gold format (quotes read from the documents)."""
    corpus_ = _corpus(docs)
    rows = [ann.to_gold(r, corpus_) for r in ann.load(annotations, corpus_)
            if annotator is None or r.get("annotator") == annotator]
    if output is None:
        import json
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    else:
        ann.dump(rows, output)
